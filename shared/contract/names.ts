// The contract's names as plain strings, for the sandboxed preload: importing channels.ts there
// would bundle zod and the region tables into every window. Type-only imports keep this file
// dependency-free; test/electron/names.test.ts keeps the lists equal to the maps, key for key.
import type { ChannelName } from './channels';
import type { EventName } from './events';
import type { Result } from './result';

export const CHANNEL_NAMES_LIST = [
  'app.info',
  'setup.initialize',
  'auth.login',
  'auth.logout',
  'auth.me',
  'operator.list',
  'operator.create',
  'filing.create',
  'filing.get',
  'filing.list',
  'queue.stats',
  'queue.list',
  'queue.attempts',
  'queue.retryNow',
  'queue.resolveUncertain',
  'maintenance.list',
  'maintenance.schedule',
  'maintenance.cancel',
  'platform.status',
  'filing.void',
  'print.printers',
  'print.settings.get',
  'print.settings.set',
  'print.record',
  'print.a4',
  'print.slip',
  'filing.evaluate',
  'filing.update',
  'policy.profiles',
  'settings.policy.get',
  'settings.policy.set',
  'review.list',
  'review.approve',
  'review.return',
  // lookup area (shared/contract/areas/lookup.ts)
  'person.lookup',
  'person.verification',
  'institution.search',
  'diagnosis.search',
  'catalogue.status',
  'catalogue.refresh',
  // admin area (shared/contract/areas/admin.ts)
  'auth.session',
  'auth.lock',
  'auth.unlock',
  'auth.changePassword',
  'operator.accounts',
  'operator.setRole',
  'operator.setActive',
  'operator.resetPassword',
  'operator.unlock',
  'settings.security.get',
  'settings.security.set',
  'settings.institution.get',
  'settings.institution.set',
  'audit.list',
  'audit.actions',
  'audit.export',
  // reports area (shared/contract/areas/reports.ts)
  'report.summary',
  'report.export',
  // cutover area (shared/contract/areas/cutover.ts)
  'cutover.profile.get',
  'cutover.profile.test',
  'cutover.profile.switch',
  'cutover.credentials.status',
  'cutover.credentials.set',
  'cutover.credentials.clear',
  'cutover.backEntry.create',
  'cutover.backEntry.list',
  'cutover.import.preview',
  'cutover.import.commit',
  'cutover.import.batches',
  'cutover.cleanup.plan',
  'cutover.cleanup.get',
  'cutover.cleanup.list',
  'cutover.cleanup.apply',
  'cutover.cleanup.undo',
  // workflow area (shared/contract/areas/workflow.ts)
  'filing.timeline',
  'workflow.reviewers',
  'workflow.operators',
  // backup area (shared/contract/areas/backup.ts)
  'backup.list',
  'backup.create',
  'backup.settings.set',
  'backup.check',
  'backup.restore',
] as const satisfies readonly ChannelName[];

export const EVENT_NAMES_LIST = ['queue.changed', 'filing.changed', 'platform.state'] as const satisfies readonly EventName[];

// A channel or event added to the contract but not here is a compile error, not only a test failure.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : Exclude<All, Listed>;
export const CHANNEL_LIST_COMPLETE: Missing<ChannelName, (typeof CHANNEL_NAMES_LIST)[number]> = true;
export const EVENT_LIST_COMPLETE: Missing<EventName, (typeof EVENT_NAMES_LIST)[number]> = true;

/** The Electron IPC channels the preload and the main side's door share: one to call, one to listen. */
export const IPC_INVOKE_CHANNEL = 'desk:invoke';
export const IPC_EVENT_CHANNEL = 'desk:event';

/** What the preload puts on `window.desk` (architecture §3); the renderer's client calls it. */
export interface DeskBridge {
  /** Resolves to the dispatcher's Result; never rejects for a refused name. */
  invoke(channel: string, request: unknown): Promise<Result<unknown>>;
  /** Throws for a name that is not in the contract; returns the unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
