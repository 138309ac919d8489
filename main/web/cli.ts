// `npm run start:web`: starts the desk in browser mode and prints one line with its URL.
// The platform the queue files to (the in-process simulator in training mode, the configured URL
// in live mode) is wired by main/app/platform-wiring.ts, the same way the Electron shell does it.
// `--restore-newest-backup` first restores the newest good backup of a damaged database
// (docs/backup.md); main/web/start.ts does the work.
import { parseHostOptions, type HostOptions } from './options';
import { startBrowserDesk, startFailureLines } from './start';

let options: HostOptions | null = null;

async function main(): Promise<void> {
  options = parseHostOptions(process.argv.slice(2));
  const running = await startBrowserDesk(options);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  for (const line of startFailureLines(error, options)) console.error(line);
  process.exit(1);
});
