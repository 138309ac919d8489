// The create path at scale (issue 5): group commit (creates arriving in one turn of the event loop
// share a transaction, a savepoint each), createMany for the cut-over importer, the overlap block,
// and the change/cancel lock on void.
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RequestOf } from '../../shared/contract';
import { createGroupSizes, createMany } from '../../main/services/filings';
import { DEFAULT_MIGRATIONS_FOLDER, openMigrated } from '../../db/migrate';
import { insertFiling } from '../../db/repositories/filings';
import { personIdNumber, referral, setUpDesk, tempDir, type TestDesk } from '../helpers/desk';

// 10:00 in Shanghai on 2026-11-23.
const NOW = new Date('2026-11-23T02:00:00Z');
const longTerm = { destinationRegion: '310000', address: '上海市浦东新区世纪大道100号', reason: '随子女居住', phone: '13800000000' };

let t: TestDesk | null = null;
const dirs: { remove(): void }[] = [];
afterEach(() => {
  t?.close();
  t = null;
  dirs.splice(0).forEach((d) => d.remove());
});

async function nationalDesk(): Promise<TestDesk> {
  t = await setUpDesk({ clock: () => NOW });
  const r = await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
  expect(r.ok).toBe(true);
  return t;
}

function count(desk: TestDesk, sql: string, ...params: unknown[]): number {
  return (desk.desk.db.sqlite.prepare(`select count(*) as n from (${sql})`).get(...params) as { n: number }).n;
}

function person(n: number, overrides: Partial<Parameters<typeof referral>[0]> = {}) {
  return referral({ certNo: personIdNumber(n), personName: `测试${n}`, ...overrides });
}

