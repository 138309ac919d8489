// `npm run bench:platform`: the simulator's capacity — accepted 2501 referral filings per second at
// concurrency 1, 8 and 32 with a set latency, over a raw keep-alive HTTP client, and the ratio to
// the ideal (concurrency / latency). The yardstick the upload queue's replay is measured against.
// Bounded in count and in time; prints numbers measured in this run, asserts nothing.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { businessDateTime, businessStamp, addDays } from '../../shared/domain/time';
import { SIM_DESK_INSTITUTION, SIM_INSTITUTIONS, SIM_PERSONS } from '../../main/platform/sim/seed';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const LEVELS = [
  { concurrency: 1, requests: 100 },
  { concurrency: 8, requests: 400 },
  { concurrency: 32, requests: 1200 },
];
const TIME_LIMIT_MS = 15_000;
const PATH = '/fsi/api/rsfComIfsService/callService';
const OPERATOR = { code: 'bench0001', name: '压测员' };

let sequence = 0;
let filed = 0;

function envelope(infno: string, input: Record<string, unknown>, signNo: string, insuredRegion = ''): Record<string, unknown> {
  const now = new Date();
  sequence += 1;
  return {
    infno,
    msgid: `${SIM_DESK_INSTITUTION.code}${businessStamp(now)}${String(sequence).padStart(4, '0')}`,
    mdtrtarea_admvs: SIM_DESK_INSTITUTION.regionCode,
    insuplc_admdvs: insuredRegion,
    recer_sys_code: 'YBXT',
    dev_no: '',
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: 'V1.0',
    opter_type: '1',
    opter: OPERATOR.code,
    opter_name: OPERATOR.name,
    inf_time: businessDateTime(now),
    fixmedins_code: SIM_DESK_INSTITUTION.code,
    fixmedins_name: SIM_DESK_INSTITUTION.name,
    sign_no: signNo,
    input,
  };
}

/** Person × destination pairs the simulator accepts; each pair gets its own run of one-day windows. */
const PAIRS = SIM_PERSONS.filter((p) => p.insurances[0]!.status === '1').flatMap((who) =>
  SIM_INSTITUTIONS.filter((i) => i.type === '1' && i.code !== SIM_DESK_INSTITUTION.code).map((to) => ({ who, to })),
);

/** A 2501 the simulator accepts: rotating over person × destination, a new validity window per round. */
function referral(signNo: string): Record<string, unknown> {
  const { who, to } = PAIRS[filed % PAIRS.length]!;
  const date = addDays('2027-01-01', Math.floor(filed / PAIRS.length));
  filed += 1;
  const insurance = who.insurances[0]!;
  return envelope(
    '2501',
    {
      refmedin: {
        psn_no: who.personNo,
        insutype: insurance.insutype,
        diag_code: 'C34.900',
        diag_name: '肺恶性肿瘤',
        reflin_medins_no: to.code,
        reflin_medins_name: to.name,
        mdtrtarea_admdvs: `${to.code.slice(1, 5)}00`,
        refl_type: '1',
        refl_date: date,
        refl_rea: '本院无放疗条件',
        refl_opnn: '同意转往上级医院',
        begndate: date,
        enddate: date,
      },
    },
    signNo,
    insurance.insuredRegion,
  );
}

function post(agent: http.Agent, url: string, body: unknown): Promise<{ infcode: number; err_msg?: string; output?: unknown }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${PATH}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error as Error);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}

interface Row {
  label: string;
  concurrency: number;
  done: number;
  failed: number;
  seconds: number;
  perSecond: number;
  ideal: number;
}

async function level(sim: Simulator, signNo: string, concurrency: number, requests: number, idealCap: number, label: string): Promise<Row> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let started = 0;
  let done = 0;
  let failed = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (started < requests && performance.now() - t0 < TIME_LIMIT_MS) {
      started += 1;
      const reply = await post(agent, sim.url, referral(signNo));
      if (Number(reply.infcode) === 0) done += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { label, concurrency, done, failed, seconds, perSecond: (done + failed) / seconds, ideal: idealCap };
}

function print(rows: Row[]): void {
  const header = ['run', 'concurrency', 'requests', 'failed', 'seconds', 'req/s', 'ideal req/s', 'ratio'];
  const lines = rows.map((r) => [
    r.label,
    String(r.concurrency),
    String(r.done + r.failed),
    String(r.failed),
    r.seconds.toFixed(2),
    r.perSecond.toFixed(1),
    r.ideal.toFixed(1),
    (r.perSecond / r.ideal).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(fmt(header));
  for (const l of lines) console.log(fmt(l));
}

async function main(): Promise<void> {
  const sim = await startSimulator({ latencyMs: LATENCY_MS });
  try {
    const agent = new http.Agent({ keepAlive: true });
    const signIn = await post(agent, sim.url, envelope('9001', { signIn: { opter_no: OPERATOR.code, mac: '02:00:00:00:00:01', ip: '127.0.0.1' } }, ''));
    agent.destroy();
    const signNo = (signIn.output as { signinoutb?: { sign_no?: string } } | undefined)?.signinoutb?.sign_no;
    if (!signNo) throw new Error(`sign-in failed: ${signIn.err_msg ?? 'no sign_no'}`);
    console.log(`platform simulator capacity: 2501 referral filings, latency ${LATENCY_MS} ms, keep-alive HTTP client, in-memory state`);
    // Warm-up (JIT, statement cache), not measured.
    await level(sim, signNo, 8, 200, 1, 'warm-up');
    const rows: Row[] = [];
    for (const { concurrency, requests } of LEVELS) {
      rows.push(await level(sim, signNo, concurrency, requests, (concurrency * 1000) / LATENCY_MS, 'unlimited'));
    }
    // The same load against the capacity fault: what a throttled platform lets through.
    sim.faults.set({ capacity: { maxConcurrent: 8 } });
    rows.push(await level(sim, signNo, 32, 400, (8 * 1000) / LATENCY_MS, 'capacity 8'));
    print(rows);
    const stats = sim.inspect.stats();
    console.log(`filings recorded: ${sim.inspect.referrals().length}; peak concurrency seen by the simulator: ${stats.peakConcurrent}; peak queued: ${stats.peakQueued}`);
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
