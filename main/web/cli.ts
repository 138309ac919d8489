// `npm run start:web`: starts the desk in browser mode and prints one line with its URL.
// The platform the queue files to (the in-process simulator in training mode, the configured URL
// in live mode) is wired by main/app/platform-wiring.ts, the same way the Electron shell does it.
import { fileURLToPath } from 'node:url';
import { createDesk } from '../app/desk';
import { wirePlatform } from '../app/platform-wiring';
import { DatabaseCorruptError } from '../../db/open';
import { MigrationFailedError } from '../../db/migrate';
import { startWebHost } from './server';
import { dataDirFor, parseHostOptions } from './options';

async function main(): Promise<void> {
  const options = parseHostOptions(process.argv.slice(2));
  const dataDir = dataDirFor(options);
  const mode = options.platformUrl ? 'live' : 'training';
  const wiring = await wirePlatform(options.platformUrl);
  const desk = await createDesk({ dataDir, mode, platform: wiring.platform });
  const staticDir = options.staticDir ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  const host = await startWebHost({ desk, port: options.port, staticDir });
  console.log(
    `yibao-desk browser mode ready: ${host.url} (${mode === 'training' ? `training mode / 演练模式, simulator ${wiring.simulator?.url ?? ''}` : 'live'}, data: ${dataDir})`,
  );
  const stop = async () => {
    await host.close();
    await desk.sync?.stop();
    desk.close();
    await wiring.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof MigrationFailedError || error instanceof DatabaseCorruptError) console.error(error.operatorMessage);
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
