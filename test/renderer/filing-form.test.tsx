// The new-filing form in jsdom: the keyboard order of the Hefei referral (seed 000), the card reader,
// local checks, the desk's field errors, the person lookup (found / platform unavailable), the
// 一次性告知 on a refused save, and edit mode with the change lock's override.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { POLICY_PROFILES, type FilingEvaluation } from '../../shared/domain/policy';
import { FilingForm } from '../../renderer/src/screens/filing-form/FilingForm';
import { FilingEditor } from '../../renderer/src/screens/filing-form/FilingEditor';
import { FilingFormScreen } from '../../renderer/src/screens/filing-form/FilingFormScreen';
import { initialValues } from '../../renderer/src/screens/filing-form/formValues';
import { SavedNotice } from '../../renderer/src/screens/filing-form/SavedNotice';
import type { DeskPolicy } from '../../renderer/src/screens/filing-form/useDeskPolicy';
import { fakeDesk, type Answers } from './fakeDesk';
import { filingDetail } from './summaries';

const VALID_ID = '11010519491231002X';
const HEFEI: DeskPolicy = {
  profile: POLICY_PROFILES['hefei-2019'],
  types: [
    { type: 'referral', label: '异地转诊人员' },
    { type: 'cancer_multi_course', label: '恶性肿瘤放化疗等分疗程多次住院人员' },
  ],
  institution: { code: 'H34010100001', name: '演练第一人民医院', regionCode: '340100' },
};

const saved: ResponseOf<'filing.create'> = filingDetail(1, {
  localNo: '20260105-0001',
  certNo: VALID_ID,
  personName: '张三',
  startDate: '2026-01-05',
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
});

function evaluation(over: Partial<FilingEvaluation> = {}): FilingEvaluation {
  return {
    errors: [],
    warnings: [],
    defaults: { endDate: null },
    deadlines: [],
    notice: { items: [] },
    policy: { profileId: 'hefei-2019', typeLabel: '异地转诊人员', filingClass: 'temporary', reviewRequired: false, endDateRule: '出院结算时填写', changeLockMonths: null, settlementLimit: null },
    ...over,
  };
}

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
const active = () => document.activeElement?.id;
const calls = (desk: ReturnType<typeof fakeDesk>, channel: string) => desk.invoke.mock.calls.filter(([c]) => c === channel);

function renderForm(answers: Answers = {}) {
  const desk = fakeDesk(answers);
  render(desk.wrap(<FilingForm policy={HEFEI} initialValues={initialValues(new Date(), 'referral')} save={(r) => desk.api.invoke('filing.create', r)} onSaved={() => {}} onCancel={() => {}} />));
  return desk;
}

async function pick(fieldId: string, optionText: string) {
  const input = byId(fieldId);
  fireEvent.mouseDown(input.closest('.ant-select')!);
  const option = await screen.findByTitle(optionText, {}, { timeout: 3000 });
  fireEvent.click(option);
}

function type(fieldId: string, value: string) {
  fireEvent.change(byId(fieldId), { target: { value } });
}

async function fillValidReferral() {
  await pick('filing_insuranceType', '职工医保');
  type('filing_certNo', VALID_ID);
  type('filing_personName', '张三');
  const region = byId('filing_details_destinationRegion');
  fireEvent.mouseDown(region.closest('.ant-select')!);
  fireEvent.change(region, { target: { value: '上海' } });
  fireEvent.keyDown(region, { key: 'Enter' });
  type('filing_details_diagnosisName', '肺恶性肿瘤');
  await pick('filing_details_referralKind', '转外省就医');
  type('filing_details_referralReason', '本院无放疗条件');
  type('filing_details_phone', '13800138000');
}

function fieldMessages(fieldId: string): string {
  const item = byId(fieldId).closest('.ant-form-item')!;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent).join('|');
}

