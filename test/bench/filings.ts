// `npm run bench:filings`: a desk database with many filings (BENCH_FILINGS, default 1 000 000),
// seeded with streamed batched raw inserts; then create throughput through the real service path
// (dispatch: validate + evaluate + overlap + store + audit + enqueue, group commit) against a raw
// insert of the same rows grouped into the same transactions, the bulk path (createMany), search
// p95 per search kind through the list service against a full scan, and the process's peak RSS.
// Bounded in count and time (BENCH_TIME_LIMIT_MS); prints numbers measured in this run, asserts nothing.
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { RequestOf } from '../../shared/contract';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { nameInitials } from '../../shared/domain/pinyin';
import type { FilingType } from '../../shared/domain/filing';
import { createGroupSizes, createMany, list } from '../../main/services/filings';
import { referral, setUpDesk } from '../helpers/desk';

const TOTAL = Number(process.env.BENCH_FILINGS ?? 1_000_000);
const CREATES = Number(process.env.BENCH_CREATES ?? 5_000);
/** Callers with a create in flight at once (operators' desks, the importer's batches). */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SEARCHES = 200;
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 240_000);
/** Rows per seeding transaction (generated inside SQLite, see seedSql). */
const BATCH = Number(process.env.BENCH_BATCH ?? 5_000);
const BULK_CALL = 500;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华文辉玉兰志强海燕红梅春梅小红建国国华德明淑珍桂芳'.split('');
const REGIONS = ['340102', '340103', '340104', '340111', '340121', '340122', '340123', '340124', '341181', '340181'];
const DESTINATIONS = ['310000', '110000', '320100', '330100', '440100', '420100', '500000', '120000'];
const TYPES: FilingType[] = ['referral', 'referral', 'referral', 'emergency', 'temporary_other', 'long_term_residence', 'retired_resettled', 'resident_work'];
const OPERATORS = Array.from({ length: 20 }, (_, i) => `bench-op-${String(i).padStart(2, '0')}`);

// mulberry32: deterministic, and unlike a bare LCG its low bits do not repeat with a short period.
let seed = 42;
function rand(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) % n;
}

const DAY_MS = 86_400_000;

