// Start-up decisions that need no Electron: where the bundle's siblings are, which data folder and
// mode, and what the operator is told when the database cannot be opened. Unit-tested in Node.
import { dirname, join } from 'node:path';
import { DatabaseCorruptError } from '../../db/open';
import { MigrationFailedError } from '../../db/migrate';
import type { DeskConfig } from '../app/desk';

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
  if (error instanceof MigrationFailedError || error instanceof DatabaseCorruptError) return error.operatorMessage;
  const detail = error instanceof Error ? error.message : String(error);
  return `启动时发生错误，工作台已退出。请重新打开；如仍无法启动，请联系管理员并提供以下信息：${detail.slice(0, 300)}`;
}
