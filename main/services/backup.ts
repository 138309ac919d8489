// Backups (issue 7, docs/backup.md): online backups of the live database with better-sqlite3's
// backup API (the desk keeps working while it runs), a daily schedule in China Standard Time with
// retention, manual backups, and restore after an integrity check. Restore copies the checked backup
// into the live file with the same API (SQLite locks the file for the copy), so the desk keeps its
// connection in Electron and in browser mode alike: no restart, every session ends and the renderer
// reloads. A start-up integrity failure has its own way out: restoreNewestGoodBackup(dataDir).
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { BACKUP_FILE_NAME, BACKUP_KINDS, backupSettingsDto, type BackupFileDto, type BackupKind, type BackupSettingsDto } from '../../shared/contract/areas/backup';
import { businessDate, businessParts } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import { getInstitution, getSetting, putSetting } from '../../db/repositories/institution';
import { DEFAULT_MIGRATIONS_FOLDER } from '../../db/migrate';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

export const BACKUP_SETTINGS_KEY = 'backup.settings';
/** 12:30 CST: the desk is on over the lunch break, and a backup then does not slow the morning queue. */
export const DEFAULT_BACKUP_SETTINGS: BackupSettingsDto = { enabled: true, dailyAt: '12:30', keepDaily: 14 };
/** Tables every desk database has; a file without them is not this desk's database. */
const DESK_TABLES = ['filings', 'operators', 'audit_events', '__drizzle_migrations'];

/** Per-desk state the use cases share with the scheduler (set by startBackups). */
interface BackupRuntime {
  migrationsFolder: string;
  busy: boolean;
  stop: () => void;
}
const runtimes = new WeakMap<ServiceContext, BackupRuntime>();

function runtimeOf(ctx: ServiceContext): BackupRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    runtime = { migrationsFolder: DEFAULT_MIGRATIONS_FOLDER, busy: false, stop: () => {} };
    runtimes.set(ctx, runtime);
  }
  return runtime;
}

export function backupDirOf(ctx: ServiceContext): string {
  return join(dirname(ctx.sqlite.name), 'backups');
}

// ---- files ----

const STAMPED = /^([a-z-]+?)-(\d{8})-(\d{6})(?:-\d+)?\.sqlite$/;
/** db/migrate.ts names its copies before-migration-<ISO with - for : and .>.sqlite. */
const MIGRATION_COPY = /^before-migration-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

function stampOf(at: Date): string {
  const p = businessParts(at);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/** The kind and time a backup's name says, or null for a file that is not one of ours. */
export function parseBackupName(fileName: string): { kind: BackupKind; createdAt: Date } | null {
  if (!BACKUP_FILE_NAME.test(fileName)) return null;
  const migration = MIGRATION_COPY.exec(fileName);
  if (migration) return { kind: 'before-migration', createdAt: new Date(`${migration[1]}T${migration[2]}:${migration[3]}:${migration[4]}.${migration[5]}Z`) };
  const m = STAMPED.exec(fileName);
  const kind = BACKUP_KINDS.find((k) => k === m?.[1]);
  if (!m || !kind) return null;
  const [d, t] = [m[2]!, m[3]!];
  const createdAt = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}+08:00`);
  return Number.isNaN(createdAt.getTime()) ? null : { kind, createdAt };
}

/** The backups in `dir`, newest first. */
export function listBackupFiles(dir: string): BackupFileDto[] {
  if (!existsSync(dir)) return [];
  const files: BackupFileDto[] = [];
  for (const fileName of readdirSync(dir)) {
    const parsed = parseBackupName(fileName);
    if (!parsed) continue;
    files.push({ fileName, kind: parsed.kind, createdAt: parsed.createdAt.toISOString(), sizeBytes: statSync(join(dir, fileName)).size });
  }
  return files.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

function freshName(dir: string, kind: BackupKind, at: Date): string {
  const base = `${kind}-${stampOf(at)}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    if (!existsSync(join(dir, name))) return name;
  }
}

// ---- checking a candidate ----

export interface CandidateVerdict {
  ok: boolean;
  /** For the operator. */
  message: string;
}

function latestKnownMigration(migrationsFolder: string): number {
  return Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((f) => f.folderMillis));
}

