// `npx tsx test/bench/reports.ts`: report.summary and report.export on a desk with many filings
// (BENCH_FILINGS, default 300 000) saved over two years, each with an upload entry. Prints the time of
// each report shape measured in this run (median of 5) and the query plan's index use; asserts nothing.
import { performance } from 'node:perf_hooks';
import { businessDate } from '../../shared/domain/time';
import { setUpDesk } from '../helpers/desk';

const TOTAL = Number(process.env.BENCH_FILINGS ?? 300_000);
const BATCH = 5_000;
const DESTINATIONS = ['310000', '110000', '320100', '330100', '440100', '420100', '500000', '120000', '340200', null];
const TYPES = ['referral', 'referral', 'emergency', 'temporary_other', 'long_term_residence'];
const STATUSES = ['done', 'done', 'done', 'done', 'rejected', 'pending', 'uncertain'] as const;
const START = Date.UTC(2024, 11, 1);
const SPAN_MS = 730 * 86_400_000;

const t = await setUpDesk();
const db = t.desk.db.sqlite;
const insertFiling = db.prepare(
  `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, destination_region, start_date, details, status, upload_state, created_by, created_at, updated_at, filing_date)
   values (?, ?, ?, 'employee', 'id_card', ?, '测试', 'CS', ?, ?, '{}', ?, ?, ?, ?, ?, ?)`,
);
const insertEntry = db.prepare(
  `insert into outbox (id, kind, order_key, payload, status, next_attempt_at, created_at, updated_at) values (?, 'filing.create', ?, '{}', ?, ?, ?, ?)`,
);
const seedStart = performance.now();
for (let done = 0; done < TOTAL; done += BATCH) {
  db.transaction(() => {
    for (let i = done; i < Math.min(TOTAL, done + BATCH); i += 1) {
      const created = new Date(START + Math.floor((i / TOTAL) * SPAN_MS));
      const at = created.toISOString();
      const status = STATUSES[i % STATUSES.length]!;
      const uploaded = new Date(created.getTime() + ((i * 7919) % 3600) * 1000).toISOString();
      const id = `f${i}`;
      insertFiling.run(id, `L${i}`, TYPES[i % TYPES.length], `C${i}`, DESTINATIONS[i % DESTINATIONS.length], at.slice(0, 10), i % 50 === 0 ? 'voided' : 'active', status === 'done' ? 'uploaded' : status, t.admin.operatorId, at, at, businessDate(created));
      insertEntry.run(`e${i}`, id, status, at, at, status === 'done' ? uploaded : at);
    }
  })();
}
const seedMs = performance.now() - seedStart;

async function time(label: string, run: () => Promise<unknown>): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const s = performance.now();
    await run();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${runs[2]!.toFixed(0).padStart(6)} ms   (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)})`);
}

type Req = { granularity: 'day' | 'month'; from: string; to: string };
const summary = async (req: Req) => {
  const r = await t.desk.dispatch('report.summary', req, t.admin);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const exportXlsx = async (req: Req) => {
  const r = await t.desk.dispatch('report.export', req, t.admin);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

console.log(`filings ${TOTAL} with one upload entry each, seeded in ${(seedMs / 1000).toFixed(1)} s`);
const month = { granularity: 'day', from: '2025-06-01', to: '2025-06-30' } as const;
const quarter = { granularity: 'day', from: '2025-04-01', to: '2025-06-30' } as const;
const twoYears = { granularity: 'month', from: '2024-12-01', to: '2026-11-30' } as const;
const m = await summary(month);
console.log(`one month: ${m.total} filings (${((m.total / TOTAL) * 100).toFixed(1)}% of the table)`);
await time('report.summary, one month by day', () => summary(month));
await time('report.summary, one quarter by day', () => summary(quarter));
await time('report.summary, two years by month (whole table)', () => summary(twoYears));
await time('report.export, one month by day (.xlsx)', () => exportXlsx(month));
const planOf = (q: string) => (db.prepare(`explain query plan ${q}`).all('2025-06-01', '2025-06-30') as { detail: string }[]).map((p) => p.detail).join(' | ');
console.log(`plan, filings of the range: ${planOf('select type from filings where filing_date >= ? and filing_date <= ?')}`);
console.log(`plan, their uploads: ${planOf("select o.status from filings f cross join outbox o where f.filing_date >= ? and f.filing_date <= ? and o.order_key = f.id and o.kind = 'filing.create'")}`);
t.close();
