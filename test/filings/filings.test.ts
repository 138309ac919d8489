// Issue 5's service layer through the real dispatcher: every filing type under the profiles that
// offer it, the policy engine refusing before anything is written, review, edit before upload, locks.
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { FilingType } from '../../shared/domain/filing';
import { POLICY_PROFILES, type PolicyProfileId } from '../../shared/domain/policy';
import { referralUploadOf } from '../../main/sync/mapping';
import type { Session } from '../../main/app/sessions';
import { personIdNumber, referral, SETUP, setUpDesk, type TestDesk } from '../helpers/desk';
import { defaultProfileFor } from '../../shared/domain/policy';

// 10:00 in Shanghai on 2026-11-23.
const NOW = new Date('2026-11-23T02:00:00Z');
const phone = '13800000000';
const longTerm = { destinationRegion: '310000', address: '上海市浦东新区世纪大道100号', reason: '随子女居住', phone };
const fullReferral = {
  ...referral().details,
  diagnosisCode: 'C34.900',
  transferringInstitution: { code: 'H34010100001', name: '演练第一人民医院' },
  caseSummary: '咳嗽三月，CT示肺占位',
  destinationInstitution: { code: 'H31010100001', name: '上海演练肿瘤医院' },
  referralOpinion: '同意转诊',
};
const DETAILS: Record<FilingType, Record<string, unknown>> = {
  retired_resettled: longTerm,
  long_term_residence: longTerm,
  resident_work: longTerm,
  referral: fullReferral,
  cancer_multi_course: fullReferral,
  emergency: { destinationRegion: '310000', admissionDate: '2026-11-20', caseSummary: '突发胸痛急诊入院', phone, careSetting: 'inpatient' },
  temporary_other: { destinationRegion: '310000', reason: '探亲期间就医', phone },
};
const MATERIALS = ['identity', 'filing_form', 'household_register', 'residence_proof', 'work_proof', 'referral_certificate'];

function filing(type: FilingType, overrides: Record<string, unknown> = {}): RequestOf<'filing.create'> {
  const { details: _d, ...person } = referral();
  return { ...person, type, details: DETAILS[type], materials: MATERIALS, ...overrides } as RequestOf<'filing.create'>;
}

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

async function deskWith(profileId: PolicyProfileId): Promise<TestDesk> {
  t = await setUpDesk({ clock: () => NOW });
  const r = await t.desk.dispatch('settings.policy.set', { profileId }, t.admin);
  expect(r).toMatchObject({ ok: true, value: { profileId } });
  return t;
}

