// Browser mode's start, apart from the process it runs in (main/web/cli.ts), so tests run it in
// Node: the restore flag, the platform wiring, the desk, the host; and what a failed start says.
import { fileURLToPath } from 'node:url';
import { createDesk } from '../app/desk';
import { wirePlatform } from '../app/platform-wiring';
import { isDamagedDatabase, restoreOnRequest, startupFailureMessage } from '../shell/startup';
import { startWebHost } from './server';
import { dataDirFor, recoveryCommand, type HostOptions } from './options';

export interface BrowserDesk {
  url: string;
  dataDir: string;
  mode: 'training' | 'live';
  /** Stops the host, the queue, the database and the simulator. */
  close(): Promise<void>;
}

/** Starts browser mode; `say` gets the operator's lines (the restore's outcome, then the ready line). */
export async function startBrowserDesk(options: HostOptions, say: (line: string) => void = console.log): Promise<BrowserDesk> {
  const dataDir = dataDirFor(options);
  const mode = options.platformUrl ? 'live' : 'training';
  if (options.restoreNewestBackup) say(await restoreOnRequest(dataDir));
  const wiring = await wirePlatform(options.platformUrl);
  const opened = await createDesk({ dataDir, mode, platform: wiring.platform }).catch(async (error: unknown) => {
    await wiring.close();
    throw error;
  });
  const staticDir = options.staticDir ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const host = await startWebHost({ desk: opened, port: options.port, staticDir });
  say(
    `yibao-desk browser mode ready: ${host.url} (${mode === 'training' ? `training mode / 演练模式, simulator ${wiring.simulator?.url ?? ''}` : 'live'}, data: ${dataDir})`,
  );
  return {
    url: host.url,
    dataDir,
    mode,
    async close() {
      await host.close();
      await opened.sync?.stop();
      opened.close();
      await wiring.close();
    },
  };
}

/**
 * What a failed start prints: the operator's message (Chinese), for a damaged database the exact
 * command that restores the newest good backup and starts, then the technical detail.
 */
export function startFailureLines(error: unknown, options: HostOptions | null): string[] {
  const lines = [startupFailureMessage(error)];
  if (isDamagedDatabase(error) && options) lines.push(`恢复最近的完好备份并启动，请运行：${recoveryCommand(options)}`);
  lines.push(error instanceof Error ? error.message : String(error));
  return lines;
}
