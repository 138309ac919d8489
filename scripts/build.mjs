// Builds what runs outside the dev tools: the renderer (Vite) and the Electron shell (esbuild).
//   node scripts/build.mjs              everything
//   node scripts/build.mjs --renderer   the renderer only (browser mode, e2e)
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { cpSync, existsSync, mkdirSync } from 'node:fs';

const only = process.argv.includes('--renderer') ? 'renderer' : process.argv.includes('--electron') ? 'electron' : 'all';

if (only !== 'electron') {
  await viteBuild({ configFile: 'vite.config.ts' });
}

if (only !== 'renderer' && existsSync('main/electron/main.ts')) {
  const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
  // Main process: ESM, dependencies stay in node_modules (packaged into the asar).
  await esbuild({ ...common, entryPoints: ['main/electron/main.ts'], outfile: 'dist/electron/main.mjs', format: 'esm', packages: 'external' });
  // Preload: runs sandboxed, so everything it uses is bundled and only 'electron' is external.
  await esbuild({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
  mkdirSync('dist', { recursive: true });
  cpSync('db/migrations', 'dist/migrations', { recursive: true });
}
