// `npm start`: build, then launch the Electron desk. Where the Electron binary is unavailable
// (it is fetched on first launch and these machines have no route to it) say so in one line and
// start browser mode instead. `npm start -- --web` (npm run start:web) goes straight to browser mode.
import { spawn, spawnSync } from 'node:child_process';

const webOnly = process.argv.includes('--web');
const passThrough = process.argv.slice(2).filter((a) => a !== '--web');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  // require('electron') returns the binary's path, downloading it first if it is missing.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

function startBrowserMode() {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'main/web/cli.ts', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

run(process.execPath, ['scripts/build.mjs', ...(webOnly ? ['--renderer'] : [])]);
if (webOnly) {
  startBrowserMode();
} else {
  const binary = electronBinary();
  if (binary) {
    const child = spawn(binary, ['.', ...passThrough], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('Electron binary unavailable (it could not be downloaded on this machine): starting browser mode instead.');
    startBrowserMode();
  }
}
