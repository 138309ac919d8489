// What the upload queue needs of the platform adapter (main/platform/client.ts), and of time.
import type { PlatformClient } from '../platform/client';

/** The calls the queue makes; the desk passes the real client, tests may pass a scripted fake. */
export type SyncPlatform = Pick<PlatformClient, 'fileReferral' | 'cancelReferral' | 'queryReferrals' | 'probe' | 'invalidateSignIn' | 'ensureSignedIn'> &
  /** The other filing types (main/sync/mapping.ts); without uploadRouteOf only referrals are uploaded. */
  Partial<Pick<PlatformClient, 'uploadRouteOf' | 'fileOutOfArea' | 'cancelOutOfArea' | 'queryOutOfArea'>>;

/** Timers, injected so tests can drive time by hand. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as NodeJS.Timeout);
  },
};
