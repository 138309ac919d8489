// filing.timeline through the real dispatcher: a filing's history from the audit log and the upload
// queue's attempt log — who did what, when — oldest first, with an edit's changed fields and every
// attempt's msgid and platform message. workflow.reviewers for the lock override's picker.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import type { Session } from '../../main/app/sessions';
import { appendAudit } from '../../db/repositories/audit';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { referral, setUpDesk, type TestDesk } from '../helpers/desk';
import { drained, openSimDesk, simReferral, type SimDesk } from '../sync/sim';

// 10:00 in Shanghai on 2026-11-23; every call moves the clock on a minute, so each step has its own time.
const START = Date.parse('2026-11-23T02:00:00Z');
let minutes = 0;
const clock = () => new Date(START + minutes++ * 60_000);

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
  minutes = 0;
});

function valueOf<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

async function timelineOf(desk: TestDesk['desk'], id: string, session: Session): Promise<ResponseOf<'filing.timeline'>> {
  return valueOf(await desk.dispatch('filing.timeline', { id }, session));
}

describe('filing.timeline from the audit log', () => {
  it('tells a review round trip: created, returned with the reason, edited (before/after), approved and queued — each with who and when', async () => {
    t = await setUpDesk({ clock });
    valueOf(await t.desk.dispatch('settings.policy.set', { profileId: 'sanming' }, t.admin));
    const filer = await t.addOperator('filer1', 'operator');
    const reviewer = await t.addOperator('rev1', 'reviewer');
    const request = referral({ startDate: '2026-11-23' });
    const created = valueOf(await t.desk.dispatch('filing.create', request, filer));
    valueOf(await t.desk.dispatch('review.return', { id: created.id, reason: '转往地区与转诊证明不一致，请核对' }, reviewer));
    const fixed: RequestOf<'filing.update'>['filing'] = { ...request, details: { ...request.details, destinationRegion: '320100', referralReason: '需上级医院放疗' } };
    valueOf(await t.desk.dispatch('filing.update', { id: created.id, filing: fixed }, filer));
    valueOf(await t.desk.dispatch('review.approve', { id: created.id }, reviewer));

    const entries = await timelineOf(t.desk, created.id, filer);
    expect(entries.map((e) => [e.title, e.actor])).toEqual([
      ['新建备案', 'filer1姓名'],
      ['复核退回', 'rev1姓名'],
      ['修改备案', 'filer1姓名'],
      ['复核通过', 'rev1姓名'],
      ['备案上传：已排队（待上传）', null],
    ]);
    expect(entries[0]!.detail).toContain('待复核，复核通过后上传');
    expect(entries[1]!.detail).toBe('转往地区与转诊证明不一致，请核对');
    expect(entries[2]!.detail).toBe('复核退回后修改，重新提交复核');
    expect(entries[2]!.changes).toEqual([
      { field: 'details.destinationRegion', before: '310000', after: '320100' },
      { field: 'details.referralReason', before: '本院无相应诊疗条件', after: '需上级医院放疗' },
    ]);
    // Oldest first, each at its own minute (CST times are the screen's business).
    const times = entries.slice(0, 4).map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(times).size).toBe(4);
  });

  it('adds prints and a void with its reason, and the withdrawn upload that never left the desk', async () => {
    t = await setUpDesk({ clock });
    valueOf(await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin));
    const created = valueOf(await t.desk.dispatch('filing.create', referral({ startDate: '2026-11-23' }), t.admin));
    valueOf(await t.desk.dispatch('print.record', { filingId: created.id, kind: 'a4', template: 'national' }, t.admin));
    valueOf(await t.desk.dispatch('print.record', { filingId: created.id, kind: 'slip' }, t.admin));
    valueOf(await t.desk.dispatch('filing.void', { id: created.id, reason: '患者取消转诊' }, t.admin));

    const entries = await timelineOf(t.desk, created.id, t.admin);
    expect(entries.map((e) => e.title)).toEqual(['新建备案', '打印备案表', '打印小票（补打）', '作废备案', '备案上传：已撤回，未上传']);
    expect(entries[1]!.detail).toBe(`本地编号 ${created.localNo}`);
    expect(entries[3]).toMatchObject({ kind: 'voided', actor: '系统管理员', detail: '患者取消转诊；上传已撤回，不会上传' });
    expect(entries[4]).toMatchObject({ kind: 'upload', actor: '系统管理员', attempt: { entryKind: '备案上传', msgid: null, outcome: 'local_cancelled' } });
    expect(entries[4]!.detail).toContain('备案作废：患者取消转诊');
  });

  it('records an early change and an early void within the lock with their reason and reviewer', async () => {
    t = await setUpDesk({ clock });
    valueOf(await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin));
    const reviewer = await t.addOperator('rev2', 'reviewer');
    const { details: _d, ...person } = referral({ startDate: '2026-11-23' });
    const longTerm: RequestOf<'filing.create'> = {
      ...person,
      type: 'long_term_residence',
      details: { destinationRegion: '310000', address: '上海市浦东新区世纪大道100号', reason: '随子女居住', phone: '13800000000' },
    };
    const created = valueOf(await t.desk.dispatch('filing.create', longTerm, t.admin));
    const moved = { ...longTerm, details: { ...longTerm.details, address: '上海市徐汇区漕溪北路1号' } } as RequestOf<'filing.update'>['filing'];
    const refused = await t.desk.dispatch('filing.update', { id: created.id, filing: moved }, t.admin);
    expect(refused).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
    valueOf(await t.desk.dispatch('filing.update', { id: created.id, filing: moved, override: { reason: '居住地址登记错误', reviewerId: reviewer.operatorId } }, t.admin));

    const edit = (await timelineOf(t.desk, created.id, t.admin)).find((e) => e.kind === 'edited');
    expect(edit?.detail).toBe('提前变更：居住地址登记错误（复核人 rev2）');
    expect(edit?.changes).toEqual([{ field: 'details.address', before: '上海市浦东新区世纪大道100号', after: '上海市徐汇区漕溪北路1号' }]);

    valueOf(await t.desk.dispatch('filing.void', { id: created.id, reason: '参保人迁回参保地', override: { reason: '参保人已迁回参保地居住', reviewerId: reviewer.operatorId } }, t.admin));
    const voided = (await timelineOf(t.desk, created.id, t.admin)).find((e) => e.kind === 'voided');
    expect(voided?.detail).toBe('参保人迁回参保地；上传已撤回，不会上传；提前作废：参保人已迁回参保地居住（复核人 rev2）');
  });

  it('names what other parts of the desk audit on a filing: back entry, import, restore, person verification', async () => {
    t = await setUpDesk({ clock });
    const created = valueOf(await t.desk.dispatch('filing.create', referral({ startDate: '2026-11-23' }), t.admin));
    const at = clock().toISOString();
    const audit = (action: string, after: Record<string, unknown>, operatorId: string | null = t!.admin.operatorId) =>
      appendAudit(t!.desk.db.db, { at, operatorId, action, entityType: 'filing', entityId: created.id, after });
    audit('filing.create', { origin: 'back_entry', originRef: 'ZZ-0001', reviewStatus: 'none', outstanding: [] });
    audit('filing.import', { oldId: 'OLD-42', batchId: 'b1' });
    audit('filing.restore', { reason: '撤销清理报告' });
    audit('person.mismatch', { verification: 'mismatch' }, null);
    const entries = (await timelineOf(t.desk, created.id, t.admin)).filter((e) => e.at === at);
    expect(entries.map((e) => [e.title, e.detail, e.actor])).toEqual([
      ['补录纸质备案', '纸质备案表 ZZ-0001；已排队上传', '系统管理员'],
      ['从原系统导入', '原系统编号 OLD-42', '系统管理员'],
      ['恢复备案', '撤销清理报告', '系统管理员'],
      ['参保人核验：信息不一致', '请在“参保人核验”中核对录入与平台信息', null],
    ]);
  });

  it('refuses an unknown filing with a Chinese message', async () => {
    t = await setUpDesk({ clock });
    expect(await t.desk.dispatch('filing.timeline', { id: 'no-such-filing' }, t.admin)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('未找到该备案') });
    expect(await t.desk.dispatch('filing.timeline', { id: 'x' }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});

describe('workflow.reviewers', () => {
  it('lists active reviewers and administrators for any logged-in operator', async () => {
    t = await setUpDesk({ clock });
    const filer = await t.addOperator('filer2', 'operator');
    await t.addOperator('rev3', 'reviewer');
    const list = valueOf(await t.desk.dispatch('workflow.reviewers', {}, filer));
    expect(list.map((r) => [r.username, r.role]).sort()).toEqual([
      ['admin', 'admin'],
      ['rev3', 'reviewer'],
    ]);
  });
});

describe('filing.timeline with the upload queue', () => {
  let sim: Simulator;
  let s: SimDesk | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    await s?.desk.sync?.stop();
    s?.close();
    s = null;
  });

  it('shows the platform’s refusal with its msgid, the fix, the resubmission and the upload with its serial', async () => {
    s = await openSimDesk(sim);
    const base = simReferral(0) as RequestOf<'filing.create'> & { type: 'referral' };
    const wrong = { ...base, details: { ...base.details, diagnosisCode: 'X99.999' } };
    const created = valueOf(await s.desk.dispatch('filing.create', wrong, s.admin));
    await drained(s.desk);
    const rejected = await timelineOf(s.desk, created.id, s.admin);
    const refusal = rejected.find((e) => e.attempt?.outcome === 'rejected');
    expect(refusal).toMatchObject({ title: '备案上传：平台退回', actor: null });
    expect(refusal?.attempt?.msgid).toMatch(/^H\d{11}\d{14}\d{4}$/);
    expect(refusal?.detail).toContain('诊断代码[X99.999]不在医保疾病诊断目录中');

    // Saving the fix is the resubmission: filing.update requeues the refused entry itself.
    valueOf(await s.desk.dispatch('filing.update', { id: created.id, filing: base }, s.admin));
    expect(valueOf(await s.desk.dispatch('queue.list', { status: 'rejected' }, s.admin)).items.filter((e) => e.filingId === created.id)).toEqual([]);
    await drained(s.desk);

    const entries = await timelineOf(s.desk, created.id, s.admin);
    const titles = entries.map((e) => e.title);
    expect(titles.indexOf('修改备案')).toBeGreaterThan(titles.indexOf('备案上传：平台退回'));
    expect(titles.indexOf('备案上传：修改后重新提交')).toBeGreaterThan(titles.indexOf('修改备案'));
    const edit = entries.find((e) => e.kind === 'edited');
    expect(edit?.changes).toEqual([{ field: 'details.diagnosisCode', before: 'X99.999', after: base.details.diagnosisCode }]);
    expect(entries.find((e) => e.title === '备案上传：修改后重新提交')?.actor).toBe('系统管理员');
    const ok = entries.at(-1)!;
    const filing = valueOf(await s.desk.dispatch('filing.get', { id: created.id }, s.admin));
    expect(ok).toMatchObject({ title: '备案上传：上传成功', actor: null, attempt: { outcome: 'ok' } });
    expect(ok.attempt?.msgid).not.toBe(refusal?.attempt?.msgid);
    expect(filing.platformSerial).toBeTruthy();
    expect(ok.detail).toContain(`平台流水号 ${filing.platformSerial}`);
  });
});
