// Browser-mode start options from flags and environment (flags win).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RESTORE_NEWEST_BACKUP_FLAG } from '../shell/startup';

export interface HostOptions {
  port: number;
  /** Base folder; the desk keeps training and live data in separate sub-folders. */
  dataRoot: string;
  platformUrl: string | null;
  staticDir: string | null;
  /** `--restore-newest-backup`: restore the newest good backup first if the database is damaged (docs/backup.md). */
  restoreNewestBackup: boolean;
}

/** Flags that take no value (they never swallow the next argument). */
const SWITCHES = new Set([RESTORE_NEWEST_BACKUP_FLAG.slice(2)]);

export const DEFAULT_PORT = 5180;

export function defaultDataRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'yibao-desk');
}

export function parseHostOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): HostOptions {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    if (SWITCHES.has(arg.slice(2))) {
      flags.set(arg.slice(2), 'true');
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) flags.set(arg.slice(2, eq), arg.slice(eq + 1));
    else flags.set(arg.slice(2), argv[i + 1] ?? '');
  }
  const portText = flags.get('port') ?? env.DESK_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${portText}`);
  return {
    port,
    dataRoot: flags.get('data-dir') ?? env.DESK_DATA_DIR ?? defaultDataRoot(env),
    platformUrl: flags.get('platform-url') ?? env.DESK_PLATFORM_URL ?? null,
    staticDir: flags.get('static-dir') ?? env.DESK_STATIC_DIR ?? null,
    restoreNewestBackup: flags.has(RESTORE_NEWEST_BACKUP_FLAG.slice(2)),
  };
}

/** Training data and live data never share a folder (architecture §1). */
export function dataDirFor(options: HostOptions): string {
  return join(options.dataRoot, options.platformUrl ? 'live' : 'training');
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that starts browser mode on the same data folder with the restore flag. Everything
 * that picks the folder is spelled out, so it works from any shell whatever its environment.
 */
export function recoveryCommand(options: HostOptions): string {
  const args = ['--data-dir', options.dataRoot];
  if (options.platformUrl) args.push('--platform-url', options.platformUrl);
  if (options.port !== DEFAULT_PORT) args.push('--port', String(options.port));
  if (options.staticDir) args.push('--static-dir', options.staticDir);
  return `npm run start:web -- ${[...args.map(shellWord), RESTORE_NEWEST_BACKUP_FLAG].join(' ')}`;
}