/**
 * Whether `path` is a sound database of this desk that this version can restore: it opens, passes
 * PRAGMA integrity_check, has the desk's tables, and was not written by a newer version.
 */
export function checkCandidate(path: string, migrationsFolder: string = DEFAULT_MIGRATIONS_FOLDER): CandidateVerdict {
  const refuse = (why: string): CandidateVerdict => ({ ok: false, message: `该备份不能恢复：${why}。请选择其他备份。` });
  if (!existsSync(path)) return refuse('文件不存在');
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { fileMustExist: true });
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') return refuse(`文件已损坏，完整性检查未通过（${rows.map((r) => r.integrity_check).slice(0, 2).join('；')}）`);
    const names = new Set((db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const missing = DESK_TABLES.filter((t) => !names.has(t));
    if (missing.length > 0) return refuse('这不是本工作台的数据库文件（缺少备案、操作员等数据表）');
    const last = (db.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? 0;
    if (last > latestKnownMigration(migrationsFolder)) return refuse('它由更新版本的工作台生成，请先把本机工作台升级到同一版本');
    return { ok: true, message: '备份完好，可以恢复' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return refuse('这不是数据库文件，或文件已损坏');
    return refuse(`无法读取文件（${String(error instanceof Error ? error.message : error).slice(0, 80)}）`);
  } finally {
    db?.close();
  }
}

// ---- taking a backup ----

/**
 * An online backup of the live database into the backups folder. Written under a dot-name first and
 * renamed once it is complete and checked, so a half-written file is never listed or restored. The
 * copy is switched to a rollback journal: one self-contained file to carry off the PC.
 */
export async function takeBackup(ctx: ServiceContext, kind: BackupKind): Promise<BackupFileDto> {
  const dir = backupDirOf(ctx);
  mkdirSync(dir, { recursive: true });
  const at = ctx.clock();
  const fileName = freshName(dir, kind, at);
  const partial = join(dir, `.${fileName}.partial`);
  try {
    await ctx.sqlite.backup(partial);
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const verdict = checkCandidate(partial, runtimeOf(ctx).migrationsFolder);
    if (!verdict.ok) throw new DeskError('INTERNAL', `备份未完成：刚写入的备份没有通过完整性检查，请检查磁盘空间后重试（${verdict.message}）`);
    renameSync(partial, join(dir, fileName));
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true });
  }
  return { fileName, kind, createdAt: at.toISOString(), sizeBytes: statSync(join(dir, fileName)).size };
}

// ---- settings, schedule, retention ----

export function readBackupSettings(ctx: ServiceContext): BackupSettingsDto {
  const parsed = backupSettingsDto.safeParse(getSetting(ctx.db, BACKUP_SETTINGS_KEY));
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

/** Today's slot (CST) of the daily schedule. CST has no daylight saving, so +08:00 is exact. */
function slotOn(date: string, dailyAt: string): Date {
  return new Date(`${date}T${dailyAt}:00+08:00`);
}

/** When the next scheduled backup runs after `now`; null when the schedule is off. */
export function nextScheduledAt(settings: BackupSettingsDto, now: Date): Date | null {
  if (!settings.enabled) return null;
  const today = slotOn(businessDate(now), settings.dailyAt);
  return today.getTime() > now.getTime() ? today : new Date(today.getTime() + 24 * 3600_000);
}

/**
 * Due when today's slot has passed and no scheduled backup was taken since it. A desk that was off
 * at the slot takes the day's backup as soon as it runs (catch-up), once.
 */
export function scheduledBackupDue(settings: BackupSettingsDto, now: Date, lastScheduled: Date | null): boolean {
  if (!settings.enabled) return false;
  const today = slotOn(businessDate(now), settings.dailyAt);
  return today.getTime() <= now.getTime() && (lastScheduled === null || lastScheduled.getTime() < today.getTime());
}

/**
 * Keeps the newest scheduled backup of each of the newest `keepDaily` days (CST) and deletes the
 * other scheduled ones. Manual, before-restore and before-migration copies are never pruned: an
 * administrator deletes those by hand. Returns the deleted names.
 */
export function pruneScheduled(dir: string, keepDaily: number): string[] {
  const scheduled = listBackupFiles(dir).filter((f) => f.kind === 'scheduled');
  const keptDays = new Set<string>();
  const deleted: string[] = [];
  for (const file of scheduled) {
    const day = businessDate(new Date(file.createdAt));
    if (!keptDays.has(day) && keptDays.size < keepDaily) {
      keptDays.add(day);
      continue;
    }
    rmSync(join(dir, file.fileName), { force: true });
    deleted.push(file.fileName);
  }
  return deleted;
}

function audit(ctx: ServiceContext, session: Session | null, action: string, entityId: string, after: unknown, before?: unknown): void {
  inTransaction(ctx, () =>
    appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session?.operatorId ?? null, action, entityType: 'backup', entityId, before, after }),
  );
}

