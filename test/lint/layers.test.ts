// The layer rules of architecture §2 are enforced by eslint.config.js; these cases prove that
// each forbidden import actually fails the lint (and that the allowed ones pass).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['main/services/x.ts', "import { app } from 'electron';"],
    ['db/x.ts', "import { app } from 'electron';"],
    ['shared/domain/x.ts', "import { app } from 'electron';"],
    ['renderer/src/x.tsx', "import { ipcRenderer } from 'electron';"],
  ])('%s may not import electron', async (file, code) => {
    expect(await restricted(file, code)).toEqual([expect.stringContaining('main/electron')]);
  });

  it.each([
    ['renderer/src/screens/x.tsx', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import path from 'path';"],
    ['shared/domain/x.ts', "import { createHash } from 'node:crypto';"],
    ['main/electron/preload.ts', "import { readFileSync } from 'node:fs';"],
  ])('%s may not use Node built-ins', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/screens/list/x.tsx', "import { openDatabase } from '../../../../db/open';"],
    ['renderer/src/x.tsx', "import { createDesk } from '../../main/app/desk';"],
    ['renderer/src/x.tsx', "import Database from 'better-sqlite3';"],
    ['shared/domain/x.ts', "import { openDatabase } from '../../db/open';"],
    ['db/repositories/x.ts', "import { createDesk } from '../../main/app/desk';"],
    ['main/services/x.ts', "import { App } from '../../renderer/src/App';"],
    ['main/electron/preload.ts', "import { createDesk } from '../app/desk';"],
  ])('%s may not reach into another layer', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1);
  });

  it.each([
    ['renderer/src/x.tsx', "import { channels } from '../../shared/contract';"],
    ['db/repositories/x.ts', "import type { FilingDetail } from '../../shared/domain/filing';"],
    ['main/services/x.ts', "import { getFiling } from '../../db/repositories/filings';"],
    ['main/electron/main.ts', "import { app } from 'electron';\nimport { createDesk } from '../app/desk';"],
    ['main/electron/preload.ts', "import { contextBridge } from 'electron';\nimport { CHANNEL_NAMES } from '../../shared/contract';"],
  ])('%s may import what its layer allows', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