function count(desk: TestDesk, table: string): number {
  return (desk.desk.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

function outboxOf(desk: TestDesk, filingId: string): { kind: string; status: string; payload: string }[] {
  return desk.desk.db.sqlite.prepare('select kind, status, payload from outbox where order_key = ?').all(filingId) as { kind: string; status: string; payload: string }[];
}

async function create(desk: TestDesk, req: RequestOf<'filing.create'>, session: Session = desk.admin) {
  const r = await desk.desk.dispatch('filing.create', req, session);
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

describe('policy settings', () => {
  it('lists the profiles, defaults by the institution’s region (340100 → hefei-2019, seed 000) and audits a change', async () => {
    t = await setUpDesk({ clock: () => NOW });
    const list = await t.desk.dispatch('policy.profiles', {}, t.admin);
    if (!list.ok) throw new Error(list.message);
    expect(list.value.map((p) => p.id)).toEqual(['national-2022', 'hefei-2019', 'ganzhou-2019', 'sanming', 'jining-2018']);
    expect(list.value.find((p) => p.id === 'hefei-2019')?.types.map((x) => x.type)).toEqual(['referral', 'cancer_multi_course']);
    expect(list.value.find((p) => p.id === 'sanming')?.reviewRequired).toBe(true);
    expect(await t.desk.dispatch('settings.policy.get', {}, t.admin)).toMatchObject({ ok: true, value: { profileId: 'hefei-2019' } });
    const operator = await t.addOperator('op1', 'operator');
    expect(await t.desk.dispatch('settings.policy.set', { profileId: 'sanming' }, operator)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await t.desk.dispatch('settings.policy.set', { profileId: 'shanghai' }, t.admin)).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
    expect(await t.desk.dispatch('settings.policy.get', {}, operator)).toMatchObject({ ok: true, value: { profileId: 'national-2022' } });
    const audit = t.desk.db.sqlite.prepare("select before, after from audit_events where action = 'settings.policy.set'").all() as { before: string; after: string }[];
    expect(audit.map((a) => [JSON.parse(a.before), JSON.parse(a.after)])).toEqual([[{ profileId: 'hefei-2019' }, { profileId: 'national-2022' }]]);
  });

  it.each([
    ['340100', 'hefei-2019'],
    ['360700', 'ganzhou-2019'],
    ['350400', 'sanming'],
    ['370800', 'jining-2018'],
    ['110000', 'national-2022'],
  ])('a desk in %s starts with %s', (region, profile) => {
    expect(defaultProfileFor(region)).toBe(profile);
  });
});

describe('filing.create for every type', () => {
  const cases = (Object.keys(POLICY_PROFILES) as PolicyProfileId[]).flatMap((id) =>
    (Object.keys(POLICY_PROFILES[id].types) as FilingType[]).map((type) => [id, type] as const),
  );
  it.each(cases)('%s: %s is saved with the engine’s end date', async (profileId, type) => {
    const desk = await deskWith(profileId);
    const evaluation = await desk.desk.dispatch('filing.evaluate', filing(type), desk.admin);
    if (!evaluation.ok) throw new Error(evaluation.message);
    expect(evaluation.value.errors).toEqual([]);
    const saved = await create(desk, filing(type));
    expect(saved).toMatchObject({ type, status: 'active', endDate: evaluation.value.defaults.endDate ?? null });
    const review = POLICY_PROFILES[profileId].review.required;
    expect(saved.reviewStatus).toBe(review ? 'pending_review' : 'none');
    expect(outboxOf(desk, saved.id)).toEqual(review ? [] : [{ kind: 'filing.create', status: 'pending', payload: JSON.stringify({ filingId: saved.id }) }]);
  });

  it('stores the engine’s defaults: referral open under hefei-2019, the cancer sub-type one year', async () => {
    const desk = await deskWith('hefei-2019');
    expect((await create(desk, referral())).endDate).toBeNull();
    expect((await create(desk, filing('cancer_multi_course', { certNo: personIdNumber(1) }))).endDate).toBe('2027-11-23');
  });

  it('keeps the Hefei referral form’s request working unchanged', async () => {
    const desk = await deskWith('national-2022');
    const saved = await create(desk, referral());
    expect(saved).toMatchObject({ type: 'referral', endDate: '2027-05-23', details: referral().details });
  });
});

describe('policy errors refuse the filing and write nothing', () => {
  it('refuses a type the profile does not offer, a province-level code for a province filed by city, and an end date before the start', async () => {
    const desk = await deskWith('hefei-2019');
    const before = [count(desk, 'filings'), count(desk, 'outbox'), count(desk, 'audit_events')];
    const notOffered = await desk.desk.dispatch('filing.create', filing('emergency'), desk.admin);
    expect(notOffered).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!notOffered.ok) expect(notOffered.message).toContain('合肥网上转诊备案只办理转诊类备案');

    const anhui = await desk.desk.dispatch('filing.create', referral({ details: { ...referral().details, destinationRegion: '340000' } }), desk.admin);
    expect(anhui).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!anhui.ok) expect(anhui.fields?.['details.destinationRegion']).toMatch(/转往地区/);

    const short = await desk.desk.dispatch('filing.create', filing('cancer_multi_course', { endDate: '2026-11-01' }), desk.admin);
    expect(short).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    expect([count(desk, 'filings'), count(desk, 'outbox'), count(desk, 'audit_events')]).toEqual(before);
  });

  it('refuses 340000 under the national profile too, and accepts a municipality at province level', async () => {
    const desk = await deskWith('national-2022');
    const r = await desk.desk.dispatch('filing.create', filing('temporary_other', { details: { ...DETAILS.temporary_other, destinationRegion: '340000' } }), desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    expect(count(desk, 'filings')).toBe(0);
    expect((await create(desk, filing('temporary_other'))).destinationRegion).toBe('310000');
  });
});

describe('overlap', () => {
  it('filing.evaluate names the existing filing’s local number', async () => {
    const desk = await deskWith('national-2022');
    const first = await create(desk, filing('referral'));
    const r = await desk.desk.dispatch('filing.evaluate', filing('temporary_other', { startDate: '2026-12-01' }), desk.admin);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.errors.map((e) => e.message).join('\n')).toContain(`本地编号 ${first.localNo}`);
    // A long-term filing is another class: no overlap.
    const other = await desk.desk.dispatch('filing.evaluate', filing('long_term_residence'), desk.admin);
    expect(other.ok && other.value.errors).toEqual([]);
  });

  it('refuses to save an overlapping active filing of the same person and class, naming the existing one and the fix', async () => {
    const desk = await deskWith('national-2022');
    const first = await create(desk, filing('referral'));
    const before = [count(desk, 'filings'), count(desk, 'outbox'), count(desk, 'audit_events')];
    const r = await desk.desk.dispatch('filing.create', filing('temporary_other', { startDate: '2026-12-01' }), desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (r.ok) return;
    expect(r.message).toContain(`本地编号 ${first.localNo}`);
    expect(r.message).toContain('异地转诊人员');
    expect(r.message).toContain('2026-11-23 至 2027-05-23');
    expect(r.message).toContain('请先作废或变更原备案');
    expect(r.fields?.startDate).toBe(r.message);
    expect([count(desk, 'filings'), count(desk, 'outbox'), count(desk, 'audit_events')]).toEqual(before);
  });

  it('saves the same filing for another person, a filing of another class, and a new one once the old is voided', async () => {
    const desk = await deskWith('national-2022');
    const first = await create(desk, filing('referral'));
    await create(desk, filing('referral', { certNo: personIdNumber(2) }));
    await create(desk, filing('long_term_residence'));
    expect(await desk.desk.dispatch('filing.void', { id: first.id, reason: '转往机构填错' }, desk.admin)).toMatchObject({ ok: true });
    expect((await create(desk, filing('temporary_other', { startDate: '2026-12-01' }))).status).toBe('active');
  });

  it('refuses an edit that would overlap another active filing of the person', async () => {
    const desk = await deskWith('national-2022');
    await create(desk, filing('referral')); // 2026-11-23 to 2027-05-23
    const later = await create(desk, filing('temporary_other', { startDate: '2027-06-01' }));
    const r = await desk.desk.dispatch('filing.update', { id: later.id, filing: filing('temporary_other', { startDate: '2027-05-01' }) }, desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    // Its own dates do not count against it.
    expect(await desk.desk.dispatch('filing.update', { id: later.id, filing: filing('temporary_other', { startDate: '2027-06-02' }) }, desk.admin)).toMatchObject({ ok: true });
  });
});

describe('review (复核) under sanming', () => {
  it('holds the filing until a second person approves it, then queues it', async () => {
    const desk = await deskWith('sanming');
    const operator = await desk.addOperator('op1', 'operator');
    const reviewer = await desk.addOperator('rev1', 'reviewer');
    const saved = await create(desk, filing('referral'), operator);
    expect(saved.reviewStatus).toBe('pending_review');
    expect(outboxOf(desk, saved.id)).toEqual([]);
    expect(await desk.desk.dispatch('review.list', {}, operator)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const list = await desk.desk.dispatch('review.list', {}, reviewer);
    expect(list.ok && list.value.map((f) => f.id)).toEqual([saved.id]);

    const approved = await desk.desk.dispatch('review.approve', { id: saved.id }, reviewer);
    expect(approved).toMatchObject({ ok: true, value: { reviewStatus: 'approved' } });
    expect(outboxOf(desk, saved.id)).toEqual([{ kind: 'filing.create', status: 'pending', payload: JSON.stringify({ filingId: saved.id }) }]);
    expect(await desk.desk.dispatch('review.approve', { id: saved.id }, reviewer)).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('refuses the filer as reviewer, and returns with a reason the operator sees', async () => {
    const desk = await deskWith('sanming');
    const saved = await create(desk, filing('referral'));
    const self = await desk.desk.dispatch('review.approve', { id: saved.id }, desk.admin);
    expect(self).toMatchObject({ ok: false, code: 'BUSINESS_RULE', message: '复核人不能是经办人本人，请由另一位工作人员复核' });
    const reviewer = await desk.addOperator('rev1', 'reviewer');
    expect(await desk.desk.dispatch('review.return', { id: saved.id, reason: '' }, reviewer)).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
    const returned = await desk.desk.dispatch('review.return', { id: saved.id, reason: '病情摘要不完整，请补充' }, reviewer);
    expect(returned).toMatchObject({ ok: true, value: { reviewStatus: 'returned' } });
    expect(await desk.desk.dispatch('filing.get', { id: saved.id }, desk.admin)).toMatchObject({ ok: true, value: { reviewStatus: 'returned', reviewNote: '病情摘要不完整，请补充' } });
    expect(outboxOf(desk, saved.id)).toEqual([]);
    // Fixed by the operator, it goes back to the reviewer.
    const fixed = await desk.desk.dispatch('filing.update', { id: saved.id, filing: filing('referral', { details: { ...fullReferral, caseSummary: '咳嗽三月，CT示右肺上叶占位，拟行手术' } }) }, desk.admin);
    expect(fixed).toMatchObject({ ok: true, value: { reviewStatus: 'pending_review' } });
  });
});

describe('filing.update', () => {
  it('before upload: changes the filing and so what the queue sends; audited with before and after', async () => {
    const desk = await deskWith('national-2022');
    const saved = await create(desk, filing('referral'));
    const changed = filing('referral', { details: { ...fullReferral, destinationInstitutionCode: 'H32010100001', destinationInstitutionName: '南京演练医院', personNo: '340100000000000001' } });
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: changed }, desk.admin);
    if (!r.ok) throw new Error(r.message);
    const mapped = referralUploadOf(r.value, SETUP_INSTITUTION);
    expect(mapped).toMatchObject({ ok: true, value: { destinationInstitutionCode: 'H32010100001', destinationInstitutionName: '南京演练医院' } });
    expect(outboxOf(desk, saved.id)).toEqual([{ kind: 'filing.create', status: 'pending', payload: JSON.stringify({ filingId: saved.id }) }]);
    const audit = desk.desk.db.sqlite.prepare("select before, after from audit_events where action = 'filing.update'").get() as { before: string; after: string };
    expect(JSON.parse(audit.before).details.destinationInstitutionCode).toBeUndefined();
    expect(JSON.parse(audit.after).details.destinationInstitutionCode).toBe('H32010100001');
  });

  it('after upload: refused, the cancel/re-file path is filing.void', async () => {
    const desk = await deskWith('national-2022');
    const saved = await create(desk, filing('referral'));
    desk.desk.db.sqlite.prepare("update outbox set status = 'done' where order_key = ?").run(saved.id);
    const r = await desk.desk.dispatch('filing.update', { id: saved.id, filing: filing('referral') }, desk.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE', message: '已上传的备案需先撤销（作废）后重新备案' });
    expect(await desk.desk.dispatch('filing.get', { id: saved.id }, desk.admin)).toMatchObject({ ok: true, value: { updatedAt: saved.updatedAt } });
  });

  it('enforces the change lock: 12 months under ganzhou-2019, 6 under national', async () => {
    const longAgo = { startDate: '2026-03-01' };
    const national = await deskWith('national-2022');
    const n = await create(national, filing('long_term_residence', longAgo));
    const edit = { id: n.id, filing: filing('long_term_residence', { ...longAgo, details: { ...longTerm, address: '上海市黄浦区南京东路1号' } }) };
    expect(await national.desk.dispatch('filing.update', edit, national.admin)).toMatchObject({ ok: true });
    national.close();
    t = null;

    const desk = await deskWith('ganzhou-2019');
    const g = await create(desk, filing('long_term_residence', longAgo));
    const gEdit = { ...edit, id: g.id };
    const locked = await desk.desk.dispatch('filing.update', gEdit, desk.admin);
    expect(locked).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    if (!locked.ok) expect(locked.message).toContain('12个月内原则上不得变更或取消');
    const operator = await desk.addOperator('op2', 'operator');
    const reviewer = await desk.addOperator('rev2', 'reviewer');
    const opRow = desk.desk.db.sqlite.prepare("select id from operators where username = 'op2'").get() as { id: string };
    const revRow = desk.desk.db.sqlite.prepare("select id from operators where username = 'rev2'").get() as { id: string };
    expect(await desk.desk.dispatch('filing.update', { ...gEdit, override: { reason: '参保人工作调动需变更居住地址', reviewerId: opRow.id } }, desk.admin)).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    expect(await desk.desk.dispatch('filing.update', { ...gEdit, override: { reason: '参保人工作调动需变更居住地址', reviewerId: revRow.id } }, reviewer)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const ok = await desk.desk.dispatch('filing.update', { ...gEdit, override: { reason: '参保人工作调动需变更居住地址', reviewerId: revRow.id } }, operator);
    expect(ok).toMatchObject({ ok: true, value: { details: { address: '上海市黄浦区南京东路1号' } } });
    const audit = desk.desk.db.sqlite.prepare("select after from audit_events where action = 'filing.update'").get() as { after: string };
    expect(JSON.parse(audit.after).override).toMatchObject({ reason: '参保人工作调动需变更居住地址', reviewer: 'rev2' });
  });
});

const SETUP_INSTITUTION = { code: SETUP.institutionCode, name: SETUP.institutionName, regionCode: SETUP.regionCode };