describe('group commit', () => {
  it('creates arriving in the same turn share one transaction, and each caller hears only after the commit', async () => {
    const desk = await nationalDesk();
    const before = createGroupSizes.length;
    const results = await Promise.all([0, 1, 2, 3, 4].map((n) => desk.desk.dispatch('filing.create', person(n), desk.admin)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(createGroupSizes.slice(before)).toEqual([5]);
    // Committed: another connection sees every row, its audit row and its outbox row.
    const other = new Database(desk.desk.db.path, { readonly: true });
    try {
      const ids = results.map((r) => (r.ok ? r.value.id : ''));
      for (const id of ids) {
        expect(other.prepare('select count(*) as n from filings where id = ?').get(id)).toEqual({ n: 1 });
        expect(other.prepare("select count(*) as n from audit_events where action = 'filing.create' and entity_id = ?").get(id)).toEqual({ n: 1 });
        expect(other.prepare("select count(*) as n from outbox where kind = 'filing.create' and order_key = ?").get(id)).toEqual({ n: 1 });
      }
    } finally {
      other.close();
    }
    expect(results.map((r) => r.ok && r.value.localNo)).toEqual(['20261123-0001', '20261123-0002', '20261123-0003', '20261123-0004', '20261123-0005']);
  });

  it('a refused filing in a group writes nothing and does not fail the others; numbers stay without gaps', async () => {
    const desk = await nationalDesk();
    const bad = person(1, { details: { ...referral().details, destinationRegion: '340000' } });
    const [a, b, c] = await Promise.all([person(0), bad, person(2)].map((req) => desk.desk.dispatch('filing.create', req, desk.admin)));
    expect(a).toMatchObject({ ok: true, value: { localNo: '20261123-0001' } });
    expect(b).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    expect(c).toMatchObject({ ok: true, value: { localNo: '20261123-0002' } });
    expect(count(desk, 'select * from filings')).toBe(2);
    expect(count(desk, "select * from audit_events where action = 'filing.create'")).toBe(2);
    expect(count(desk, 'select * from outbox')).toBe(2);
  });

  it('refuses the second of two overlapping filings for one person sent in the same turn, naming the first', async () => {
    const desk = await nationalDesk();
    const results = await Promise.all([person(7), person(7, { startDate: '2026-12-01' })].map((req) => desk.desk.dispatch('filing.create', req, desk.admin)));
    const [first, second] = [results[0]!, results[1]!];
    if (!first.ok) throw new Error(first.message);
    expect(second).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!second.ok) expect(second.message).toContain(`本地编号 ${first.value.localNo}`);
  });

  it('when the transaction itself fails, every caller of the group is told and nothing is written', async () => {
    const desk = await nationalDesk();
    desk.desk.db.sqlite.exec("create trigger outbox_fails before insert on outbox begin select raise(abort, 'disk full'); end");
    const results = await Promise.all([person(0), person(1)].map((req) => desk.desk.dispatch('filing.create', req, desk.admin)));
    expect(results).toMatchObject([
      { ok: false, code: 'INTERNAL' },
      { ok: false, code: 'INTERNAL' },
    ]);
    expect(count(desk, 'select * from filings')).toBe(0);
    expect(count(desk, "select * from daily_counters where scope = 'filing.local_no'")).toBe(0);
  });

  it('stores a desk filing with origin desk and today’s CST business date as its filing date', async () => {
    t = await setUpDesk({ clock: () => new Date('2026-11-23T16:30:00Z') }); // 00:30 on the 24th in Shanghai
    const r = await t.desk.dispatch('filing.create', referral({ startDate: '2026-11-24' }), t.admin);
    if (!r.ok) throw new Error(r.message);
    expect(t.desk.db.sqlite.prepare('select origin, origin_ref, filing_date from filings where id = ?').get(r.value.id)).toEqual({
      origin: 'desk',
      origin_ref: null,
      filing_date: '2026-11-24',
    });
  });
});

describe('createMany (cut-over importer, back entry)', () => {
  it('saves many in one call with their origin, reference and original filing date; one outcome per input, in order', async () => {
    const desk = await nationalDesk();
    const events: string[] = [];
    desk.desk.events.subscribe((e) => events.push(e.name));
    const outcomes = createMany(
      desk.desk.ctx,
      [
        { request: person(0, { startDate: '2026-10-08' }), origin: 'import', originRef: 'OLD-0001', originalFilingDate: '2026-10-08' },
        { request: person(1, { details: { ...referral().details, destinationRegion: '340000' } }), origin: 'import', originRef: 'OLD-0002' },
        { request: { ...person(2), certNo: '110105194912310021' }, origin: 'import', originRef: 'OLD-0003' },
        { request: person(3), origin: 'back_entry', originRef: '纸质-17', originalFilingDate: '2026-11-20' },
        { request: person(4) },
      ],
      desk.admin,
    );
    expect(outcomes.map((o) => (o.ok ? 'saved' : o.code))).toEqual(['saved', 'BUSINESS_RULE', 'INVALID_REQUEST', 'saved', 'saved']);
    const invalid = outcomes[2]!;
    if (!invalid.ok) expect(invalid.fields?.certNo).toContain('身份证号校验位不正确');
    const rows = desk.desk.db.sqlite.prepare('select person_name, origin, origin_ref, filing_date from filings order by rowid').all();
    expect(rows).toEqual([
      { person_name: '测试0', origin: 'import', origin_ref: 'OLD-0001', filing_date: '2026-10-08' },
      { person_name: '测试3', origin: 'back_entry', origin_ref: '纸质-17', filing_date: '2026-11-20' },
      { person_name: '测试4', origin: 'desk', origin_ref: null, filing_date: '2026-11-23' },
    ]);
    expect(count(desk, "select * from audit_events where action = 'filing.create'")).toBe(3);
    expect(count(desk, "select * from outbox where kind = 'filing.create'")).toBe(3);
    const audit = desk.desk.db.sqlite.prepare("select after from audit_events where action = 'filing.create' order by id limit 1").get() as { after: string };
    expect(JSON.parse(audit.after)).toMatchObject({ origin: 'import', originRef: 'OLD-0001', filingDate: '2026-10-08' });
    expect(events.filter((e) => e === 'filing.changed')).toHaveLength(3);
    // Lists sort by filing date: the imported filing of October comes last.
    const list = await desk.desk.dispatch('filing.list', {}, desk.admin);
    expect(list.ok && list.value.items.map((i) => i.personName)).toEqual(['测试4', '测试3', '测试0']);
  });

  it('refuses a malformed or future original filing date, an unknown origin and an over-long reference, naming the field', async () => {
    const desk = await nationalDesk();
    const outcomes = createMany(
      desk.desk.ctx,
      [
        { request: person(0), originalFilingDate: '2026-13-01' },
        { request: person(1), originalFilingDate: '2026-11-24' },
        { request: person(2), origin: 'fax' as never },
        { request: person(3), originRef: 'x'.repeat(65) },
      ],
      desk.admin,
    );
    expect(outcomes.map((o) => !o.ok && Object.keys(o.fields ?? {}))).toEqual([['originalFilingDate'], ['originalFilingDate'], ['origin'], ['originRef']]);
    expect(outcomes[1]).toMatchObject({ ok: false, code: 'INVALID_REQUEST', message: '原备案日期（2026-11-24）晚于今天，请核对' });
    expect(count(desk, 'select * from filings')).toBe(0);
  });
});

describe('filing.void and the change/cancel lock', () => {
  it('inside the lock a void needs a reason and a second person; the override is audited', async () => {
    const desk = await nationalDesk();
    const created = await desk.desk.dispatch('filing.create', { ...person(0), type: 'long_term_residence', startDate: '2026-10-01', details: longTerm } as RequestOf<'filing.create'>, desk.admin);
    if (!created.ok) throw new Error(created.message);
    const id = created.value.id;
    const locked = await desk.desk.dispatch('filing.void', { id, reason: '参保人要求取消' }, desk.admin);
    expect(locked).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!locked.ok) expect(locked.message).toContain('6个月内原则上不得变更或取消，2027-04-01起可作废');
    const reviewer = await desk.addOperator('rev1', 'reviewer');
    const self = await desk.desk.dispatch('filing.void', { id, reason: '参保人要求取消', override: { reason: '参保人已迁回参保地', reviewerId: desk.admin.operatorId } }, desk.admin);
    expect(self).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    const ok = await desk.desk.dispatch('filing.void', { id, reason: '参保人要求取消', override: { reason: '参保人已迁回参保地', reviewerId: reviewer.operatorId } }, desk.admin);
    expect(ok).toMatchObject({ ok: true, value: { status: 'voided' } });
    const audit = desk.desk.db.sqlite.prepare("select after from audit_events where action = 'filing.void'").get() as { after: string };
    expect(JSON.parse(audit.after).override).toMatchObject({ reason: '参保人已迁回参保地', reviewer: 'rev1' });
  });

  it('outside the lock (a referral under national-2022) a void needs no override', async () => {
    const desk = await nationalDesk();
    const created = await desk.desk.dispatch('filing.create', person(0), desk.admin);
    if (!created.ok) throw new Error(created.message);
    expect(await desk.desk.dispatch('filing.void', { id: created.value.id, reason: '转往机构填错' }, desk.admin)).toMatchObject({ ok: true, value: { status: 'voided' } });
  });
});