describe('new filing keyboard (Hefei referral)', () => {
  it('focuses 险种类别 when the type is already chosen', async () => {
    renderForm();
    await waitFor(() => expect(active()).toBe('filing_insuranceType'));
  });

  it('walks the fields in the order of the manual', () => {
    renderForm();
    const order = ['filing_details_diagnosisName', 'filing_details_diagnosisCode', 'filing_details_referralKind'];
    byId(order[0]!).focus();
    for (const next of order.slice(1)) {
      fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
      expect(active()).toBe(next);
    }
  });

  it('sends digits a card reader types into 险种类别 to 个人编号', () => {
    renderForm();
    byId('filing_insuranceType').focus();
    fireEvent.keyDown(byId('filing_insuranceType'), { key: '1' });
    expect(active()).toBe('filing_certNo');
    expect(byId('filing_certNo').value).toBe('1');
  });

  it('leaves Enter alone while an input method is composing', () => {
    renderForm();
    byId('filing_personName').focus();
    fireEvent.keyDown(byId('filing_personName'), { key: 'Enter', isComposing: true });
    expect(active()).toBe('filing_personName');
  });

  it('checks locally on Ctrl+S, marks each missing field and lists every missing item in the 一次性告知', async () => {
    const items = ['请选择险种类别', '请填写个人编号', '请选择转往地区', '请提供有效身份证件或医保电子凭证或社会保障卡'];
    const desk = renderForm({ 'filing.evaluate': () => ({ ok: true, value: evaluation({ notice: { items } }) }) });
    byId('filing_certNo').focus();
    fireEvent.keyDown(byId('filing_certNo'), { key: 's', ctrlKey: true });
    await waitFor(() => expect(fieldMessages('filing_details_phone')).toBe('请填写联系电话'));
    expect(fieldMessages('filing_insuranceType')).toBe('请选择险种类别');
    expect(fieldMessages('filing_details_destinationRegion')).toBe('请选择转往地区');
    expect(active()).toBe('filing_insuranceType');
    const notice = await screen.findByTestId('one-time-notice');
    expect(notice.textContent).toContain('尚缺 4 项，暂不能保存');
    for (const item of items) expect(notice.textContent).toContain(item);
    expect(calls(desk, 'filing.create')).toHaveLength(0);
  });

  it('saves on Enter in the last field (联系电话)', async () => {
    const desk = renderForm({ 'filing.create': () => ({ ok: true, value: saved }) });
    await fillValidReferral();
    byId('filing_details_phone').focus();
    fireEvent.keyDown(byId('filing_details_phone'), { key: 'Enter' });
    await waitFor(() => expect(calls(desk, 'filing.create')).toHaveLength(1));
    const [, request] = calls(desk, 'filing.create')[0]!;
    expect(request).toMatchObject({
      type: 'referral',
      insuranceType: 'employee',
      certType: 'id_card',
      certNo: VALID_ID,
      details: { destinationRegion: '310000', referralKind: '1', phone: '13800138000' },
      materials: [],
      agent: null,
    });
    expect((request as { startDate: string }).startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a save the policy engine blocks (an overlapping filing) without calling filing.create', async () => {
    const overlap = '该参保人已有有效的临时外出就医类备案（本地编号 20260101-0001），日期重叠';
    const desk = renderForm({
      'filing.evaluate': () => ({ ok: true, value: evaluation({ errors: [{ field: 'startDate', message: overlap, source: 'x' }], notice: { items: [overlap] } }) }),
    });
    await fillValidReferral();
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    });
    expect((await screen.findByTestId('one-time-notice')).textContent).toContain(overlap);
    expect(calls(desk, 'filing.create')).toHaveLength(0);
  });

  it("puts the desk's field errors under the fields they name and its message in an alert", async () => {
    const message = '请修改以下2项后再提交：联系电话已停用；该身份证号已有有效备案';
    renderForm({
      'filing.create': () => ({ ok: false, code: 'INVALID_REQUEST', message, fields: { 'details.phone': '联系电话已停用', certNo: '该身份证号已有有效备案' } }),
    });
    await fillValidReferral();
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    });
    await waitFor(() => expect(fieldMessages('filing_details_phone')).toBe('联系电话已停用'));
    expect(fieldMessages('filing_certNo')).toBe('该身份证号已有有效备案');
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes(message))).toBe(true);
    expect(active()).toBe('filing_certNo');
    type('filing_details_phone', '13900139000');
    await waitFor(() => expect(fieldMessages('filing_details_phone')).toBe(''));
  });
});

