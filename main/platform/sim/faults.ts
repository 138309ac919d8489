// Fault injection, controllable at run time (in process, over /__sim/faults, and by CLI flags).
// Each fault says what a real platform or its gateway does to a request; docs/platform.md lists which
// outcome class each one must produce at the desk.
import { z } from 'zod';

const rule = {
  /** Probability per matching request, 0..1 (default 1). */
  rate: z.number().min(0).max(1).optional(),
  /** Only these transactions (default: every platform transaction). */
  infnos: z.array(z.string()).optional(),
  /** Fire this many times, then clear itself. */
  remaining: z.number().int().positive().optional(),
};

export const faultState = z.object({
  /** refuse: stop listening (connection refused); reset: read the request, then reset the connection. */
  down: z.object({ mode: z.enum(['refuse', 'reset']), durationMs: z.number().int().positive().optional() }).nullable(),
  /** An HTTP error status; afterCommit = the platform did the work and the gateway still answered 5xx. */
  httpError: z.object({ ...rule, status: z.number().int().min(400).max(599), afterCommit: z.boolean().optional() }).nullable(),
  /** Extra delay before the platform handles the request. */
  slow: z.object({ ...rule, delayMs: z.number().int().min(0).max(600_000) }).nullable(),
  /** The request is committed, then the connection is closed without an answer. */
  drop: z.object(rule).nullable(),
  /** Committed, then answered with garbage (not JSON) or a truncated JSON body. */
  malformed: z.object({ ...rule, mode: z.enum(['garbage', 'truncated']) }).nullable(),
  /** A gateway envelope instead of the platform's: {code,msg} (Powersi) or {code,type,message,data} (Guangzhou). */
  gateway: z.object({ ...rule, style: z.enum(['code_msg', 'code_type_message']), message: z.string().optional() }).nullable(),
  /** Business rejections (infcode -1) at a rate. */
  reject: z.object({ ...rule, message: z.string().optional() }).nullable(),
  /** Filing committed, but the success reply lacks trt_dcla_detl_sn. */
  noSerial: z.object(rule).nullable(),
  /** A scheduled maintenance window (ISO times): 503 from the gateway inside it. */
  maintenance: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }), message: z.string().optional() }).nullable(),
  /** At most maxConcurrent requests handled at once; the rest queue (beyond maxQueued: 503 busy). */
  capacity: z.object({ maxConcurrent: z.number().int().positive(), maxQueued: z.number().int().min(0).optional() }).nullable(),
});

export type FaultState = z.infer<typeof faultState>;
export type FaultName = keyof FaultState;
export const FAULT_NAMES = Object.keys(faultState.shape) as FaultName[];
export const faultPatch = faultState.partial();
export type FaultPatch = z.infer<typeof faultPatch>;

type RuleFault = 'httpError' | 'slow' | 'drop' | 'malformed' | 'gateway' | 'reject' | 'noSerial';

export function emptyFaults(): FaultState {
  return Object.fromEntries(FAULT_NAMES.map((n) => [n, null])) as FaultState;
}

/** A small deterministic PRNG (mulberry32), so a seeded run injects the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultController {
  private current: FaultState = emptyFaults();
  private readonly listeners = new Set<(state: FaultState) => void>();
  private downTimer: NodeJS.Timeout | undefined;

  constructor(private readonly random: () => number) {}

  /** A copy of the whole state. */
  get state(): FaultState {
    return structuredClone(this.current);
  }

  /** One fault's current setting, uncopied (read it, do not change it): the per-request path. */
  peek<K extends FaultName>(name: K): Readonly<FaultState[K]> {
    return this.current[name];
  }

  /** Merges: a named fault is set, or cleared with null; unnamed faults stay. Throws on invalid input. */
  set(patch: FaultPatch): FaultState {
    const parsed = faultPatch.parse(patch);
    this.current = { ...this.current, ...parsed };
    this.armDownTimer();
    this.notify();
    return this.state;
  }

  /** Replaces the whole state: unnamed faults are cleared. */
  replace(patch: FaultPatch): FaultState {
    const parsed = faultPatch.parse(patch);
    this.current = { ...emptyFaults(), ...parsed };
    this.armDownTimer();
    this.notify();
    return this.state;
  }

  clear(): FaultState {
    return this.replace({});
  }

  onChange(listener: (state: FaultState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether fault `name` applies to this request; consumes one of its `remaining`. */
  fires(name: RuleFault, infno: string | null): boolean {
    const f = this.current[name];
    if (!f) return false;
    if (f.infnos && (!infno || !f.infnos.includes(infno))) return false;
    if (f.rate !== undefined && this.random() >= f.rate) return false;
    if (f.remaining !== undefined) {
      this.current = { ...this.current, [name]: f.remaining <= 1 ? null : { ...f, remaining: f.remaining - 1 } };
      if (f.remaining <= 1) this.notify();
    }
    return true;
  }

  /** The maintenance message when `now` is inside the window, else null. */
  maintenanceAt(now: Date): string | null {
    const m = this.current.maintenance;
    if (!m) return null;
    const t = now.getTime();
    if (t < Date.parse(m.from) || t >= Date.parse(m.to)) return null;
    return m.message ?? `医保平台系统维护中，预计${m.to}恢复`;
  }

  dispose(): void {
    clearTimeout(this.downTimer);
    this.listeners.clear();
  }

  private armDownTimer(): void {
    clearTimeout(this.downTimer);
    const down = this.current.down;
    if (down?.durationMs) {
      this.downTimer = setTimeout(() => this.set({ down: null }), down.durationMs);
      this.downTimer.unref();
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener(this.state);
  }
}