async function exclusive<T>(ctx: ServiceContext, work: () => Promise<T>): Promise<T> {
  const runtime = runtimeOf(ctx);
  if (runtime.busy) throw new DeskError('CONFLICT', '另一个备份或恢复正在进行，请稍候再试');
  runtime.busy = true;
  try {
    return await work();
  } finally {
    runtime.busy = false;
  }
}

/**
 * One scheduler tick: the day's backup if due (and the desk is set up: an empty database needs
 * none), then retention. Returns the backup taken, if any.
 */
export async function runScheduledBackup(ctx: ServiceContext): Promise<BackupFileDto | null> {
  const settings = readBackupSettings(ctx);
  const dir = backupDirOf(ctx);
  const last = listBackupFiles(dir).find((f) => f.kind === 'scheduled');
  if (runtimeOf(ctx).busy || !getInstitution(ctx.db) || !scheduledBackupDue(settings, ctx.clock(), last ? new Date(last.createdAt) : null)) return null;
  // Not audited: no operator acted and no data changed; the file itself (and the list) is the record.
  return exclusive(ctx, async () => {
    const file = await takeBackup(ctx, 'scheduled');
    pruneScheduled(dir, settings.keepDaily);
    return file;
  });
}

export interface BackupSchedulerOptions {
  migrationsFolder?: string;
  /** How often the schedule is looked at, and the first look after start; one minute by default. */
  everyMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  log?: { error: (message: string, error: unknown) => void };
}

/** Starts the daily schedule for a desk (main/app/desk.ts); returns the stop function. */
export function startBackups(ctx: ServiceContext, options: BackupSchedulerOptions = {}): () => void {
  const runtime = runtimeOf(ctx);
  runtime.migrationsFolder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  const every = options.setInterval ?? ((fn, ms) => setInterval(fn, ms).unref());
  const clear = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  const tick = () => {
    runScheduledBackup(ctx).catch((error: unknown) => options.log?.error('scheduled backup failed', error));
  };
  // The first look is one interval after start, not during it: start-up stays quick.
  const handle = every(tick, options.everyMs ?? 60_000);
  runtime.stop = () => clear(handle);
  return runtime.stop;
}

// ---- the channels ----

export function list(ctx: ServiceContext): ResponseOf<'backup.list'> {
  const settings = readBackupSettings(ctx);
  const dir = backupDirOf(ctx);
  return { settings, directory: dir, backups: listBackupFiles(dir), nextScheduledAt: nextScheduledAt(settings, ctx.clock())?.toISOString() ?? null };
}

export function create(ctx: ServiceContext, session: Session): Promise<ResponseOf<'backup.create'>> {
  return exclusive(ctx, async () => {
    const file = await takeBackup(ctx, 'manual');
    audit(ctx, session, 'backup.create', file.fileName, { ...file, operatorName: session.displayName });
    return file;
  });
}

export function setSettings(ctx: ServiceContext, req: ParsedRequestOf<'backup.settings.set'>, session: Session): ResponseOf<'backup.settings.set'> {
  const before = readBackupSettings(ctx);
  inTransaction(ctx, () => {
    const at = ctx.clock().toISOString();
    putSetting(ctx.db, BACKUP_SETTINGS_KEY, req, at);
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'backup.settings.set', entityType: 'settings', entityId: BACKUP_SETTINGS_KEY, before, after: req });
  });
  return req;
}

function fileIn(ctx: ServiceContext, fileName: string): string {
  if (!parseBackupName(fileName)) throw new DeskError('NOT_FOUND', '未找到该备份：请从列表中选择备份', { fileName: '请从列表中选择备份' });
  const path = join(backupDirOf(ctx), fileName);
  if (!existsSync(path)) throw new DeskError('NOT_FOUND', '未找到该备份文件，可能已被删除或移走，请刷新列表');
  return path;
}

