// Composition root: builds the database, the services and the dispatcher for one desk.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMigrated } from '../../db/migrate';
import type { DbHandle } from '../../db/open';
import type { ServiceContext } from '../services/context';
import { createDispatch, type Dispatch, type DispatchLog } from './dispatch';
import { EventBus } from './events';
import { handlers } from './handlers';
import { SessionStore } from './sessions';

export const DESK_VERSION = '0.1.0';

export interface DeskConfig {
  /** Folder for this desk's database and backups. Training and live data never share one. */
  dataDir: string;
  mode: 'training' | 'live';
  migrationsFolder?: string;
  clock?: () => Date;
  log?: DispatchLog;
}

export interface Desk {
  dispatch: Dispatch;
  events: EventBus;
  sessions: SessionStore;
  ctx: ServiceContext;
  db: DbHandle;
  close(): void;
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
    newId: randomUUID,
  };
  const dispatch = createDispatch(ctx, handlers, config.log);
  return { dispatch, events, sessions, ctx, db: handle, close: () => handle.close() };
}
