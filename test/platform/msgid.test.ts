// msgid = institution code + CST yyyyMMddHHmmss + per-day sequence from the desk database: never
// random, never reused — across restarts, across days, and for every retry of the same upload.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openMigrated } from '../../db/migrate';
import * as schema from '../../db/schema';
import { listExchanges } from '../../db/repositories/platformExchanges';
import { Harness, INSTITUTION, OPERATOR, person, rawPost, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

/** A clock that can be moved; starts at `iso`. */
function movableClock(iso: string) {
  let now = new Date(iso);
  return { clock: () => new Date(now), set: (next: string) => (now = new Date(next)) };
}

const who = person('王演练');
const log = (sqlite: Database.Database) => listExchanges(drizzle(sqlite, { schema }));

describe('msgid', () => {
  it('is stamped in China Standard Time whatever the machine zone', async () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    // 2026-03-01 16:30:00Z is 08:30 on 1 March in Los Angeles and 00:30 on 2 March in CST.
    const { clock } = movableClock('2026-03-01T16:30:00Z');
    expect(new Date('2026-03-01T16:30:00Z').getDate()).toBe(1);
    const sim = await h.sim({ clock });
    const client = h.client(await h.desk(), sim, { clock });
    const r = await client.signIn(OPERATOR);
    expect(r.msgid).toBe(`${INSTITUTION.code}202603020030000001`);
    expect(sim.inspect.exchanges().at(-1)!.envelope!.inf_time).toBe('2026-03-02 00:30:00');
  });

  it('takes the next sequence value for every request, sign-ins included', async () => {
    const { clock } = movableClock('2026-03-02T02:00:00Z');
    const sim = await h.sim({ clock });
    const client = h.client(await h.desk(), sim, { clock });
    const filed = await client.fileReferral(referralFor(who), OPERATOR);
    const query = await client.queryInstitutions({ name: '演练' }, OPERATOR);
    expect(sim.inspect.exchanges().map((e) => e.msgid?.slice(-4))).toEqual(['0001', '0002', '0003']);
    expect([filed.msgid, query.msgid]).toEqual([`${INSTITUTION.code}202603021000000002`, `${INSTITUTION.code}202603021000000003`]);
  });

  it('stays unique across restarts of the desk and of the platform', async () => {
    const { clock } = movableClock('2026-03-02T02:00:00Z');
    const dir = h.tempDir();
    const simDb = join(dir, 'sim.sqlite');
    const seen: string[] = [];

    let sim = await h.sim({ clock, dbPath: simDb });
    const first = await h.desk(dir);
    const a = h.client(first, sim, { clock });
    for (let i = 0; i < 3; i += 1) seen.push((await a.queryInstitutions({ name: '演练' }, OPERATOR)).msgid!);
    first.close();
    await sim.close();

    // Same second, same CST day: only the persisted counter keeps the ids apart.
    sim = await h.sim({ clock, dbPath: simDb });
    const { handle: second } = await openMigrated(join(dir, 'desk.sqlite'), { backupDir: join(dir, 'backups') });
    const b = h.client(second, sim, { clock });
    for (let i = 0; i < 3; i += 1) {
      const r = await b.queryInstitutions({ name: '演练' }, OPERATOR);
      expect(r.outcome).toBe('ok'); // the restarted platform would refuse a msgid it saw before
      seen.push(r.msgid!);
    }
    second.close();
    expect(new Set(seen).size).toBe(6);
    expect(seen.map((m) => m.slice(-4))).toEqual(['0002', '0003', '0004', '0005', '0006', '0007']);
  });

  it('restarts its sequence on the CST day boundary, not the machine\'s', async () => {
    // 15:59:59Z and 16:00:00Z are both the morning of 2 March in Los Angeles, but straddle CST midnight.
    const time = movableClock('2026-03-02T15:59:59Z');
    const sim = await h.sim({ clock: time.clock });
    const desk = await h.desk();
    const client = h.client(desk, sim, { clock: time.clock });
    const before = await client.queryInstitutions({ name: '演练' }, OPERATOR);
    time.set('2026-03-02T16:00:00Z');
    const after = await client.queryInstitutions({ name: '演练' }, OPERATOR);
    expect(before.msgid).toBe(`${INSTITUTION.code}202603022359590002`);
    // A new CST day: a new sign-in (0001) and then the query (0002).
    expect(after.msgid).toBe(`${INSTITUTION.code}202603030000000002`);
    time.set('2026-03-03T16:00:00Z');
    const third = await client.queryInstitutions({ name: '演练' }, OPERATOR);
    expect(third.msgid).toBe(`${INSTITUTION.code}202603040000000002`);
    expect(new Set(log(desk.sqlite).map((e) => e.msgid)).size).toBe(log(desk.sqlite).length);
    expect(after.outcome).toBe('ok');
  });

  it('is new for each retry of the same upload, while the caller\'s id stays the same', async () => {
    const sim = await h.sim();
    const desk = await h.desk();
    const client = h.client(desk, sim);
    sim.faults.set({ httpError: { status: 502, infnos: ['2501'], remaining: 1 } });
    const upload = referralFor(who);
    const first = await client.fileReferral(upload, OPERATOR, { correlationId: 'outbox-entry-42' });
    const retry = await client.fileReferral(upload, OPERATOR, { correlationId: 'outbox-entry-42' });
    expect(first.outcome).toBe('unknown');
    expect(retry.outcome).toBe('ok');
    expect(retry.msgid).not.toBe(first.msgid);
    const attempts = listExchanges(drizzle(desk.sqlite, { schema }), { correlationId: 'outbox-entry-42' });
    expect(attempts.map((e) => [e.msgid, e.outcome])).toEqual([
      [first.msgid, 'unknown'],
      [retry.msgid, 'ok'],
    ]);
    expect(sim.inspect.exchanges({ infno: '2501' }).map((e) => e.msgid)).toEqual([first.msgid, retry.msgid]);
  });

  it('is persisted before the request leaves', async () => {
    const sim = await h.sim();
    const desk = await h.desk();
    const client = h.client(desk, sim);
    await client.ensureSignedIn(OPERATOR);
    const persisted: unknown[] = [];
    const r = await client.fileReferral(referralFor(who), OPERATOR, {
      onMsgid: (msgid) => {
        persisted.push(desk.sqlite.prepare('select msgid, outcome from platform_exchanges where msgid = ?').get(msgid));
        persisted.push(sim.inspect.exchanges({ infno: '2501' }).length);
      },
    });
    expect(persisted).toEqual([{ msgid: r.msgid, outcome: null }, 0]);
  });

  it('of a request still in flight is on record, unsettled, should the desk stop now', async () => {
    const sim = await h.sim();
    const desk = await h.desk();
    const client = h.client(desk, sim);
    await client.ensureSignedIn(OPERATOR);
    sim.faults.set({ slow: { delayMs: 1_000, infnos: ['2501'] } });
    const pending = client.fileReferral(referralFor(who), OPERATOR);
    // Wait until the simulator holds the request: from then on the desk cannot have its answer.
    for (let i = 0; i < 200 && sim.inspect.stats().active === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sim.inspect.stats().active).toBe(1);
    const inFlight = listExchanges(drizzle(desk.sqlite, { schema }), { unsettled: true });
    expect(inFlight).toEqual([expect.objectContaining({ infno: '2501', outcome: null, finishedAt: null })]);
    const r = await pending;
    expect(inFlight[0]!.msgid).toBe(r.msgid);
    expect(listExchanges(drizzle(desk.sqlite, { schema }), { unsettled: true })).toEqual([]);
  });

  it('refuses a reused msgid at the simulator', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim);
    await client.signIn(OPERATOR);
    const sent = sim.inspect.exchanges().at(-1)!.envelope!;
    const again = await rawPost(`${sim.url}/fsi/api/rsfComIfsService/callService`, sent);
    expect(JSON.parse(again.body)).toMatchObject({ infcode: -1, err_msg: expect.stringContaining('重复') });
  });
});