/** A valid GB 11643 number: a region, a birth date over 70 years, a sequence number. */
function idNumber(region: string, bornDay: number, sequence: number): string {
  const born = new Date(Date.UTC(1940, 0, 1) + bornDay * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${region}${born}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

function isoDay(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * DAY_MS).toISOString().slice(0, 10);
}

// Initials per character (a few hundred entries), not per name: a per-name cache grows with the seed.
const charInitials = new Map<string, string>();
function initialOf(ch: string): string {
  let v = charInitials.get(ch);
  if (v === undefined) {
    v = nameInitials(ch);
    charInitials.set(ch, v);
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
  destination_region: string;
  start_date: string;
  end_date: string | null;
  status: string;
  upload_state: string;
  platform_serial: string | null;
  created_by: string;
  created_at: string;
  filing_date: string;
}

function row(i: number, prefix: string, region = REGIONS[rand(REGIONS.length)]!): Row {
  const chars = [SURNAMES[rand(SURNAMES.length)]!, GIVEN[rand(GIVEN.length)]!, ...(rand(2) ? [GIVEN[rand(GIVEN.length)]!] : [])];
  const day = rand(1050);
  const start = isoDay(day);
  const uploaded = rand(10) < 8;
  return {
    id: `${prefix}${String(i).padStart(8, '0')}`,
    local_no: `${start.replaceAll('-', '')}-${prefix}${String(i).padStart(7, '0')}`,
    type: TYPES[rand(TYPES.length)]!,
    cert_no: idNumber(region, rand(25_550), rand(1000)),
    person_name: chars.join(''),
    name_initials: chars.map(initialOf).join(''),
    destination_region: DESTINATIONS[rand(DESTINATIONS.length)]!,
    start_date: start,
    end_date: rand(3) ? isoDay(day + 180) : null,
    status: rand(20) ? 'active' : 'voided',
    upload_state: uploaded ? 'uploaded' : 'pending',
    platform_serial: uploaded ? `${String(3_400_000_000 + i)}${String(rand(1000)).padStart(3, '0')}` : null,
    created_by: OPERATORS[rand(OPERATORS.length)]!,
    created_at: `${start}T02:00:00.000Z`,
    filing_date: start,
  };
}

const INSERT_SQL = `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, phone,
  destination_region, start_date, end_date, details, status, upload_state, platform_serial, review_status, created_by, created_at, updated_at, version,
  origin, origin_ref, filing_date)
  values (@id, @local_no, @type, 'employee', 'id_card', @cert_no, @person_name, @name_initials, '13800000000',
  @destination_region, @start_date, @end_date, '{"phone":"13800000000"}', @status, @upload_state, @platform_serial, 'none', @created_by, @created_at, @created_at, 1,
  'desk', null, @filing_date)`;

// The seed runs inside SQLite: a recursive CTE generates each batch's rows from their number with a
// multiplicative hash (deterministic), so a million rows cost no JavaScript heap (RSS stays flat)
// and the same distributions as row() below: names from SURNAMES/GIVEN with their initials, valid
// GB 11643 numbers (check digit computed in SQL), start dates over three years, 5 % voided, 80 %
// uploaded with a serial, 20 operators.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function seedSql(): string {
  const multipliers = [2654435761, 2246822519, 3266489917, 668265263, 374761393, 2870177450, 1181783497, 3575866506, 1013904223, 1664525, 22695477, 134775813, 214013];
  // A value in [0, n) from row i, independent enough per k for a benchmark's spread.
  const rnd = (k: number, n: number) => `((((i + ${k * 7919}) * ${multipliers[k]!}) % 4294967291) % ${n})`;
  const pick = (k: number, values: readonly string[]) => `(CASE ${rnd(k, values.length)} ${values.map((v, j) => `WHEN ${j} THEN '${v}'`).join(' ')} END)`;
  const surnameInitials = SURNAMES.map(initialOf).join('');
  const givenInitials = GIVEN.map(initialOf).join('');
  if (surnameInitials.length !== SURNAMES.length || givenInitials.length !== GIVEN.length) throw new Error('one initial per character expected');
  const checkSum = ID_WEIGHTS.map((w, j) => `cast(substr(f17, ${j + 1}, 1) as integer) * ${w}`).join(' + ');
  return `WITH RECURSIVE seq(i) AS (SELECT cast(@from as integer) UNION ALL SELECT i + 1 FROM seq WHERE i < @to),
    picks AS MATERIALIZED (SELECT i, ${rnd(0, 1050)} AS day, ${rnd(1, SURNAMES.length)} AS si, ${rnd(2, GIVEN.length)} AS g1, ${rnd(3, 2)} AS two, ${rnd(4, GIVEN.length)} AS g2,
      ${pick(5, REGIONS)} || strftime('%Y%m%d', '1940-01-01', '+' || ${rnd(6, 25_550)} || ' days') || printf('%03d', ${rnd(7, 1000)}) AS f17,
      ${rnd(8, 10)} < 8 AS uploaded, ${pick(9, TYPES)} AS type, ${pick(10, DESTINATIONS)} AS dest, ${rnd(11, 20)} AS voided, ${rnd(12, 3)} AS open_end FROM seq),
    rows AS MATERIALIZED (SELECT i, type, dest, uploaded, voided, open_end, date('2024-01-01', '+' || day || ' days') AS start,
      f17 || substr('10X98765432', 1 + ((${checkSum}) % 11), 1) AS cert_no,
      substr('${SURNAMES.join('')}', 1 + si, 1) || substr('${GIVEN.join('')}', 1 + g1, 1) || CASE two WHEN 1 THEN substr('${GIVEN.join('')}', 1 + g2, 1) ELSE '' END AS name,
      substr('${surnameInitials}', 1 + si, 1) || substr('${givenInitials}', 1 + g1, 1) || CASE two WHEN 1 THEN substr('${givenInitials}', 1 + g2, 1) ELSE '' END AS initials
      FROM picks)
    INSERT INTO filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, phone, destination_region, start_date, end_date,
      details, status, upload_state, platform_serial, review_status, created_by, created_at, updated_at, version, origin, origin_ref, filing_date)
    SELECT 'S' || printf('%08d', i), replace(start, '-', '') || '-S' || printf('%07d', i), type, 'employee', 'id_card', cert_no, name, initials, '13800000000', dest, start,
      CASE WHEN open_end = 0 THEN NULL ELSE date(start, '+180 days') END, '{"phone":"13800000000"}', CASE WHEN voided = 0 THEN 'voided' ELSE 'active' END,
      CASE WHEN uploaded THEN 'uploaded' ELSE 'pending' END, CASE WHEN uploaded THEN (3400000000 + i) || printf('%03d', i % 1000) ELSE NULL END, 'none',
      'bench-op-' || printf('%02d', (i * 40503) % 20), start || 'T02:00:00.000Z', start || 'T02:00:00.000Z', 1, 'desk', NULL, start
    FROM rows`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

let peakRss = 0;
function sampleRss(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const rssTimer = setInterval(sampleRss, 50);

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');

async function main(): Promise<void> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  // From the repository root (npm runs scripts there): bundled into dist/bench, this module's own
  // folder holds no migrations.
  const t = await setUpDesk({ clock: () => new Date('2026-11-23T02:00:00Z'), migrationsFolder: resolve('db/migrations') });
  if (process.env.BENCH_DEBUG) console.log(`rss at start ${JSON.stringify(process.memoryUsage())}`);
  try {
    const sqlite = t.desk.db.sqlite;
    const insert = sqlite.prepare(INSERT_SQL);
    const insertAll = sqlite.transaction((rows: readonly Row[]) => {
      for (const r of rows) insert.run(r);
    });
    const seedStatement = sqlite.prepare(seedSql());
    const seedBatch = (from: number, n: number) => seedStatement.run({ from, to: from + n - 1 });

    // Seed: batches of BATCH rows built and inserted one at a time, so memory stays flat. The
    // filings indexes (the migration's) are dropped for the load and built again after it (a sort
    // each, much faster than a million random B-tree inserts). The desk's page cache throughout.
    const indexes = sqlite.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'filings' and sql is not null").all() as { name: string; sql: string }[];
    for (const ix of indexes) sqlite.exec(`drop index ${ix.name}`);
    const seedStart = performance.now();
    let seeded = 0;
    while (seeded < TOTAL && elapsed() < TIME_LIMIT_MS / 2) {
      const n = Math.min(BATCH, TOTAL - seeded);
      seedBatch(seeded, n);
      seeded += n;
    }
    const loadMs = performance.now() - seedStart;
    if (process.env.BENCH_DEBUG) console.log(`rss after load ${JSON.stringify(process.memoryUsage())}`);
    for (const ix of indexes) sqlite.exec(ix.sql);
    const seedMs = performance.now() - seedStart;
    sqlite.exec('analyze');
    // What-if: a larger page cache than the desk's default (db/open.ts sets none: SQLite's 2 MB).
    const cacheMb = process.env.BENCH_CACHE_MB;
    if (cacheMb) sqlite.pragma(`cache_size = -${Number(cacheMb) * 1024}`);
    // What-if: other pragmas, `;`-separated (e.g. BENCH_PRAGMAS='wal_autocheckpoint = 4000').
    for (const p of (process.env.BENCH_PRAGMAS ?? '').split(';').filter((x) => x.trim() !== '')) sqlite.pragma(p);
    if (process.env.BENCH_DEBUG) console.log(`rss after indexes ${Math.round(process.memoryUsage().rss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB`);
    console.log(
      `bench:filings  filings=${TOTAL} creates=${CREATES} concurrency=${CONCURRENCY} time limit=${TIME_LIMIT_MS} ms ${import.meta.url.includes('/dist/bench/') ? 'bundled, plain node' : 'under tsx (adds ~27 MB RSS)'} ${process.version} page cache=${cacheMb ? `${cacheMb} MB (BENCH_CACHE_MB)` : "the desk's default"}`,
    );
    console.log(`seeded ${seeded.toLocaleString('en')} filings in ${(seedMs / 1000).toFixed(1)} s (${rate(seeded, seedMs)}/s: rows generated in SQL, transactions of ${BATCH}, in ${(loadMs / 1000).toFixed(1)} s, then ${indexes.length} indexes built in ${((seedMs - loadMs) / 1000).toFixed(1)} s; analyze after)${seeded < TOTAL ? ' — STOPPED at half the time limit' : ''}`);

    // The real service path through the dispatcher: CONCURRENCY callers, each awaiting its create
    // before the next. Persons come from a region the seed does not use, so no create overlaps.
    const requests: RequestOf<'filing.create'>[] = Array.from({ length: CREATES }, (_, i) => {
      const r = row(TOTAL + i, 'R');
      return referral({ certNo: idNumber('340202', i % 25_550, Math.floor(i / 25_550)), personName: r.person_name, startDate: '2026-11-23' });
    });
    createGroupSizes.length = 0;
    let next = 0;
    let created = 0;
    const svcStart = performance.now();
    const svcCpu = process.cpuUsage();
    const caller = async (): Promise<void> => {
      while (next < requests.length && elapsed() < TIME_LIMIT_MS) {
        const req = requests[next++]!;
        const r = await t.desk.dispatch('filing.create', req, t.admin);
        if (!r.ok) throw new Error(`create failed: ${r.message}`);
        created += 1;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, caller));
    const svcMs = performance.now() - svcStart;
    const svcCpuUsed = process.cpuUsage(svcCpu);
    const groups = [...createGroupSizes];
    if (process.env.BENCH_DEBUG) console.log(`rss after creates ${Math.round(process.memoryUsage().rss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB`);
    const mean = groups.reduce((a, b) => a + b, 0) / groups.length;

    // The same rows inserted raw (the filing row only: prepared statement, no checks, no audit or
    // outbox row), grouped into transactions exactly as the service's group commit grouped them.
    const rawRows = Array.from({ length: created }, (_, i) => row(TOTAL + CREATES + i, 'W', '340203'));
    const rawStart = performance.now();
    const rawCpu = process.cpuUsage();
    let offset = 0;
    for (const size of groups) {
      insertAll(rawRows.slice(offset, offset + size));
      offset += size;
    }
    const rawMs = performance.now() - rawStart;
    const rawCpuUsed = process.cpuUsage(rawCpu);
    const svcRate = created / (svcMs / 1000);
    const rawRate = created / (rawMs / 1000);
    console.log(
      `create: service ${rate(created, svcMs)}/s (${created} creates by ${CONCURRENCY} concurrent callers through filing.create; group commit made ${groups.length} transactions, mean ${mean.toFixed(1)}, max ${Math.max(...groups)} creates each)`,
    );
    // CPU the process used in the service phase (main thread; SQLite runs on it): CPU ≈ wall means the
    // creates are bound by computation, wall ≫ CPU by waiting (fsync, or for a core on a busy machine).
    console.log(`create: service phase wall ${(svcMs / 1000).toFixed(2)} s, process CPU ${((svcCpuUsed.user + svcCpuUsed.system) / 1e6).toFixed(2)} s (user ${(svcCpuUsed.user / 1e6).toFixed(2)}, system ${(svcCpuUsed.system / 1e6).toFixed(2)})`);
    console.log(`create: raw insert ${rate(created, rawMs)}/s (the same ${created} rows, filing row only, in the same ${groups.length} transactions of the same sizes)`);
    console.log(`create: raw phase wall ${(rawMs / 1000).toFixed(2)} s, process CPU ${((rawCpuUsed.user + rawCpuUsed.system) / 1e6).toFixed(2)} s (user ${(rawCpuUsed.user / 1e6).toFixed(2)}, system ${(rawCpuUsed.system / 1e6).toFixed(2)})`);
    console.log(`create: ratio service/raw ${(svcRate / rawRate).toFixed(2)} (goal >= 0.25) ${svcRate / rawRate >= 0.25 ? 'MET' : 'NOT MET'}; ${rate(created, svcMs)}/s (goal >= 2 000/s) ${svcRate >= 2000 ? 'MET' : 'NOT MET'}`);

    // The bulk path (cut-over importer): createMany in calls of BULK_CALL, one transaction per call.
    const bulk = Array.from({ length: CREATES }, (_, i) => {
      const r = row(TOTAL + 2 * CREATES + i, 'B');
      return { request: referral({ certNo: idNumber('340204', i % 25_550, Math.floor(i / 25_550)), personName: r.person_name, startDate: '2026-11-20' }), origin: 'import' as const, originRef: `OLD-${i}`, originalFilingDate: '2026-11-20' };
    });
    const bulkStart = performance.now();
    let bulkSaved = 0;
    for (let i = 0; i < bulk.length && elapsed() < TIME_LIMIT_MS; i += BULK_CALL) {
      const outcomes = createMany(t.desk.ctx, bulk.slice(i, i + BULK_CALL), t.admin);
      for (const o of outcomes) {
        if (!o.ok) throw new Error(`createMany refused: ${o.message}`);
        bulkSaved += 1;
      }
    }
    const bulkMs = performance.now() - bulkStart;
    const bulkRawRows = Array.from({ length: bulkSaved }, (_, i) => row(TOTAL + 3 * CREATES + i, 'V', '340205'));
    const bulkRawStart = performance.now();
    for (let i = 0; i < bulkRawRows.length; i += BULK_CALL) insertAll(bulkRawRows.slice(i, i + BULK_CALL));
    const bulkRawMs = performance.now() - bulkRawStart;
    console.log(
      `createMany: ${rate(bulkSaved, bulkMs)}/s (${bulkSaved} filings, calls of ${BULK_CALL}, one transaction each); raw insert ${rate(bulkSaved, bulkRawMs)}/s (same grouping); ratio ${(bulkSaved / bulkMs / (bulkSaved / bulkRawMs)).toFixed(2)}`,
    );

    sampleRss();
    if (process.env.BENCH_DEBUG) console.log(`rss after createMany ${Math.round(process.memoryUsage().rss / 1048576)} MB, peak ${Math.round(peakRss / 1048576)} MB, heap ${JSON.stringify(process.memoryUsage())}`);

    // Searches through the list service (filing.list's query and filters) against a NOT INDEXED scan
    // of the same condition. Each search looks for a different, randomly picked seeded filing.
    const maxRowid = (sqlite.prepare('select max(rowid) as n from filings').get() as { n: number }).n;
    const sample = sqlite.prepare("select cert_no, person_name, name_initials, local_no, platform_serial, filing_date from filings where rowid = ? and id like 'S%'");
    type Picked = { cert_no: string; person_name: string; name_initials: string; local_no: string; platform_serial: string | null; filing_date: string };
    const pick = (): Picked => {
      for (;;) {
        const p = sample.get(1 + rand(Math.min(maxRowid, seeded))) as Picked | undefined;
        if (p) return p;
      }
    };
    const pickSerial = (): string => {
      for (;;) {
        const s = pick().platform_serial;
        if (s) return s;
      }
    };
    const page = { query: undefined, page: 1, pageSize: 20 };
    interface Kind {
      kind: string;
      run: () => { total: number };
      scan: () => unknown;
    }
    const scan = (where: string, ...values: unknown[]) => () => sqlite.prepare(`select count(*) from filings not indexed where ${where}`).get(...values);
    const monthOf = (date: string) => ({ from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-28` });
    const m = monthOf(pick().filing_date);
    const kinds: Kind[] = [
      { kind: 'ID number (18)', run: () => list(t.desk.ctx, { ...page, query: pick().cert_no }), scan: scan('cert_no = ?', pick().cert_no) },
      { kind: 'ID prefix (10 chars)', run: () => list(t.desk.ctx, { ...page, query: pick().cert_no.slice(0, 10) }), scan: scan("cert_no like ? || '%'", pick().cert_no.slice(0, 10)) },
      { kind: 'name', run: () => list(t.desk.ctx, { ...page, query: pick().person_name }), scan: scan("person_name like ? || '%'", pick().person_name) },
      { kind: 'pinyin initials', run: () => list(t.desk.ctx, { ...page, query: pick().name_initials }), scan: scan("name_initials like ? || '%'", pick().name_initials) },
      { kind: 'local no', run: () => list(t.desk.ctx, { ...page, query: pick().local_no }), scan: scan('local_no = ?', pick().local_no) },
      { kind: 'platform serial', run: () => list(t.desk.ctx, { ...page, query: pickSerial() }), scan: scan('platform_serial = ?', pickSerial()) },
      {
        kind: 'type+status+filing date range (a month)',
        run: () => {
          const r = monthOf(pick().filing_date);
          return list(t.desk.ctx, { type: TYPES[rand(TYPES.length)]!, status: 'active', filedFrom: r.from, filedTo: r.to, ...page });
        },
        scan: scan("type = 'referral' and status = 'active' and filing_date between ? and ?", m.from, m.to),
      },
      { kind: 'operator', run: () => list(t.desk.ctx, { operatorId: OPERATORS[rand(OPERATORS.length)]!, ...page }), scan: scan('created_by = ?', OPERATORS[0]) },
      {
        kind: 'operator+filing date range (a month)',
        run: () => {
          const r = monthOf(pick().filing_date);
          return list(t.desk.ctx, { operatorId: OPERATORS[rand(OPERATORS.length)]!, filedFrom: r.from, filedTo: r.to, ...page });
        },
        scan: scan('created_by = ? and filing_date between ? and ?', OPERATORS[0], m.from, m.to),
      },
      { kind: 'no filter (first page)', run: () => list(t.desk.ctx, page), scan: scan('1 = 1') },
    ];

    let allMet = true;
    for (const k of kinds) {
      const times: number[] = [];
      let totalSum = 0;
      // At least 20 per kind whatever the time limit, so every kind gets a figure.
      for (let i = 0; i < SEARCHES && (i < 20 || elapsed() < TIME_LIMIT_MS); i += 1) {
        const s = performance.now();
        totalSum += k.run().total;
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
      allMet &&= p95 < 5;
      console.log(
        `search ${k.kind}: p95 ${p95.toFixed(2)} ms, p50 ${percentile(times, 50).toFixed(2)} ms over ${times.length} (mean total ${Math.round(totalSum / times.length)}) (goal < 5 ms) ${p95 < 5 ? 'MET' : 'NOT MET'}; full scan ${full.toFixed(1)} ms; ratio ${(p95 / full).toFixed(4)}`,
      );
    }
    sampleRss();
    console.log(`search: every kind p95 < 5 ms: ${allMet ? 'MET' : 'NOT MET'}`);
    console.log(`peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (goal < 250 MB) ${peakRss < 250 * 1024 * 1024 ? 'MET' : 'NOT MET'}; total ${(elapsed() / 1000).toFixed(1)} s`);
  } finally {
    clearInterval(rssTimer);
    t.close();
  }
}

await main();