describe('insertFiling (rows written outside the create path: fixtures, the importer)', () => {
  it('gives a row without a filing date the CST business date of its creation', async () => {
    const desk = await nationalDesk();
    const at = '2026-11-23T16:30:00.000Z'; // 00:30 on the 24th in Shanghai
    const saved = insertFiling(desk.desk.db.db, {
      id: 'f1', localNo: 'X-1', type: 'referral', insuranceType: 'employee', certType: 'id_card', certNo: personIdNumber(0), personName: '张三丰', nameInitials: 'zsf',
      startDate: '2026-11-24', details: {}, createdBy: 'op', createdAt: at, updatedAt: at,
    });
    expect(desk.desk.db.sqlite.prepare('select origin, filing_date from filings where id = ?').get(saved.id)).toEqual({ origin: 'desk', filing_date: '2026-11-24' });
  });
});

describe('migration 0005_filings_scale', () => {
  it('gives filings saved before it their CST business date as filing date, origin desk', async () => {
    const root = tempDir('desk-mig-');
    dirs.push(root);
    // The migrations up to the one before 0005, then a filing saved at 00:30 on the 24th in Shanghai.
    const folder = join(root.path, 'migrations');
    cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const full = JSON.stringify(journal);
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0005_filings_scale'));
    writeFileSync(journalPath, JSON.stringify(journal));
    const path = join(root.path, 'desk.sqlite');
    const early = await openMigrated(path, { backupDir: join(root.path, 'backups'), migrationsFolder: folder });
    early.handle.sqlite
      .prepare(
        `insert into filings (id, local_no, type, insurance_type, cert_type, cert_no, person_name, name_initials, start_date, details, created_by, created_at, updated_at)
         values ('f1', '20261124-0001', 'referral', 'employee', 'id_card', ?, '张三丰', 'zsf', '2026-11-24', '{}', 'op', '2026-11-23T16:30:00.000Z', '2026-11-23T16:30:00.000Z')`,
      )
      .run(personIdNumber(0));
    early.handle.close();
    writeFileSync(journalPath, full);
    const late = await openMigrated(path, { backupDir: join(root.path, 'backups'), migrationsFolder: folder });
    try {
      expect(late.handle.sqlite.prepare('select origin, origin_ref, filing_date from filings').get()).toEqual({ origin: 'desk', origin_ref: null, filing_date: '2026-11-24' });
    } finally {
      late.handle.close();
    }
  });
});
