// Fault specs as typed on the command line: `down`, `down:reset`, `5xx:502`, `5xx-after-commit:504`,
// `slow:3000`, `drop`, `malformed:truncated`, `gateway:code_type_message`, `no-serial`, `reject:0.2`,
// `maintenance:FROM,TO`, `capacity:8` or `capacity:8:100`. `rate` and `infnos` apply to the
// per-request faults of the same command.
import type { FaultPatch } from './faults';

export interface SpecScope {
  rate?: number;
  infnos?: string[];
}

export function parseFaultSpecs(specs: string[], scope: SpecScope = {}): FaultPatch {
  const patch: FaultPatch = {};
  const rule = { ...(scope.rate !== undefined ? { rate: scope.rate } : {}), ...(scope.infnos?.length ? { infnos: scope.infnos } : {}) };
  for (const spec of specs) {
    const [kind, ...rest] = spec.split(':');
    const arg = rest.join(':');
    switch (kind) {
      case 'down':
        patch.down = { mode: arg === 'reset' ? 'reset' : 'refuse' };
        break;
      case '5xx':
      case '5xx-after-commit':
        patch.httpError = { ...rule, status: arg ? Number(arg) : 502, afterCommit: kind === '5xx-after-commit' };
        break;
      case 'slow':
        patch.slow = { ...rule, delayMs: Number(arg || 5000) };
        break;
      case 'drop':
        patch.drop = { ...rule };
        break;
      case 'malformed':
        patch.malformed = { ...rule, mode: arg === 'truncated' ? 'truncated' : 'garbage' };
        break;
      case 'gateway':
        patch.gateway = { ...rule, style: arg === 'code_type_message' ? 'code_type_message' : 'code_msg' };
        break;
      case 'no-serial':
        patch.noSerial = { ...rule };
        break;
      case 'reject':
        patch.reject = { ...rule, rate: arg ? Number(arg) : (scope.rate ?? 1) };
        break;
      case 'maintenance': {
        const [from, to] = arg.split(',');
        if (!from || !to) throw new Error(`maintenance needs FROM,TO (ISO times): ${spec}`);
        patch.maintenance = { from, to };
        break;
      }
      case 'capacity': {
        const [max, queued] = arg.split(':');
        patch.capacity = { maxConcurrent: Number(max || 1), ...(queued ? { maxQueued: Number(queued) } : {}) };
        break;
      }
      default:
        throw new Error(`unknown fault: ${spec}`);
    }
  }
  return patch;
}
