// `npm run bench:filings`: a desk database with many filings (BENCH_FILINGS, default 1 000 000),
// seeded with batched raw inserts; then create throughput through the real service path
// (dispatch: validate + evaluate + store + audit + enqueue) against a raw insert of the same rows,
// search p95 per search kind through the list service against a full scan, and the process RSS.
// Bounded in count and time; prints numbers measured in this run, asserts nothing.
import { performance } from 'node:perf_hooks';
import type { RequestOf } from '../../shared/contract';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { nameInitials } from '../../shared/domain/pinyin';
import type { FilingType } from '../../shared/domain/filing';
import { list } from '../../main/services/filings';
import { referral, setUpDesk } from '../helpers/desk';

const TOTAL = Number(process.env.BENCH_FILINGS ?? 1_000_000);
const CREATES = Number(process.env.BENCH_CREATES ?? 5_000);
const SEARCHES = 200;
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 240_000);
const BATCH = 20_000;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰志强海燕红梅春梅小红建国国华德明淑珍桂芳'.split('');
const REGIONS = ['340102', '340103', '340104', '340111', '340121', '340122', '340123', '340124', '341181', '340181'];
const DESTINATIONS = ['310000', '110000', '320100', '330100', '440100', '420100', '500000', '120000'];
const TYPES: FilingType[] = ['referral', 'referral', 'referral', 'emergency', 'temporary_other', 'long_term_residence', 'retired_resettled', 'resident_work'];

let seed = 42;
function rand(n: number): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}

