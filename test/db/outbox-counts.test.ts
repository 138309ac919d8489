// queue.stats reads per-status counts kept by triggers (migration 0009) instead of counting every
// entry; these tests hold the counters to a plain recount through every kind of change.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openMigrated } from '../../db/migrate';
import { queueStats } from '../../db/repositories/outbox';
import { tempDir } from '../helpers/desk';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

async function open() {
  const d = tempDir('desk-counts-');
  dirs.push(d);
  const { handle } = await openMigrated(join(d.path, 'desk.sqlite'), { backupDir: join(d.path, 'backups') });
  return handle;
}

const STATUSES = ['pending', 'in_flight', 'uncertain', 'done', 'rejected', 'cancelled'] as const;

function recount(sqlite: Database.Database): Record<string, number> {
  const rows = sqlite.prepare('select status, count(*) n from outbox group by status').all() as { status: string; n: number }[];
  return Object.fromEntries(STATUSES.map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0]));
}

describe('queue counts kept by triggers', () => {
  it('match a recount after inserts, status changes, same-status updates and deletes', async () => {
    const handle = await open();
    const { sqlite } = handle;
    const insert = sqlite.prepare(
      "insert into outbox (id, kind, order_key, payload, status, next_attempt_at, created_at, updated_at) values (?, 'filing.upload', ?, '{}', ?, '2026-11-23T00:00:00.000Z', ?, ?)",
    );
    const setStatus = sqlite.prepare('update outbox set status = ?, updated_at = ? where id = ?');
    const touch = sqlite.prepare('update outbox set attempts_started = attempts_started + 1 where id = ?');
    // A fixed pseudo-random walk: deterministic, covers every transition many times.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 300; i += 1) {
      const at = new Date(Date.UTC(2026, 10, 23, 0, 0, i)).toISOString();
      insert.run(`e${i}`, `k${i % 17}`, STATUSES[next(3)], at, at);
    }
    for (let step = 0; step < 2000; step += 1) {
      const id = `e${next(300)}`;
      const at = new Date(Date.UTC(2026, 10, 24, 0, 0, step)).toISOString();
      if (step % 5 === 0) touch.run(id);
      else setStatus.run(STATUSES[next(STATUSES.length)], at, id);
    }
    sqlite.prepare("delete from outbox where id in ('e1', 'e2', 'e3')").run();
    const stats = queueStats(handle.db);
    const expected = recount(sqlite);
    expect({ pending: stats.pending, in_flight: stats.inFlight, uncertain: stats.uncertain, done: stats.done, rejected: stats.rejected, cancelled: stats.cancelled }).toEqual(expected);
    const last = sqlite.prepare("select max(updated_at) at from outbox where status = 'done'").get() as { at: string | null };
    expect(stats.lastSuccessAt).toBe(last.at);
    const oldest = sqlite.prepare("select min(created_at) at from outbox not indexed where status = 'pending'").get() as { at: string | null };
    expect(oldest.at).not.toBeNull();
    expect(stats.oldestPendingAt).toBe(oldest.at);
    handle.close();
  });

  it('finds the newest success through an index, not by walking finished entries', async () => {
    const handle = await open();
    const plan = handle.sqlite.prepare("explain query plan select max(updated_at) from outbox where status = 'done'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/USING COVERING INDEX outbox_status_updated_idx/);
    handle.close();
  });

  it('finds the oldest pending entry in the pending-only index, also without statistics', async () => {
    const handle = await open();
    const { sqlite } = handle;
    const plan = (text: string) => (sqlite.prepare(`explain query plan ${text}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
    // What SQLite picks on its own for a fresh database: the status index, every pending entry walked.
    expect(plan("select min(created_at) from outbox where status = 'pending'")).toMatch(/outbox_status_updated_idx/);
    // What queue.stats runs.
    expect(plan("select min(created_at) from outbox indexed by outbox_pending_created_idx where status = 'pending'")).toMatch(/COVERING INDEX outbox_pending_created_idx/);
    expect(queueStats(handle.db).oldestPendingAt).toBeNull();
    const insert = sqlite.prepare(
      "insert into outbox (id, kind, order_key, payload, status, next_attempt_at, created_at, updated_at) values (?, 'filing.upload', ?, '{}', ?, '2026-11-23T00:00:00.000Z', ?, ?)",
    );
    insert.run('done-first', 'a', 'done', '2026-11-20T00:00:00.000Z', '2026-11-20T00:00:00.000Z');
    insert.run('waiting', 'b', 'pending', '2026-11-21T00:00:00.000Z', '2026-11-21T00:00:00.000Z');
    insert.run('waiting-later', 'c', 'pending', '2026-11-22T00:00:00.000Z', '2026-11-22T00:00:00.000Z');
    expect(queueStats(handle.db).oldestPendingAt).toBe('2026-11-21T00:00:00.000Z');
    sqlite.prepare("update outbox set status = 'in_flight' where id = 'waiting'").run();
    expect(queueStats(handle.db).oldestPendingAt).toBe('2026-11-22T00:00:00.000Z');
    handle.close();
  });
});
