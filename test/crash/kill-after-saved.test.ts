import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/open';
import { DB_FILE } from '../../main/app/desk';
import { setUpDesk, SETUP } from '../helpers/desk';

// The fixture runs in this very child (node --import tsx), not in a grandchild the tsx CLI would
// spawn: SIGKILL must hit the process that writes the database.
const TSX_LOADER = 'tsx';
const FIXTURE = join(process.cwd(), 'test', 'crash', 'fixtures', 'file-forever.ts');

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

/** Runs the child until it has announced `killAfter` saved filings, then SIGKILLs it. */
function fileUntilKilled(dataDir: string, killAfter: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, FIXTURE, dataDir, SETUP.adminUsername, SETUP.adminPassword], { stdio: ['ignore', 'pipe', 'pipe'] });
    const saved: string[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child did not save ${killAfter} filings in time: ${stderr}`));
    }, 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line.startsWith('SAVED ')) saved.push(line.slice(6));
        if (saved.length === killAfter) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      // The killed process was the writer itself: nothing can still be writing after this.
      if (signal === 'SIGKILL') resolve(saved);
      else reject(new Error(`child exited on its own: ${stderr}`));
    });
  });
}

describe('a filing the operator was told is saved survives a kill', () => {
  it('keeps every announced filing with its audit and outbox rows after SIGKILL', async () => {
    const t = await setUpDesk();
    const dir = t.dir;
    t.desk.close();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    const rounds = [3, 17, 40];
    const announced: string[] = [];
    for (const killAfter of rounds) announced.push(...(await fileUntilKilled(dir, killAfter)));

    const db = openDatabase(join(dir, DB_FILE));
    cleanups.push(() => db.close());
    const has = (sql: string, id: string) => db.sqlite.prepare(sql).get(id) !== undefined;
    const missing = announced.filter(
      (id) =>
        !has('select 1 from filings where id = ?', id) ||
        !has("select 1 from audit_events where entity_type = 'filing' and entity_id = ?", id) ||
        !has("select 1 from outbox where order_key = ? and status = 'pending'", id),
    );
    // A chunk may carry a line or two past the kill threshold; those were announced too and are checked.
    expect(announced.length).toBeGreaterThanOrEqual(rounds.reduce((a, b) => a + b, 0));
    expect(missing).toEqual([]);
    // Nothing half-written either: every filing row has its outbox row.
    const orphans = db.sqlite.prepare('select count(*) as n from filings f where not exists (select 1 from outbox o where o.order_key = f.id)').get() as { n: number };
    expect(orphans.n).toBe(0);
    expect(db.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  });
});