function idNumber(i: number): string {
  const year = 1940 + (i % 70);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const first17 = `${REGIONS[i % REGIONS.length]}${year}${month}${day}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

const initialsCache = new Map<string, string>();
function initials(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = nameInitials(name);
    initialsCache.set(name, v);
  }
  return v;
}

interface Row {
  id: string;
  local_no: string;
  type: string;
  cert_no: string;
  person_name: string;
  name_initials: string;
  start_date: string;
  end_date: string | null;
  status: string;
  upload_state: string;
  platform_serial: string | null;
  created_at: string;
}

function row(i: number, prefix: string): Row {
  const name = SURNAMES[rand(SURNAMES.length)]! + GIVEN[rand(GIVEN.length)]! + (rand(2) ? GIVEN[rand(GIVEN.length)]! : '');
  const day = rand(1050);
  const start = isoDay(day);
  const uploaded = rand(10) < 8;
  return {
    id: `${prefix}${String(i).padStart(8, '0')}`,
    local_no: `${start.replaceAll('-', '')}-${prefix}${String(i).padStart(7, '0')}`,
    type: TYPES[rand(TYPES.length)]!,
    cert_no: idNumber(i * 7 + rand(7)),
    person_name: name,
    name_initials: initials(name),
    start_date: start,
    end_date: rand(3) ? isoDay(day + 180) : null,
    status: rand(20) ? 'active' : 'voided',
    upload_state: uploaded ? 'uploaded' : 'pending',
    platform_serial: uploaded ? `P${String(i).padStart(11, '0')}` : null,
    created_at: `${start}T02:00:00.000Z`,
  };
}

const INSERT_SQL = `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, phone,
  destination_region, start_date, end_date, details, status, upload_state, platform_serial, review_status, created_by, created_at, updated_at, version)
  values (@id, @local_no, @type, 'employee', 'id_card', @cert_no, @person_name, @name_initials, '13800000000',
  @destination_region, @start_date, @end_date, @details, @status, @upload_state, @platform_serial, 'none', 'bench', @created_at, @created_at, 1)`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}

async function main(): Promise<void> {
  const started = performance.now();
  const t = await setUpDesk({ clock: () => new Date('2026-11-23T02:00:00Z') });
  try {
    const sqlite = t.desk.db.sqlite;
    const insert = sqlite.prepare(INSERT_SQL);
    const insertMany = sqlite.transaction((rows: Row[]) => {
      for (const r of rows) insert.run({ ...r, destination_region: DESTINATIONS[r.id.length % DESTINATIONS.length], details: '{"phone":"13800000000"}' });
    });

    const seedStart = performance.now();
    let seeded = 0;
    while (seeded < TOTAL && performance.now() - started < TIME_LIMIT_MS / 2) {
      const rows: Row[] = [];
      for (let i = 0; i < BATCH && seeded + i < TOTAL; i += 1) rows.push(row(seeded + i, 'S'));
      insertMany(rows);
      seeded += rows.length;
      sampleRss();
    }
    sqlite.exec('analyze');
    const seedMs = performance.now() - seedStart;
    console.log(`seeded ${seeded.toLocaleString('en')} filings in ${(seedMs / 1000).toFixed(1)} s (${Math.round(seeded / (seedMs / 1000)).toLocaleString('en')}/s, batches of ${BATCH})`);

    // Raw insert of the same number of rows, one statement each inside one transaction per row (as the service commits).
    const rawRows = Array.from({ length: CREATES }, (_, i) => row(TOTAL + i, 'R'));
    const rawOne = sqlite.transaction((r: Row) => insert.run({ ...r, destination_region: '310000', details: '{"phone":"13800000000"}' }));
    const rawStart = performance.now();
    for (const r of rawRows) rawOne(r);
    const rawRate = CREATES / ((performance.now() - rawStart) / 1000);

    // The real service path: dispatch (zod) + evaluateFiling + overlap query + insert + audit + outbox.
    const requests: RequestOf<'filing.create'>[] = Array.from({ length: CREATES }, (_, i) => referral({ certNo: idNumber(5_000_000 + i), personName: rawRows[i]!.person_name }));
    const svcStart = performance.now();
    let created = 0;
    for (const req of requests) {
      const r = await t.desk.dispatch('filing.create', req, t.admin);
      if (!r.ok) throw new Error(`create failed: ${r.message}`);
      created += 1;
      if (performance.now() - started > TIME_LIMIT_MS) break;
    }
    const svcRate = created / ((performance.now() - svcStart) / 1000);
    sampleRss();
    console.log(`create: service ${Math.round(svcRate).toLocaleString('en')}/s (${created} creates), raw insert ${Math.round(rawRate).toLocaleString('en')}/s (one transaction per row), ratio ${(svcRate / rawRate).toFixed(2)} (goal ≥ 0.25 and ≥ 2 000/s)`);

    // Searches through the list service (filing.list's query and filters), against the same conditions with no index.
    const sample = sqlite.prepare('select cert_no, person_name, name_initials, local_no, platform_serial from filings where rowid = ?');
    const pick = () => sample.get(1 + rand(seeded)) as { cert_no: string; person_name: string; name_initials: string; local_no: string; platform_serial: string | null };
    const kinds: { kind: string; run: () => unknown; scan: () => unknown }[] = [];
    const scan = (where: string, value: unknown) => () => sqlite.prepare(`select count(*) from filings not indexed where ${where}`).get(value);
    kinds.push({ kind: 'ID prefix (10 chars)', run: () => list(t.desk.ctx, { query: pick().cert_no.slice(0, 10), page: 1, pageSize: 20 }), scan: scan("cert_no like ? || '%'", pick().cert_no.slice(0, 10)) });
    kinds.push({ kind: 'name', run: () => list(t.desk.ctx, { query: pick().person_name, page: 1, pageSize: 20 }), scan: scan('person_name = ?', pick().person_name) });
    kinds.push({ kind: 'pinyin initials', run: () => list(t.desk.ctx, { query: pick().name_initials, page: 1, pageSize: 20 }), scan: scan('name_initials = ?', pick().name_initials) });
    kinds.push({ kind: 'local no', run: () => list(t.desk.ctx, { query: pick().local_no, page: 1, pageSize: 20 }), scan: scan('local_no = ?', pick().local_no) });
    kinds.push({ kind: 'platform serial', run: () => list(t.desk.ctx, { query: pick().platform_serial ?? 'P0', page: 1, pageSize: 20 }), scan: scan('platform_serial = ?', pick().platform_serial ?? 'P0') });
    kinds.push({ kind: 'type+status (no date range in filing.list)', run: () => list(t.desk.ctx, { query: undefined, type: 'emergency', status: 'voided', page: 1, pageSize: 20 }), scan: scan("type = 'emergency' and status = ?", 'voided') });

    for (const k of kinds) {
      const times: number[] = [];
      // At least 20 per kind whatever the time limit, so every kind gets a figure.
      for (let i = 0; i < SEARCHES && (i < 20 || performance.now() - started < TIME_LIMIT_MS); i += 1) {
        const s = performance.now();
        k.run();
        times.push(performance.now() - s);
      }
      const scanTimes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const s = performance.now();
        k.scan();
        scanTimes.push(performance.now() - s);
      }
      const p95 = percentile(times, 95);
      const full = percentile(scanTimes, 50);
      console.log(`search ${k.kind}: p95 ${p95.toFixed(2)} ms over ${times.length} (goal < 5 ms); full scan ${full.toFixed(1)} ms; ratio ${(p95 / full).toFixed(4)}`);
      sampleRss();
    }
    console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (goal < 250 MB); total ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    t.close();
  }
}

await main();