describe('Ctrl+N', () => {
  function renderWithNew() {
    const desk = fakeDesk({});
    let fresh = 0;
    render(
      desk.wrap(
        <FilingForm policy={HEFEI} initialValues={initialValues(new Date(), 'referral')} save={(r) => desk.api.invoke('filing.create', r)} onSaved={() => {}} onCancel={() => {}} onNew={() => (fresh += 1)} />,
      ),
    );
    return () => fresh;
  }

  it('starts afresh at once when nothing was typed', () => {
    const fresh = renderWithNew();
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    expect(fresh()).toBe(1);
  });

  it('asks before dropping what was typed', async () => {
    const fresh = renderWithNew();
    type('filing_personName', '张三');
    fireEvent.keyDown(byId('filing_personName'), { key: 'n', ctrlKey: true });
    await screen.findAllByText('放弃当前填写的内容，新建一份备案？');
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(fresh()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    await waitFor(() => expect(fresh()).toBe(1));
  });
});

describe('person lookup', () => {
  it('fills the name and 人员编号 from the platform and moves on to 开始日期', async () => {
    const desk = renderForm({
      'person.lookup': () => ({
        ok: true,
        value: {
          personNo: '34010000000000000001',
          name: '王演练',
          certNo: VALID_ID,
          sex: 'male',
          birthDate: '1949-12-31',
          phone: null,
          address: null,
          insurances: [{ insuranceType: 'employee', insuranceTypeCode: '310', insuredRegion: '340100', status: '1', statusLabel: '正常参保', label: '职工基本医疗保险' }],
        },
      }),
      'filing.create': () => ({ ok: true, value: saved }),
    });
    type('filing_certNo', VALID_ID);
    byId('filing_certNo').focus();
    fireEvent.keyDown(byId('filing_certNo'), { key: 'Enter' });
    await waitFor(() => expect(active()).toBe('filing_startDate'));
    expect(byId('filing_personName').value).toBe('王演练');
    expect(screen.getByTestId('person-lookup').textContent).toContain('34010000000000000001');
    expect(calls(desk, 'person.lookup')[0]![1]).toEqual({ certType: 'id_card', number: VALID_ID });
  });

  it('offers manual entry with a verify-later notice when the platform is unavailable', async () => {
    renderForm({ 'person.lookup': () => ({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: '医保平台暂不可用，请手工录入参保人信息，平台恢复后将自动核验' }) });
    type('filing_certNo', VALID_ID);
    byId('filing_certNo').focus();
    fireEvent.keyDown(byId('filing_certNo'), { key: 'Enter' });
    await waitFor(() => expect(active()).toBe('filing_personName'));
    expect(screen.getByTestId('person-lookup').textContent).toContain('医保平台暂不可用');
    expect(screen.getByTestId('person-lookup').textContent).toContain('自动核验');
  });

  it('looks a social-security card up with its 卡识别码, asked for after the number', async () => {
    const desk = renderForm({ 'person.lookup': () => ({ ok: false, code: 'NOT_FOUND', message: '医保平台未查到该参保人：无此卡' }) });
    await pick('filing_certType', '社会保障卡');
    await waitFor(() => expect(byId('filing_cardSerial')).not.toBeNull());
    type('filing_certNo', 'S34010200000001');
    byId('filing_certNo').focus();
    fireEvent.keyDown(byId('filing_certNo'), { key: 'Enter' });
    expect(active()).toBe('filing_cardSerial');
    type('filing_cardSerial', 'K123456');
    fireEvent.keyDown(byId('filing_cardSerial'), { key: 'Enter' });
    await waitFor(() => expect(active()).toBe('filing_personName'));
    expect(calls(desk, 'person.lookup')[0]![1]).toEqual({ certType: 'social_security_card', number: 'S34010200000001', cardSerial: 'K123456' });
    expect(screen.getByTestId('person-lookup').textContent).toContain('无此卡');
  });

  it('does not ask the platform for an ID number that fails its check digit', async () => {
    const desk = renderForm();
    type('filing_certNo', '110105194912310021');
    byId('filing_certNo').focus();
    fireEvent.keyDown(byId('filing_certNo'), { key: 'Enter' });
    await waitFor(() => expect(active()).toBe('filing_personName'));
    expect(calls(desk, 'person.lookup')).toHaveLength(0);
  });
});

describe('screen and editor', () => {
  it('offers the profile\'s types and shows the saved notice with 本地编号 and 待上传', async () => {
    const desk = fakeDesk({
      'settings.policy.get': () => ({ ok: true, value: { profileId: 'hefei-2019', profile: { id: 'hefei-2019', label: '合肥', summary: '', types: HEFEI.types, reviewRequired: false } } }),
      'app.info': () => ({ ok: true, value: { version: 't', initialized: true, mode: 'training', institution: HEFEI.institution } }),
      'filing.create': () => ({ ok: true, value: saved }),
    });
    render(desk.wrap(<FilingFormScreen onDone={() => {}} />));
    await waitFor(() => expect(active()).toBe('filing_insuranceType'));
    fireEvent.mouseDown(byId('filing_type').closest('.ant-select')!);
    expect(await screen.findByTitle('恶性肿瘤放化疗等分疗程多次住院人员')).toBeTruthy();
    await fillValidReferral();
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(await screen.findByText('备案已保存')).toBeTruthy();
    expect(screen.getByTestId('saved-local-no').textContent).toContain('20260105-0001');
    expect(screen.getByText('待上传')).toBeTruthy();
    const create = calls(desk, 'filing.create')[0]![1] as { details: Record<string, unknown> };
    // 转出医疗机构 defaults to the desk's own hospital.
    expect(create.details.transferringInstitution).toEqual({ code: 'H34010100001', name: '演练第一人民医院' });
  });

  it('edits a locked filing only with a reason and a reviewer, sent as filing.update\'s override', async () => {
    const start = new Date(Date.now() - 86_400_000 * 10).toISOString().slice(0, 10);
    const filing: ResponseOf<'filing.get'> = {
      ...saved,
      type: 'retired_resettled',
      startDate: start,
      details: { destinationRegion: '310000', address: '上海演练路1号', reason: '随子女', phone: '13800138000', materials: ['identity'] },
    };
    const desk = fakeDesk({
      'settings.policy.get': () => ({ ok: true, value: { profileId: 'national-2022', profile: { id: 'national-2022', label: '国家', summary: '', types: [{ type: 'retired_resettled', label: '异地安置退休人员' }], reviewRequired: false } } }),
      'app.info': () => ({ ok: true, value: { version: 't', initialized: true, mode: 'training', institution: HEFEI.institution } }),
      'filing.get': () => ({ ok: true, value: filing }),
      'workflow.reviewers': () => ({ ok: true, value: [{ id: 'r1', displayName: '李复核', username: 'li', role: 'reviewer' }] }),
      'filing.update': () => ({ ok: true, value: filing }),
    });
    let done: unknown = null;
    render(desk.wrap(<FilingEditor filingId="f1" onSaved={(f) => (done = f)} onCancel={() => {}} closeOnSave />));
    expect((await screen.findByTestId('change-lock')).textContent).toContain('6个月内原则上不得变更或取消');
    expect((byId('filing_type').closest('.ant-select') as HTMLElement).className).toContain('disabled');
    expect(byId('filing_details_address').value).toBe('上海演练路1号');
    fireEvent.change(byId('filing_override_reason'), { target: { value: '参保人搬迁至新住址' } });
    await pick('filing_override_reviewerId', '李复核');
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    });
    await waitFor(() => expect(calls(desk, 'filing.update')).toHaveLength(1));
    expect(calls(desk, 'filing.update')[0]![1]).toMatchObject({
      id: 'f1',
      filing: { type: 'retired_resettled', details: { address: '上海演练路1号' }, materials: ['identity'] },
      override: { reason: '参保人搬迁至新住址', reviewerId: 'r1' },
    });
    await waitFor(() => expect(done).toEqual(filing));
  });
});

describe('saved notice', () => {
  it('says a filing held for 复核 waits for the reviewer, lists what is outstanding, and answers Ctrl+N and Ctrl+P', async () => {
    const desk = fakeDesk({});
    let another = 0;
    const held = { ...saved, reviewStatus: 'pending_review' as const };
    render(desk.wrap(<SavedNotice saved={{ filing: held, outstanding: ['请提供《异地就医登记备案表》'], typeLabel: '异地转诊人员' }} onList={() => {}} onAnother={() => (another += 1)} />));
    expect(screen.getByTestId('saved-review').textContent).toContain('复核通过后加入上传队列');
    expect(screen.getByTestId('one-time-notice').textContent).toContain('请提供《异地就医登记备案表》');
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    expect(another).toBe(1);
    fireEvent.keyDown(window, { key: 'p', ctrlKey: true });
    expect(await screen.findByText('打印预览')).toBeTruthy();
  });
});
