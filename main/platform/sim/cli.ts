// `npm run platform:sim -- [--port 9100] [--latency 50] [--fault down] …` starts the simulator;
// `npm run platform:sim -- inspect referrals --person <no>`, `… fault slow:3000`, `… fault clear`,
// `… expire-sign-ins`, `… reset` talk to a running one (--url, default http://127.0.0.1:9100).
import { parseFaultSpecs } from './faultSpec';
import { faultPatch } from './faults';
import { SIM_DESK_INSTITUTION, SIM_NAMED_PERSONS, SIM_PERSONS } from './seed';
import { startSimulator, type SimulatorOptions } from './server';

export const DEFAULT_SIM_PORT = 9100;

interface Parsed {
  positional: string[];
  flags: Map<string, string[]>;
}

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    let value = eq > 0 ? arg.slice(eq + 1) : 'true';
    if (eq < 0 && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) value = argv[(i += 1)]!;
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return { positional, flags };
}

const one = (p: Parsed, name: string) => p.flags.get(name)?.at(-1);
const list = (p: Parsed, name: string) => (p.flags.get(name) ?? []).flatMap((v) => v.split(',')).filter(Boolean);

function number(p: Parsed, name: string): number | undefined {
  const v = one(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`--${name} needs a number, got ${v}`);
  return n;
}

function faultsFrom(p: Parsed) {
  const specs = p.flags.get('fault') ?? [];
  const extra = [...(one(p, 'maintenance') ? [`maintenance:${one(p, 'maintenance')}`] : []), ...(one(p, 'capacity') ? [`capacity:${one(p, 'capacity')}`] : [])];
  const rate = number(p, 'fault-rate');
  return parseFaultSpecs([...specs, ...extra], { ...(rate !== undefined ? { rate } : {}), infnos: list(p, 'fault-infno') });
}

function gatewayFrom(p: Parsed): SimulatorOptions['gateway'] {
  const scheme = one(p, 'gateway');
  if (!scheme) return undefined;
  const id = process.env.SIM_GATEWAY_ID;
  const secret = process.env.SIM_GATEWAY_SECRET;
  if (!id || !secret) throw new Error('--gateway needs SIM_GATEWAY_ID and SIM_GATEWAY_SECRET in the environment');
  if (scheme === 'x-tif') return { scheme, paasId: id, secret };
  if (scheme === 'csb') return { scheme, accessKey: id, secretKey: secret };
  throw new Error(`--gateway must be x-tif or csb, got ${scheme}`);
}

async function serve(p: Parsed): Promise<void> {
  const operators = list(p, 'operators');
  const sim = await startSimulator({
    port: number(p, 'port') ?? DEFAULT_SIM_PORT,
    ...(one(p, 'db') ? { dbPath: one(p, 'db')! } : {}),
    latencyMs: number(p, 'latency') ?? 0,
    seed: number(p, 'seed') ?? 1,
    faults: faultsFrom(p),
    ...(gatewayFrom(p) ? { gateway: gatewayFrom(p)! } : {}),
    ...(one(p, 'admin-port') ? { adminPort: number(p, 'admin-port')! } : {}),
    behaviour: {
      operators: operators.length ? operators : null,
      includeSerialIn5304: p.flags.has('include-serial-5304'),
      referralAExtra: one(p, 'referral-a-extra') === 'refl_used_flag' ? 'refl_used_flag' : 'refl_old_mdtrt_id',
    },
  });
  const active = Object.entries(sim.faults.state).filter(([, v]) => v !== null).map(([k]) => k);
  console.log(`platform simulator ready: ${sim.url} (latency ${sim.latency()} ms, faults: ${active.join(', ') || 'none'})`);
  if (sim.adminUrl) console.log(`admin: ${sim.adminUrl}/__sim/`);
  console.log(`point the desk at it: npm run start:web -- --platform-url ${sim.url}  (institution ${SIM_DESK_INSTITUTION.code} ${SIM_DESK_INSTITUTION.name}, region ${SIM_DESK_INSTITUTION.regionCode})`);
  console.log(`seeded persons: ${SIM_NAMED_PERSONS.map((x) => `${x.name} ${x.certNo}`).join('; ')} (and ${SIM_PERSONS.length - SIM_NAMED_PERSONS.length} generated)`);
  const stop = async () => {
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function call(p: Parsed, method: string, path: string, body?: unknown): Promise<void> {
  const base = (one(p, 'url') ?? `http://127.0.0.1:${DEFAULT_SIM_PORT}`).replace(/\/+$/, '');
  const res = await fetch(`${base}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  console.log(await res.text());
  if (!res.ok) process.exitCode = 1;
}

async function main(argv: string[]): Promise<void> {
  const p = parseArgs(argv);
  const [command, ...rest] = p.positional;
  const person = one(p, 'person');
  const query = person ? `?personNo=${encodeURIComponent(person)}` : '';
  switch (command) {
    case undefined:
    case 'serve':
      return serve(p);
    case 'inspect': {
      const what = rest[0] ?? 'stats';
      if (what === 'exchanges') {
        const params = new URLSearchParams();
        if (one(p, 'infno')) params.set('infno', one(p, 'infno')!);
        if (one(p, 'limit')) params.set('limit', one(p, 'limit')!);
        return call(p, 'GET', `/exchanges?${params}`);
      }
      if (!['referrals', 'out-of-area', 'stats', 'faults', 'persons'].includes(what)) throw new Error(`unknown inspect target: ${what}`);
      return call(p, 'GET', `/${what}${query}`);
    }
    case 'fault':
      if (rest[0] === 'clear') return call(p, 'DELETE', '/faults');
      return call(p, 'PATCH', '/faults', faultPatch.parse(parseFaultSpecs(rest, { ...(number(p, 'fault-rate') !== undefined ? { rate: number(p, 'fault-rate')! } : {}), infnos: list(p, 'fault-infno') })));
    case 'expire-sign-ins':
      return call(p, 'POST', '/sign-ins/expire');
    case 'reset':
      return call(p, 'POST', '/reset');
    default:
      throw new Error(`unknown command: ${command}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
