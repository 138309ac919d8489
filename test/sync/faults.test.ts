// Each simulator fault, with the end state the queue must reach and no filing on the platform twice.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import type { FaultPatch } from '../../main/platform/sim/faults';
import { compareWithPlatform, drained, openSimDesk, simReferral, type SimDesk } from './sim';

const FILINGS = 8;
let sim: Simulator | null = null;
let desk: SimDesk | null = null;
afterEach(async () => {
  desk?.close();
  desk = null;
  await sim?.close();
  sim = null;
});

interface Case {
  name: string;
  fault: FaultPatch;
  /** Clear the fault after the first round of sends (for faults that would otherwise last). */
  clearAfterMs?: number;
  responseMs?: number;
  behaviour?: { includeSerialIn5304?: boolean };
  expected: { done: number; rejected: number; serialMissing?: number };
}

const CASES: Case[] = [
  { name: 'platform down (connection refused)', fault: { down: { mode: 'refuse' } }, clearAfterMs: 400, expected: { done: FILINGS, rejected: 0 } },
  { name: 'connection reset after the request was read', fault: { down: { mode: 'reset' } }, clearAfterMs: 400, expected: { done: FILINGS, rejected: 0 } },
  // Committed but unanswered: found by reconciliation; the default 5304 has no serials, so "流水号待补".
  { name: 'HTTP 5xx after the platform committed', fault: { httpError: { status: 502, afterCommit: true, remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 3 } },
  { name: 'HTTP 5xx before the platform saw it', fault: { httpError: { status: 503, remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0 } },
  { name: 'slow answers past the timeout', fault: { slow: { delayMs: 600, remaining: 2, infnos: ['2501'] } }, responseMs: 300, expected: { done: FILINGS, rejected: 0 } },
  { name: 'connection dropped after commit', fault: { drop: { remaining: 3, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 3 } },
  {
    name: 'connection dropped after commit, 5304 with serials',
    fault: { drop: { remaining: 3, infnos: ['2501'] } },
    behaviour: { includeSerialIn5304: true },
    expected: { done: FILINGS, rejected: 0, serialMissing: 0 },
  },
  { name: 'malformed reply after commit', fault: { malformed: { mode: 'truncated', remaining: 2, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0, serialMissing: 2 } },
  { name: 'gateway envelope instead of the platform reply', fault: { gateway: { style: 'code_type_message', remaining: 2, infnos: ['2501'] } }, expected: { done: FILINGS, rejected: 0 } },
  { name: 'business rejections', fault: { reject: { remaining: 2, infnos: ['2501'], message: '参保人信息核验未通过' } }, expected: { done: FILINGS - 2, rejected: 2 } },
  {
    name: 'success without the serial, 5304 without serials',
    fault: { noSerial: { remaining: 2, infnos: ['2501'] } },
    expected: { done: FILINGS, rejected: 0, serialMissing: 2 },
  },
  {
    name: 'success without the serial, 5304 with serials',
    fault: { noSerial: { remaining: 2, infnos: ['2501'] } },
    behaviour: { includeSerialIn5304: true },
    expected: { done: FILINGS, rejected: 0, serialMissing: 0 },
  },
  {
    name: 'maintenance window on the platform side',
    fault: { maintenance: { from: new Date(Date.now() - 60_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() } },
    clearAfterMs: 400,
    expected: { done: FILINGS, rejected: 0 },
  },
  { name: 'capacity limit (busy)', fault: { capacity: { maxConcurrent: 1, maxQueued: 0 } }, clearAfterMs: 600, expected: { done: FILINGS, rejected: 0 } },
];

describe('the upload queue under each simulator fault', () => {
  it.each(CASES)('$name: ends as expected, nothing twice', async (c) => {
    sim = await startSimulator({ faults: c.fault, ...(c.behaviour ? { behaviour: c.behaviour } : {}) });
    desk = await openSimDesk(sim, c.responseMs ? { responseMs: c.responseMs } : {});
    for (let i = 0; i < FILINGS; i += 1) {
      const r = await desk.desk.dispatch('filing.create', simReferral(i), desk.admin);
      expect(r.ok).toBe(true);
    }
    if (c.clearAfterMs !== undefined) {
      await new Promise((r) => setTimeout(r, c.clearAfterMs));
      sim.faults.clear();
      desk.desk.sync!.connectivityChanged(true);
    }
    await drained(desk.desk);
    const stats = await desk.desk.dispatch('queue.stats', {}, desk.admin);
    expect(stats.ok && { done: stats.value.done, rejected: stats.value.rejected }).toEqual({ done: c.expected.done, rejected: c.expected.rejected });
    const cmp = compareWithPlatform(desk.desk, sim);
    expect(cmp).toMatchObject({ missing: [], extra: [], wrongSerial: [], notCancelled: [], uploaded: c.expected.done });
    const serialMissing = desk.desk.db.sqlite.prepare("select count(*) as n from filings where upload_state = 'uploaded' and platform_serial is null").get() as { n: number };
    expect(serialMissing.n).toBe(c.expected.serialMissing ?? 0);
    if (c.expected.rejected) {
      const rejected = await desk.desk.dispatch('queue.list', { status: 'rejected' }, desk.admin);
      expect(rejected.ok && rejected.value.items.map((e) => e.lastError)).toEqual(['参保人信息核验未通过', '参保人信息核验未通过']);
    }
  });
});
