// Start-up decisions that need no Electron: where the bundle's siblings are, which data folder and
// mode, what the operator is told when the database cannot be opened, and the way out of a damaged
// database (restore the newest good backup; docs/backup.md). Shared by the Electron shell and browser
// mode. Unit-tested in Node.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseCorruptError, openDatabase } from '../../db/open';
import { MigrationFailedError } from '../../db/migrate';
import { businessDateTime } from '../../shared/domain/time';
import { DB_FILE, type DeskConfig } from '../app/desk';
import { NoGoodBackupError, parseBackupName, restoreNewestGoodBackup, type StartupRestoreOutcome } from '../services/backup';

/** Paths next to dist/electron/main.mjs, as scripts/build.mjs lays them out (also inside the asar). */
export function bundlePaths(mainBundleFile: string) {
  const electronDir = dirname(mainBundleFile);
  return {
    preload: join(electronDir, 'preload.cjs'),
    renderer: join(electronDir, '..', 'renderer'),
    migrations: join(electronDir, '..', 'migrations'),
  };
}

/** Training and live data never share a folder (architecture §1); live once a platform is configured. */
export function deskConfigFor(userDataDir: string, migrationsFolder: string, env: NodeJS.ProcessEnv): DeskConfig {
  const mode = env.DESK_PLATFORM_URL ? 'live' : 'training';
  return { dataDir: join(userDataDir, mode), mode, migrationsFolder };
}

export const STARTUP_FAILED_TITLE = '医保异地备案工作台无法启动';

/** The operator's message for a failed start: the database's own words when it says why. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof MigrationFailedError || error instanceof DatabaseCorruptError || error instanceof StartupRestoreError) return error.operatorMessage;
  const detail = error instanceof Error ? error.message : String(error);
  return `启动时发生错误，工作台已退出。请重新打开；如仍无法启动，请联系管理员并提供以下信息：${detail.slice(0, 300)}`;
}

// ---- the way out of a damaged database ----

/** Both modes: restore the newest good backup, then start (`npm start -- --restore-newest-backup`). */
export const RESTORE_NEWEST_BACKUP_FLAG = '--restore-newest-backup';
export const RESTORE_BUTTON = '恢复最近的备份';
export const QUIT_BUTTON = '退出';

/** The database failed the start-up integrity check, or is not a database at all (db/open.ts). */
export function isDamagedDatabase(error: unknown): error is DatabaseCorruptError {
  return error instanceof DatabaseCorruptError;
}

