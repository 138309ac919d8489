// The installer configuration, checked with electron-builder's own loader and schema, and a real
// offline packaging run (Linux `dir` target) into a temp folder. Electron itself cannot be
// downloaded here, so the run uses a stand-in binary that carries only Electron's fuse wire: enough
// for electron-builder to copy it, build the asar, unpack native modules and flip the fuses.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimatch } from 'minimatch';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { bundlePaths } from '../../main/shell/startup';
import { ensureElectronBuild } from './helpers/electron-build';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = join(ROOT, 'electron-builder.yml');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; productName: string };

// Electron 45's fuse wire order (@electron/fuses FuseV1Options): index -> config key.
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
// The bytes of a fuse wire (@electron/fuses FuseState): '0' off, '1' on.
const FUSE_OFF = 0x30;
const FUSE_ON = 0x31;
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
};

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught by that validation if a fuse name were misspelt', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('names the app and puts installers in release/', () => {
    expect(config.appId).toBe('cn.yibao.desk');
    expect(config.productName).toBe(pkg.productName);
    expect(config.directories?.output).toBe('release');
  });

  it('sets every required fuse', () => {
    expect(config.electronFuses).toMatchObject(REQUIRED_FUSES);
  });

  it('unpacks every native module from the asar (better-sqlite3 on every target)', () => {
    expect(config.asar).not.toBe(false);
    const patterns = [config.asarUnpack ?? []].flat();
    for (const file of ['node_modules/better-sqlite3/prebuilds/win32-x64.node', 'node_modules/better-sqlite3/prebuilds/linux-x64.node', 'node_modules/x/build/Release/y.node']) {
      expect(patterns.some((p) => minimatch(file, p, { dot: true }))).toBe(true);
    }
  });

  it('keeps exactly the target’s better-sqlite3 prebuild (${os}/${arch} expanded as electron-builder does)', () => {
    const excludes = (config.files as Array<string | { filter?: string[] }>)
      .flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])))
      .filter((p) => p.startsWith('!') && p.includes('prebuilds'));
    expect(excludes.length).toBeGreaterThan(0);
    const prebuilds = readdirSync(join(ROOT, 'node_modules/better-sqlite3/prebuilds')).map((f) => `node_modules/better-sqlite3/prebuilds/${f}`);
    const kept = (os: string, arch: string) =>
      prebuilds.filter((file) => !excludes.some((p) => minimatch(file, p.slice(1).replaceAll('${os}', os).replaceAll('${arch}', arch), { dot: true })));
    expect(kept('win', 'x64')).toEqual(['node_modules/better-sqlite3/prebuilds/win32-x64.node']);
    expect(kept('linux', 'x64')).toContain('node_modules/better-sqlite3/prebuilds/linux-x64.node');
    expect(kept('linux', 'x64').every((f) => /\/linux(musl)?-x64\.node$/.test(f))).toBe(true);
  });

  it('does not rebuild native modules (N-API prebuilds; a rebuild would need the network)', () => {
    expect(config.npmRebuild).toBe(false);
  });

  it('builds an assisted x64 NSIS installer with a directory and per-user/per-machine choice', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false });
  });

  it('builds x64 Linux packages, including a plain dir', () => {
    const targets = (config.linux?.target ?? []) as Array<{ target: string; arch: string[] }>;
    expect(targets.map((t) => t.target)).toEqual(expect.arrayContaining(['AppImage', 'deb', 'dir']));
    expect(targets.every((t) => t.arch.join() === 'x64')).toBe(true);
  });

  it('points at icons that exist: a 512x512 PNG and an ICO with a 256px image', () => {
    const png = readFileSync(join(ROOT, config.linux?.icon as string));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(ROOT, config.win?.icon as string));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toContain(256);
    for (let i = 0; i < sizes.length; i += 1) {
      const e = 6 + i * 16;
      expect(ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)).toBeLessThanOrEqual(ico.length);
    }
  });
});

