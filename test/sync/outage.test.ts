// The outage scenario at service level: the platform goes away, the desk keeps filing, the platform
// comes back, and the queue replays everything in order, each filing exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { FakePlatform } from './fakes';
import { syncDesk, uploadable, type SyncTestDesk } from './helpers';
import { compareWithPlatform, drained, openSimDesk, simReferral, type SimDesk } from './sim';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

describe('an outage', () => {
  it('keeps 200 filings through a platform outage and replays them in order, each once', async () => {
    let platform!: FakePlatform;
    const t: SyncTestDesk = await syncDesk((time) => (platform = new FakePlatform(time.clock)), { concurrency: 4 });
    cleanup.push(() => t.close());
    platform.down = true;
    const ids: string[] = [];
    for (let i = 1; i <= 200; i += 1) {
      const r = await t.desk.dispatch('filing.create', uploadable(i), t.admin);
      expect(r.ok).toBe(true);
      if (r.ok) ids.push(r.value.id);
      await t.time.advance(1_000);
    }
    const during = await t.desk.dispatch('platform.status', {}, t.admin);
    expect(during.ok && during.value).toMatchObject({ state: 'offline', breaker: 'open', counts: { pending: 200, done: 0 } });
    expect(platform.stored).toHaveLength(0);

    platform.down = false;
    await t.time.advance(30_000);
    const after = await t.desk.dispatch('queue.stats', {}, t.admin);
    expect(after.ok && after.value).toMatchObject({ pending: 0, inFlight: 0, uncertain: 0, done: 200 });
    // In order: the platform received the filings in the order they were saved.
    expect(platform.stored.map((s) => s.upload.personNo)).toEqual(ids.map((_, i) => uploadable(i + 1).details.personNo));
    // Once: one accepted upload per filing, and no more sends than filings plus the failed tries.
    expect(new Set(platform.stored.map((s) => s.upload.personNo)).size).toBe(200);
    const listed = await t.desk.dispatch('filing.list', { uploadState: 'uploaded', pageSize: 200 }, t.admin);
    expect(listed.ok && listed.value.total).toBe(200);
    // The replay started with a fresh sign-in, and went no wider than the concurrency.
    expect(platform.invalidations).toBeGreaterThan(0);
    expect(platform.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('replays 200 filings against the simulator after it was down, in order, each once', async () => {
    const sim: Simulator = await startSimulator({ faults: { down: { mode: 'refuse' } } });
    cleanup.push(() => sim.close());
    const d: SimDesk = await openSimDesk(sim, { concurrency: 4 });
    cleanup.push(() => d.close());
    // 200 distinct persons of the simulator's generated world, filed (and printable) while it is down.
    const count = 200;
    const people: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const request = simReferral(i);
      expect((await d.desk.dispatch('filing.create', request, d.admin)).ok).toBe(true);
      people.push(request.details.personNo!);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(sim.inspect.referrals()).toHaveLength(0);
    const during = await d.desk.dispatch('queue.stats', {}, d.admin);
    expect(during.ok && during.value).toMatchObject({ pending: count, done: 0 });
    sim.faults.clear();
    await drained(d.desk, 60_000);
    expect(compareWithPlatform(d.desk, sim)).toMatchObject({ missing: [], extra: [], wrongSerial: [], uploaded: count });
    expect(sim.inspect.stats().peakConcurrent).toBeLessThanOrEqual(4);
    // In order: with 4 at a time, the platform committed each filing (its serial's sequence) within 4 places of where it was saved.
    const committed = [...sim.inspect.referrals()].sort((a, b) => a.serial.slice(-10).localeCompare(b.serial.slice(-10))).map((f) => people.indexOf(f.personNo));
    expect(committed).toHaveLength(count);
    committed.forEach((savedAt, receivedAt) => expect(Math.abs(savedAt - receivedAt)).toBeLessThan(4));
    const signIns = sim.inspect.exchanges({ infno: '9001' });
    const firstUpload = sim.inspect.exchanges({ infno: '2501' })[0]!;
    expect(signIns.some((e) => e.receivedAt <= firstUpload.receivedAt && e.infcode === 0)).toBe(true);
  });
});
