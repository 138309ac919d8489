// Runs a benchmark as the desk runs in production: bundled by esbuild (dependencies left in
// node_modules, as in dist/electron/main.mjs) and started with plain node. Under tsx the transpiler
// and its caches add about 27 MB to the process, which would be counted against the desk's memory
// goals (docs/performance.md "Filings at scale").
//   node scripts/bench.mjs test/bench/filings.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { basename, join } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench.mjs <benchmark.ts> [args...]');
  process.exit(2);
}
const outfile = join('dist', 'bench', basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node22', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning' });
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