describe('build output', () => {
  beforeAll(() => ensureElectronBuild(ROOT), 180_000);

  it('has the main bundle package.json names', () => {
    expect(pkg.main).toBe('dist/electron/main.mjs');
    expect(existsSync(join(ROOT, pkg.main))).toBe(true);
  });

  it('has the preload and migrations where the main process looks for them', () => {
    const paths = bundlePaths(join(ROOT, pkg.main));
    expect(existsSync(paths.preload)).toBe(true);
    expect(existsSync(join(paths.migrations, 'meta', '_journal.json'))).toBe(true);
  });

  it('keeps the sandboxed preload tiny: no zod, no region tables', () => {
    const preload = readFileSync(bundlePaths(join(ROOT, pkg.main)).preload, 'utf8');
    expect(statSync(bundlePaths(join(ROOT, pkg.main)).preload).size).toBeLessThan(8 * 1024);
    expect(preload).not.toMatch(/zod|ZodError|area-data|province_list/);
    expect(preload).toContain('exposeInMainWorld');
  });
});

describe('offline packaging run (linux dir, stand-in Electron)', () => {
  let work: string;
  let unpacked: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'desk-package-'));
    const electronDist = join(work, 'electron-dist');
    mkdirSync(electronDist);
    // A stand-in with Electron's fuse sentinel and an 8-fuse v1 wire set to Electron's defaults.
    const wire = Buffer.from([1, FUSE_ORDER.length, ...'10110001'].map((c) => (typeof c === 'number' ? c : c.charCodeAt(0))));
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire]), { mode: 0o755 });
    const out = join(work, 'release');
    const cli = join(ROOT, 'node_modules/electron-builder/cli.js');
    const r = spawnSync(
      process.execPath,
      [cli, '--config', CONFIG_FILE, '--linux', 'dir', '--x64', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'cache') }, timeout: 240_000 },
    );
    if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
    unpacked = join(out, 'linux-unpacked');
  }, 300_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const asarPath = () => join(unpacked, 'resources', 'app.asar');

  it('packs the build output and package.json, and no sources or source maps', () => {
    const files = listPackage(asarPath(), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const f of ['/package.json', `/${pkg.main}`, '/dist/electron/preload.cjs', '/dist/migrations/meta/_journal.json']) expect(files).toContain(f);
    const own = files.filter((f) => f !== '/node_modules' && !f.startsWith('/node_modules/'));
    expect(own.filter((f) => !f.startsWith('/dist') && f !== '/package.json')).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.some((f) => f.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('packs the production dependencies the main bundle imports', () => {
    const main = readFileSync(join(ROOT, pkg.main), 'utf8');
    const imported = new Set([...main.matchAll(/^import .* from "([^".][^"]*)";$/gm)].map((m) => m[1]!));
    const packages = [...imported].filter((s) => !s.startsWith('node:') && s !== 'electron').map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
    expect(packages.length).toBeGreaterThan(0);
    const files = new Set(listPackage(asarPath(), { isPack: false }).map((f) => f.replaceAll('\\', '/')));
    for (const name of new Set(packages)) expect(files.has(`/node_modules/${name}/package.json`)).toBe(true);
  });

  it('points the packed package.json at the packed main bundle', () => {
    const packed = JSON.parse(extractFile(asarPath(), 'package.json').toString('utf8')) as { main: string };
    expect(packed.main).toBe(pkg.main);
  });

  it('unpacks better-sqlite3’s Linux x64 prebuild next to the asar, and only Linux ones', () => {
    const node = join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds');
    const names = readdirSync(node);
    expect(names).toContain('linux-x64.node');
    expect(names.every((n) => n.startsWith('linux'))).toBe(true);
    expect(statFile(asarPath(), 'node_modules/better-sqlite3/prebuilds/linux-x64.node')).toMatchObject({ unpacked: true });
  });

  it('flips the fuses in the packaged executable as configured', async () => {
    const wire = (await getCurrentFuseWire(join(unpacked, 'yibao-desk'))) as unknown as Record<string, number>;
    const states = Object.fromEntries(FUSE_ORDER.map((name, i) => [name, wire[i]]));
    for (const [name, enabled] of Object.entries(REQUIRED_FUSES)) {
      expect(states[name], name).toBe(enabled ? FUSE_ON : FUSE_OFF);
    }
    expect(states.grantFileProtocolExtraPrivileges).toBe(FUSE_OFF);
    expect(existsSync(dirname(asarPath()))).toBe(true);
  });
});