/** The way out could not restore anything; `operatorMessage` says why and what to do. */
export class StartupRestoreError extends Error {
  constructor(
    readonly operatorMessage: string,
    override readonly cause: unknown,
  ) {
    super(`restoring the newest good backup failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export interface StartupRestoreReport {
  outcome: StartupRestoreOutcome;
  /** When the restored backup was taken (from its name). */
  backupTakenAt: Date | null;
  /** For the operator: what was restored, where the damaged file is, what was skipped. */
  message: string;
}

function restoredMessage(outcome: StartupRestoreOutcome, takenAt: Date | null): string {
  const when = takenAt ? `（备份时间 ${businessDateTime(takenAt)}，北京时间）` : '';
  const skipped = outcome.skipped.length > 0 ? `更新的 ${outcome.skipped.length} 个备份未通过检查，已跳过：${outcome.skipped.map((s) => s.fileName).join('、')}。` : '';
  return `已恢复最近的完好备份 ${outcome.restoredFrom}${when}。损坏的数据库文件已另存为 ${outcome.damagedKeptAs}，没有删除。${skipped}该备份之后录入的数据不在其中，请核对最近的备案。`;
}

function noBackupMessage(error: NoGoodBackupError): string {
  const untouched = '损坏的数据库文件未被改动。请联系管理员：把本机以外保存的备份复制到该文件夹后再试，或把数据库文件交给技术支持修复。';
  if (error.skipped.length === 0) return `没有可恢复的备份：备份文件夹 ${error.dir} 中没有备份文件。${untouched}`;
  const reasons = error.skipped.map((s) => `${s.fileName}：${s.message}`).join('；');
  return `没有可恢复的备份：备份文件夹 ${error.dir} 中的 ${error.skipped.length} 个备份都没有通过检查（${reasons}）。${untouched}`;
}

/**
 * restoreNewestGoodBackup for the data folder, with the operator's message. Throws
 * StartupRestoreError (Chinese operatorMessage) when there is no good backup or the copy fails.
 */
export async function restoreNewestBackupForOperator(dataDir: string, migrationsFolder?: string, now: Date = new Date()): Promise<StartupRestoreReport> {
  try {
    const outcome = await restoreNewestGoodBackup(dataDir, DB_FILE, migrationsFolder, now);
    const backupTakenAt = parseBackupName(outcome.restoredFrom)?.createdAt ?? null;
    return { outcome, backupTakenAt, message: restoredMessage(outcome, backupTakenAt) };
  } catch (error) {
    if (error instanceof NoGoodBackupError) throw new StartupRestoreError(noBackupMessage(error), error);
    const detail = (error instanceof Error ? error.message : String(error)).slice(0, 300);
    throw new StartupRestoreError(`恢复备份时发生错误，未能完成恢复。请联系管理员，并提供数据文件夹 ${dataDir} 和以下信息：${detail}`, error);
  }
}

function liveDatabaseDamaged(path: string): boolean {
  try {
    openDatabase(path).close();
    return false;
  } catch (error) {
    if (isDamagedDatabase(error)) return true;
    throw error;
  }
}

/**
 * The restore flag: restores only when the database is missing or fails the start-up check. A sound
 * database is left alone (a flag left in a shortcut must not roll the desk back at every start; an
 * administrator restores a sound desk from 管理 → 数据备份, audited). Returns the operator's line.
 */
export async function restoreOnRequest(dataDir: string, migrationsFolder?: string, now?: Date): Promise<string> {
  const live = join(dataDir, DB_FILE);
  if (existsSync(live) && !liveDatabaseDamaged(live)) {
    return `数据库完整性检查通过，没有恢复备份（${live}）。如需回到某个备份，请由管理员登录后在“管理 → 数据备份”中恢复。`;
  }
  return (await restoreNewestBackupForOperator(dataDir, migrationsFolder, now)).message;
}

/** The argument list without the restore flag: a relaunch must not restore a second time. */
export function withoutRestoreFlag(argv: readonly string[]): string[] {
  return argv.filter((a) => a !== RESTORE_NEWEST_BACKUP_FLAG);
}

/** The operator's message for the start-up failure dialog, and what each button does. */
export type StartupFailureAction = 'restore-and-relaunch' | 'quit';

export interface StartupBox {
  type: 'error' | 'info';
  title: string;
  message: string;
  detail?: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
}

export function startupFailureBox(error: unknown): { box: StartupBox; actions: StartupFailureAction[] } {
  const message = startupFailureMessage(error);
  if (!isDamagedDatabase(error)) {
    return { box: { type: 'error', title: STARTUP_FAILED_TITLE, message, buttons: [QUIT_BUTTON], defaultId: 0, cancelId: 0 }, actions: ['quit'] };
  }
  const detail = `「${RESTORE_BUTTON}」把损坏的数据库文件另存（不删除），换成最近一个通过完整性检查的备份，然后重新启动工作台。该备份之后录入的数据需要核对补录。`;
  return {
    // Escape or closing the box quits: nothing is replaced unless the operator asks for it.
    box: { type: 'error', title: STARTUP_FAILED_TITLE, message, detail, buttons: [RESTORE_BUTTON, QUIT_BUTTON], defaultId: 0, cancelId: 1 },
    actions: ['restore-and-relaunch', 'quit'],
  };
}

/** What the Electron shell lends handleStartupFailure: its message box and its relaunch. */
export interface StartupShell {
  /** Shows the box; resolves to the index of the button pressed. */
  showBox(box: StartupBox): Promise<number>;
  /** Starts the desk again once this process exits. */
  relaunch(): void;
}

/**
 * The start-up failure path of the Electron shell, every decision in it: the box, and for a damaged
 * database the restore and the relaunch. Resolves to the exit code for app.exit.
 */
export async function handleStartupFailure(error: unknown, config: Pick<DeskConfig, 'dataDir' | 'migrationsFolder'>, shell: StartupShell, now?: Date): Promise<number> {
  const { box, actions } = startupFailureBox(error);
  if ((actions[await shell.showBox(box)] ?? 'quit') === 'quit') return 1;
  let report: StartupRestoreReport;
  try {
    report = await restoreNewestBackupForOperator(config.dataDir, config.migrationsFolder, now);
  } catch (failure) {
    await shell.showBox({ type: 'error', title: '无法恢复备份', message: startupFailureMessage(failure), buttons: [QUIT_BUTTON], defaultId: 0, cancelId: 0 });
    return 1;
  }
  await shell.showBox({ type: 'info', title: '已恢复备份', message: report.message, detail: '工作台将重新启动。', buttons: ['重新启动'], defaultId: 0, cancelId: 0 });
  shell.relaunch();
  return 0;
}
