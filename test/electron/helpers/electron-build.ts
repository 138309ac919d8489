// The Electron half of scripts/build.mjs, for the tests that read dist/electron. Vitest runs test
// files in parallel, so the build runs under a lock and only when its output is older than the
// sources: a test never reads a bundle that another test is halfway through writing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUTPUTS = ['dist/electron/main.mjs', 'dist/electron/preload.cjs', 'dist/migrations/meta/_journal.json'];
const INPUTS = ['main', 'shared', 'db', 'scripts/build.mjs'];
const LOCK_WAIT_MS = 120_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function isStale(root: string): boolean {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return INPUTS.some((p) => newestMtime(join(root, p)) > built);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureElectronBuild(root: string): void {
  const lock = join(tmpdir(), `yibao-desk-electron-build-${createHash('sha1').update(root).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock older than the wait is left over from a killed run.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_WAIT_MS) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
    sleep(100);
  }
  try {
    if (!isStale(root)) return;
    const r = spawnSync(process.execPath, ['scripts/build.mjs', '--electron'], { cwd: root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`scripts/build.mjs --electron failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
