// `npm run bench:replay`: drain a queue of 10 000 filings against the simulator with a set latency.
// Prints (1) the queue's throughput as a ratio to the platform client called directly, the same
// number of calls at once, against the same simulator, run before and after the queue and averaged
// (goal >= 0.9), and (2) the p99 latency of an
// ordinary contract call (filing.list through desk.dispatch) made while the queue drains (goal < 50 ms).
// The simulator runs in a child process (`node --import tsx main/platform/sim/cli.ts`), as the real
// platform is another machine; both runs file to the same one, reset in between over its admin API.
// Figures are recorded in docs/performance.md. Bounded: it gives up after BENCH_TIMEOUT_MS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDesk } from '../../main/app/desk';
import { createPlatformClient } from '../../main/platform/client';
import { NATIONAL_DEFAULT } from '../../main/platform/profiles';
import type { ReferralUpload } from '../../main/platform/types';
import { referralUploadOf } from '../../main/sync/mapping';
import { insertFiling, getFiling } from '../../db/repositories/filings';
import { getInstitution } from '../../db/repositories/institution';
import { enqueue, queueStats } from '../../db/repositories/outbox';
import { nameInitials } from '../../shared/domain/pinyin';
import { addDays } from '../../shared/domain/time';
import { FILING_CREATE } from '../../main/sync/kinds';
import { SIM_FILERS, SIM_SETUP, simReferral } from '../sync/sim';

