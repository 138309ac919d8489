// How the lookup services reach the provincial platform: the desk's platform client (built on first
// use, once the institution is set up) and whether it can be asked right now. Attached once per desk
// by the composition root (main/app/desk.ts); a desk without a platform gets a runtime that says so.
import { getInstitution } from '../../db/repositories/institution';
import { openWindowAt } from '../../db/repositories/sync';
import type { PlatformEnvironment } from '../app/desk';
import type { PlatformClient } from '../platform/client';
import type { SyncControl } from '../sync/engine';
import type { ServiceContext } from './context';
import { VerificationJob, type VerificationJobOptions } from './lookupVerification';

export { LOOKUP_OPERATOR } from './lookupVerification';

/** The platform calls the lookup services make. */
export type LookupPlatform = Pick<PlatformClient, 'queryPerson' | 'queryInstitutions' | 'queryDiagnoses'>;

/** The desk's platform configuration as the composition root holds it (a client or its factory). */
export type LookupPlatformSource = object | ((env: PlatformEnvironment) => object) | undefined;

export type Availability = { ok: true; platform: LookupPlatform } | { ok: false; reason: 'not_configured' | 'not_set_up' | 'offline' | 'maintenance' };

export interface LookupRuntime {
  /** The platform when it may be asked now; a reason otherwise (no platform, breaker open, maintenance). */
  availability(): Availability;
  /** The background verification of hand-entered persons; null without a platform. */
  verifier: VerificationJob | null;
}

const runtimes = new WeakMap<ServiceContext, LookupRuntime>();

const NONE: LookupRuntime = { availability: () => ({ ok: false, reason: 'not_configured' }), verifier: null };

export function lookupRuntime(ctx: ServiceContext): LookupRuntime {
  return runtimes.get(ctx) ?? NONE;
}

function isLookupPlatform(client: object): client is LookupPlatform {
  const c = client as Partial<Record<keyof LookupPlatform, unknown>>;
  return typeof c.queryPerson === 'function' && typeof c.queryInstitutions === 'function' && typeof c.queryDiagnoses === 'function';
}

/**
 * Attaches the lookup runtime to a desk and starts the verification job. `source` is the desk's
 * platform client or factory (DeskPlatformConfig.client); a factory is called on first use with the
 * desk's database and institution, as the queue's client is. A client without the lookup calls (a
 * scripted queue fake) counts as no platform.
 */
export function attachLookup(ctx: ServiceContext, source: LookupPlatformSource, sync: SyncControl | null, options: VerificationJobOptions = {}): LookupRuntime {
  let client: LookupPlatform | null = null;
  let unusable = source === undefined;
  const platform = (): LookupPlatform | 'not_set_up' | null => {
    if (client) return client;
    if (unusable) return null;
    let built: object;
    if (typeof source === 'function') {
      const institution = getInstitution(ctx.db);
      if (!institution) return 'not_set_up';
      built = source({ sqlite: ctx.sqlite, institution });
    } else {
      built = source!;
    }
    if (!isLookupPlatform(built)) {
      unusable = true;
      return null;
    }
    client = built;
    return client;
  };
  const runtime: LookupRuntime = {
    availability() {
      const p = platform();
      if (p === null) return { ok: false, reason: 'not_configured' };
      if (p === 'not_set_up') return { ok: false, reason: 'not_set_up' };
      // A maintenance window the admin scheduled holds lookups as it holds the queue (docs/queue.md).
      if (openWindowAt(ctx.db, ctx.clock().toISOString())) return { ok: false, reason: 'maintenance' };
      const status = sync?.status();
      if (status?.state === 'maintenance') return { ok: false, reason: 'maintenance' };
      if (status && status.breaker === 'open') return { ok: false, reason: 'offline' };
      return { ok: true, platform: p };
    },
    verifier: null,
  };
  if (source !== undefined) runtime.verifier = new VerificationJob(ctx, () => runtime.availability(), options);
  runtimes.set(ctx, runtime);
  runtime.verifier?.start();
  return runtime;
}
