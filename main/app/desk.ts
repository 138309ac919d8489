// Composition root: builds the database, the services and the dispatcher for one desk.
import { uuidv7 } from 'uuidv7';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMigrated } from '../../db/migrate';
import type Database from 'better-sqlite3';
import type { InstitutionDto } from '../../shared/contract';
import type { DbHandle } from '../../db/open';
import { getInstitution } from '../../db/repositories/institution';
import type { PlatformOperator } from '../platform/types';
import type { PlatformSwitcher } from './platform-wiring';
import type { ServiceContext } from '../services/context';
import { SyncEngine, type SyncEngineOptions } from '../sync/engine';
import type { SyncPlatform } from '../sync/ports';
import { createDispatch, type Dispatch, type DispatchLog } from './dispatch';
import { EventBus } from './events';
import { createHandlers } from './handlers';
import type { DeskPrinter } from './printer';
import { SessionStore } from './sessions';
import { attachLookup } from '../services/lookupPlatform';
import { defaultUploadRoute } from '../sync/mapping';
import { startBackups } from '../services/backup';

export const DESK_VERSION = '0.1.0';

export interface DeskConfig {
  /** Folder for this desk's database and backups. Training and live data never share one. */
  dataDir: string;
  mode: 'training' | 'live';
  migrationsFolder?: string;
  clock?: () => Date;
  log?: DispatchLog;
  /** The provincial platform; without it nothing is uploaded and the queue only fills. */
  platform?: DeskPlatformConfig;
  /** The machine's printers (the Electron shell); without it the renderer prints through the browser. */
  printer?: DeskPrinter;
}

/** What the platform client needs from the desk, once the desk is set up. */
export interface PlatformEnvironment {
  sqlite: Database.Database;
  institution: InstitutionDto;
}

export interface DeskPlatformConfig extends Omit<SyncEngineOptions, 'client' | 'operator'> {
  /**
   * The client, or a factory called on first use once the institution is set up (the real client
   * needs the desk's database and the institution's code: main/platform/client.ts).
   */
  client: SyncPlatform | ((env: PlatformEnvironment) => SyncPlatform);
  /** Who the upload queue's calls are made as. */
  operator: PlatformOperator;
  /** Run-time profile switching (cut-over, main/app/platform-wiring.ts); absent for fixed test clients. */
  switcher?: PlatformSwitcher;
}

export interface Desk {
  dispatch: Dispatch;
  events: EventBus;
  sessions: SessionStore;
  ctx: ServiceContext;
  db: DbHandle;
  /** The upload queue's engine; null without a platform. */
  sync: SyncEngine | null;
  /** Stops the queue (a request in flight is left for start-up reconciliation) and closes the database. */
  close(): void;
}

const NOT_SET_UP = { outcome: 'not_sent', message: '工作台尚未完成初始设置，暂不能连接医保平台', msgid: null, infno: '', durationMs: 0, reason: 'not_set_up' } as const;

/** Builds the client on first use, once the institution is known; until then every call is "not sent". */
function lazyClient(factory: (env: PlatformEnvironment) => SyncPlatform, handle: DbHandle): SyncPlatform {
  let client: SyncPlatform | null = null;
  const get = (): SyncPlatform | null => {
    if (client) return client;
    const institution = getInstitution(handle.db);
    if (institution) client = factory({ sqlite: handle.sqlite, institution });
    return client;
  };
  return {
    fileReferral: async (...args) => (await get()?.fileReferral(...args)) ?? NOT_SET_UP,
    cancelReferral: async (...args) => (await get()?.cancelReferral(...args)) ?? NOT_SET_UP,
    queryReferrals: async (...args) => (await get()?.queryReferrals(...args)) ?? NOT_SET_UP,
    probe: async (...args) => (await get()?.probe(...args)) ?? NOT_SET_UP,
    ensureSignedIn: async (...args) => (await get()?.ensureSignedIn(...args)) ?? NOT_SET_UP,
    invalidateSignIn: (...args) => get()?.invalidateSignIn(...args),
    // The other filing types (main/sync/mapping.ts): the profile's routes and out-of-area transactions.
    uploadRouteOf: (type) => {
      const c = get();
      return c?.uploadRouteOf ? c.uploadRouteOf(type) : defaultUploadRoute(type);
    },
    fileOutOfArea: async (...args) => (await get()?.fileOutOfArea?.(...args)) ?? NOT_SET_UP,
    cancelOutOfArea: async (...args) => (await get()?.cancelOutOfArea?.(...args)) ?? NOT_SET_UP,
    queryOutOfArea: async (...args) => (await get()?.queryOutOfArea?.(...args)) ?? NOT_SET_UP,
  };
}

export const DB_FILE = 'desk.sqlite';

export async function createDesk(config: DeskConfig): Promise<Desk> {
  mkdirSync(config.dataDir, { recursive: true });
  const { handle } = await openMigrated(join(config.dataDir, DB_FILE), {
    backupDir: join(config.dataDir, 'backups'),
    ...(config.migrationsFolder ? { migrationsFolder: config.migrationsFolder } : {}),
  });
  const events = new EventBus();
  const sessions = new SessionStore();
  const ctx: ServiceContext = {
    db: handle.db,
    sqlite: handle.sqlite,
    clock: config.clock ?? (() => new Date()),
    events,
    sessions,
    mode: config.mode,
    version: DESK_VERSION,
    // Time-ordered ids (RFC 9562 v7): a create appends to the filing id, outbox id and order-key
    // B-trees instead of reading and writing a random page in each of them (docs/performance.md
    // "Filings at scale", round 3). Not secrets: sessions have their own tokens.
    newId: uuidv7,
    printer: config.printer ?? null,
  };
  let sync: SyncEngine | null = null;
  if (config.platform) {
    const { client, switcher: _switcher, ...options } = config.platform;
    sync = new SyncEngine(ctx, { ...options, client: typeof client === 'function' ? lazyClient(client, handle) : client });
  }
  attachLookup(ctx, config.platform?.client, sync); // person lookup, catalogues, verification of hand-entered persons
  const dispatch = createDispatch(ctx, createHandlers({ sync, platform: config.platform?.switcher ?? null }), config.log);
  // Persisted entries first: recovery and replay start before the desk takes new work.
  sync?.start();
  // The daily online backup (docs/backup.md); catches up at once when today's slot has passed.
  const stopBackups = startBackups(ctx, { ...(config.migrationsFolder ? { migrationsFolder: config.migrationsFolder } : {}), ...(config.log ? { log: config.log } : {}) });
  return {
    dispatch,
    events,
    sessions,
    ctx,
    db: handle,
    sync,
    close: () => {
      stopBackups();
      sync?.halt();
      handle.close();
    },
  };
}