const FILINGS = Number(process.env.BENCH_FILINGS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
const OPERATOR = { id: 'bench', name: '性能测试' };

function deadline(label: string): () => void {
  const end = Date.now() + TIMEOUT_MS;
  return () => {
    if (Date.now() > end) throw new Error(`${label}: gave up after ${TIMEOUT_MS} ms`);
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * The msgid's sequence allows 9 999 requests per desk per CST day (main/platform/msgid.ts, §1.2), fewer
 * than this bench sends: both runs' clients move their business day on every 9 000 uploads.
 */
function dayShiftingClock(): { clock: () => Date; counted<T extends object>(client: T & { fileReferral: (...a: never[]) => unknown }): T } {
  let days = 0;
  let calls = 0;
  return {
    clock: () => new Date(Date.now() + days * 86_400_000),
    counted(client) {
      const file = client.fileReferral.bind(client) as (...a: never[]) => unknown;
      return {
        ...client,
        fileReferral: (...args: never[]) => {
          calls += 1;
          if (calls % 9_000 === 0) days += 1;
          return file(...args);
        },
      };
    },
  };
}

/** Filing n: person n of the simulator's world, one day each, so the platform accepts every one. */
function benchFiling(n: number) {
  const req = simReferral(n % SIM_FILERS.length);
  const day = addDays('2026-12-01', Math.floor(n / SIM_FILERS.length));
  return { req, day };
}

interface ChildSimulator {
  url: string;
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** The simulator in its own process on a free loopback port (main/platform/sim/cli.ts). */
async function spawnSimulator(latencyMs: number): Promise<ChildSimulator> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'main/platform/sim/cli.ts', '--port', '0', '--latency', String(latencyMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('simulator did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /platform simulator ready: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  child.stdout!.resume();
  return {
    url,
    async admin(method, path, body) {
      const res = await fetch(`${url}/__sim${path}`, { method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      if (!res.ok) throw new Error(`simulator ${method} ${path}: HTTP ${res.status}`);
      return res.json();
    },
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  const sim = await spawnSimulator(LATENCY_MS);
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  try {
    // 1. The desk with its queue filled (the queue not running yet).
    const setupDesk = await createDesk({ dataDir: dir, mode: 'training' });
    const init = await setupDesk.dispatch('setup.initialize', SIM_SETUP, null);
    if (!init.ok) throw new Error(init.message);
    const at = new Date().toISOString();
    const uploads: ReferralUpload[] = [];
    const institution = getInstitution(setupDesk.db.db)!;
    setupDesk.db.sqlite.transaction(() => {
      for (let n = 0; n < FILINGS; n += 1) {
        const { req, day } = benchFiling(n);
        const id = `bench-${String(n).padStart(6, '0')}`;
        insertFiling(setupDesk.db.db, {
          id,
          localNo: `BENCH-${String(n).padStart(6, '0')}`,
          type: 'referral',
          insuranceType: req.insuranceType,
          certType: req.certType,
          certNo: req.certNo,
          personName: req.personName,
          nameInitials: nameInitials(req.personName),
          phone: req.details.phone,
          destinationRegion: req.details.destinationRegion,
          startDate: day,
          endDate: day,
          details: req.details,
          status: 'active',
          uploadState: 'pending',
          platformSerial: null,
          createdBy: 'bench',
          createdAt: at,
          updatedAt: at,
        });
        enqueue(setupDesk.db.db, { id: `entry-${id}`, kind: FILING_CREATE, orderKey: id, payload: { filingId: id } }, at);
        const mapped = referralUploadOf(getFiling(setupDesk.db.db, id)!, institution);
        if (!mapped.ok) throw new Error(mapped.message);
        uploads.push(mapped.value);
      }
    })();
    setupDesk.close();

    // 2. Baseline: the platform client called directly, CONCURRENCY at a time, no queue. It runs
    //    before and after the queue (A-B-A) and the ratio uses their mean, so a machine whose load
    //    drifts during the bench (shared build machines) skews the ratio less.
    const directRun = async (): Promise<number> => {
      const rawDir = mkdtempSync(join(tmpdir(), 'desk-bench-raw-'));
      const rawDesk = await createDesk({ dataDir: rawDir, mode: 'training' });
      try {
        const rawTime = dayShiftingClock();
        const client = rawTime.counted(createPlatformClient({ sqlite: rawDesk.db.sqlite, institution, profile: NATIONAL_DEFAULT, baseUrl: sim.url, clock: rawTime.clock }));
        await client.ensureSignedIn(OPERATOR);
        let next = 0;
        let rawOk = 0;
        const rawCheck = deadline('raw client');
        const rawStart = performance.now();
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < uploads.length) {
              rawCheck();
              const r = await client.fileReferral(uploads[next++]!, OPERATOR);
              if (r.outcome === 'ok') rawOk += 1;
            }
          }),
        );
        const seconds = (performance.now() - rawStart) / 1000;
        if (rawOk !== FILINGS) throw new Error(`raw client: only ${rawOk} of ${FILINGS} accepted`);
        return seconds;
      } finally {
        rawDesk.close();
        rmSync(rawDir, { recursive: true, force: true });
        await sim.admin('POST', '/reset');
      }
    };
    const rawBefore = await directRun();

    // 3. The queue drains the same uploads; meanwhile an operator lists filings.
    const queueTime = dayShiftingClock();
    const queueStart = performance.now();
    const desk = await createDesk({
      dataDir: dir,
      mode: 'training',
      platform: {
        client: ({ sqlite, institution: inst }) =>
          queueTime.counted(createPlatformClient({ sqlite, institution: inst, profile: NATIONAL_DEFAULT, baseUrl: sim.url, clock: queueTime.clock })),
        operator: OPERATOR,
        concurrency: CONCURRENCY,
      },
    });
    const login = await desk.dispatch('auth.login', { username: SIM_SETUP.adminUsername, password: SIM_SETUP.adminPassword }, null);
    if (!login.ok) throw new Error(login.message);
    const session = desk.sessions.get(login.value.token);
    const callLatencies: number[] = [];
    let draining = true;
    const caller = (async () => {
      while (draining) {
        const t0 = performance.now();
        const r = await desk.dispatch('filing.list', { page: 1, pageSize: 20 }, session);
        callLatencies.push(performance.now() - t0);
        if (!r.ok) throw new Error(r.message);
        await new Promise((res) => setTimeout(res, 25));
      }
    })();
    const queueCheck = deadline('queue drain');
    for (;;) {
      queueCheck();
      const s = queueStats(desk.db.db);
      if (s.pending + s.inFlight + s.uncertain === 0) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    const queueSeconds = (performance.now() - queueStart) / 1000;
    draining = false;
    await caller;
    const stats = queueStats(desk.db.db);
    await desk.sync!.stop();
    desk.close();
    if (stats.done !== FILINGS) throw new Error(`queue: ${stats.done} of ${FILINGS} done (${JSON.stringify(stats)})`);
    const onPlatform = ((await sim.admin('GET', '/referrals')) as unknown[]).length;
    if (onPlatform !== FILINGS) throw new Error(`queue: platform holds ${onPlatform} filings, expected ${FILINGS}`);
    await sim.admin('POST', '/reset');
    const rawAfter = await directRun();
    const rawSeconds = (rawBefore + rawAfter) / 2;

    const rawRate = FILINGS / rawSeconds;
    const queueRate = FILINGS / queueSeconds;
    const ratio = queueRate / rawRate;
    const p99 = percentile(callLatencies, 99);
    const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
    console.log(`bench:replay  filings=${FILINGS} concurrency=${CONCURRENCY} latency=${LATENCY_MS}ms (load average ${load(loadAtStart)} at start, ${load(loadavg())} at end)`);
    console.log(
      `  platform client direct: ${rawRate.toFixed(1)} filings/s (mean of ${(FILINGS / rawBefore).toFixed(1)} before and ${(FILINGS / rawAfter).toFixed(1)} after the queue run)`,
    );
    console.log(`  upload queue:           ${queueRate.toFixed(1)} filings/s (${queueSeconds.toFixed(1)} s, each once: ${onPlatform} on the platform)`);
    console.log(`  throughput ratio queue/direct: ${ratio.toFixed(3)} (goal >= 0.9) ${ratio >= 0.9 ? 'MET' : 'NOT MET'}`);
    console.log(
      `  filing.list while draining: n=${callLatencies.length} p50=${percentile(callLatencies, 50).toFixed(1)} ms p99=${p99.toFixed(1)} ms (goal < 50 ms) ${p99 < 50 ? 'MET' : 'NOT MET'}`,
    );
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