export function check(ctx: ServiceContext, req: ParsedRequestOf<'backup.check'>): ResponseOf<'backup.check'> {
  return checkCandidate(fileIn(ctx, req.fileName), runtimeOf(ctx).migrationsFolder);
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const last = (sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as { at: number | null }).at ?? 0;
  return readMigrationFiles({ migrationsFolder }).filter((f) => f.folderMillis > last).length;
}

/**
 * Restore: check the candidate, back up the current data, copy the candidate into the live file
 * with the online backup API, bring its schema up to this version, check the result, end every
 * session (the operators and their roles are the backup's now) and audit it in the restored data.
 */
export function restore(ctx: ServiceContext, req: ParsedRequestOf<'backup.restore'>, session: Session): Promise<ResponseOf<'backup.restore'>> {
  const { migrationsFolder } = runtimeOf(ctx);
  const path = fileIn(ctx, req.fileName);
  const verdict = checkCandidate(path, migrationsFolder);
  if (!verdict.ok) throw new DeskError('BUSINESS_RULE', verdict.message, { fileName: verdict.message });
  return exclusive(ctx, async () => {
    const safetyBackup = await takeBackup(ctx, 'before-restore');
    const source = new Database(path, { fileMustExist: true });
    try {
      await source.backup(ctx.sqlite.name);
    } finally {
      source.close();
    }
    const migrationsApplied = pendingMigrations(ctx.sqlite, migrationsFolder);
    if (migrationsApplied > 0) migrate(ctx.db, { migrationsFolder });
    const health = ctx.sqlite.pragma('quick_check', { simple: true });
    if (health !== 'ok') throw new DeskError('INTERNAL', `恢复后的数据库检查未通过，请用“恢复前自动备份”（${safetyBackup.fileName}）再恢复一次，并联系管理员`);
    audit(ctx, session, 'backup.restore', req.fileName, { restoredFrom: req.fileName, safetyBackup: safetyBackup.fileName, migrationsApplied, operatorName: session.displayName });
    ctx.sessions.closeAll();
    return { restoredFrom: req.fileName, safetyBackup, migrationsApplied };
  });
}

// ---- the way out of a failed start-up integrity check ----

export interface StartupRestoreOutcome {
  restoredFrom: string;
  /** Where the damaged file was moved (kept, never deleted). */
  damagedKeptAs: string;
  /** Backups that were tried first and refused, with the reason. */
  skipped: { fileName: string; message: string }[];
}

/**
 * For a desk whose database fails the start-up integrity check (db/open.ts DatabaseCorruptError):
 * moves the damaged file aside (kept), and copies in the newest backup that passes checkCandidate.
 * The desk then starts normally (and applies any migrations). Throws when no backup is good.
 */
export async function restoreNewestGoodBackup(dataDir: string, dbFile = 'desk.sqlite', migrationsFolder: string = DEFAULT_MIGRATIONS_FOLDER, now: Date = new Date()): Promise<StartupRestoreOutcome> {
  const dir = join(dataDir, 'backups');
  const skipped: StartupRestoreOutcome['skipped'] = [];
  for (const file of listBackupFiles(dir)) {
    const verdict = checkCandidate(join(dir, file.fileName), migrationsFolder);
    if (!verdict.ok) {
      skipped.push({ fileName: file.fileName, message: verdict.message });
      continue;
    }
    const live = join(dataDir, dbFile);
    const damagedKeptAs = `${live}.damaged-${stampOf(now)}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(live + suffix)) renameSync(live + suffix, damagedKeptAs + suffix);
    const source = new Database(join(dir, file.fileName), { fileMustExist: true });
    try {
      await source.backup(live);
    } finally {
      source.close();
    }
    return { restoredFrom: file.fileName, damagedKeptAs, skipped };
  }
  throw new NoGoodBackupError(dir, skipped);
}

/** restoreNewestGoodBackup found no backup that passes the candidate check; nothing was moved. */
export class NoGoodBackupError extends Error {
  constructor(
    readonly dir: string,
    readonly skipped: StartupRestoreOutcome['skipped'],
  ) {
    super(`no good backup in ${dir} (${skipped.length} refused)`);
  }
}
