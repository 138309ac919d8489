import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { ReferralForm } from '../../renderer/src/screens/referral-form/ReferralForm';
import { ReferralFormScreen } from '../../renderer/src/screens/referral-form/ReferralFormScreen';
import { fakeDesk, type Answers } from './fakeDesk';

const VALID_ID = '11010519491231002X';

const saved: ResponseOf<'filing.create'> = {
  id: 'f1',
  localNo: '20260105-0001',
  type: 'referral',
  insuranceType: 'employee',
  certType: 'id_card',
  certNoMasked: '1101**********002X',
  certNo: VALID_ID,
  personName: '张三',
  destinationRegion: '310000',
  destinationLabel: '上海市',
  startDate: '2026-01-05',
  endDate: null,
  status: 'active',
  uploadState: 'pending',
  platformSerial: null,
  createdBy: 'op1',
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  details: {},
};

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;
const active = () => document.activeElement?.id;

function renderForm(answers: Answers = {}) {
  const desk = fakeDesk(answers);
  render(desk.wrap(<ReferralForm onSaved={() => {}} onCancel={() => {}} />));
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
  await pick('referral_insuranceType', '职工医保');
  type('referral_certNo', VALID_ID);
  type('referral_personName', '张三');
  // The destination picker: type, then Enter takes the top match.
  const region = byId('referral_details_destinationRegion');
  fireEvent.mouseDown(region.closest('.ant-select')!);
  fireEvent.change(region, { target: { value: '上海' } });
  fireEvent.keyDown(region, { key: 'Enter' });
  type('referral_details_diagnosisName', '肺恶性肿瘤');
  await pick('referral_details_referralKind', '转外省就医');
  type('referral_details_referralReason', '本院无放疗条件');
  type('referral_details_phone', '13800138000');
}

/** The error messages shown under one form field (antd renders them as its "explain" lines). */
function fieldMessages(fieldId: string): string {
  const item = byId(fieldId).closest('.ant-form-item')!;
  return [...item.querySelectorAll('.ant-form-item-explain-error')].map((e) => e.textContent).join('|');
}

describe('referral form keyboard', () => {
  it('focuses 险种类别 when it opens', async () => {
    renderForm();
    await waitFor(() => expect(active()).toBe('referral_insuranceType'));
  });

  it('moves from 个人编号 to 姓名 on Enter without saving', () => {
    const desk = renderForm();
    byId('referral_certNo').focus();
    fireEvent.keyDown(byId('referral_certNo'), { key: 'Enter' });
    expect(active()).toBe('referral_personName');
    expect(desk.invoke).not.toHaveBeenCalled();
  });

  it('walks the text fields in the order of the manual', () => {
    renderForm();
    const order = ['referral_details_diagnosisName', 'referral_details_diagnosisCode', 'referral_details_referralKind'];
    byId(order[0]!).focus();
    for (const next of order.slice(1)) {
      fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
      expect(active()).toBe(next);
    }
  });

  it('skips a filled choice field on Enter (证件类型 defaults to 居民身份证)', () => {
    renderForm();
    byId('referral_certType').focus();
    fireEvent.keyDown(byId('referral_certType'), { key: 'Enter' });
    expect(active()).toBe('referral_certNo');
  });

  it('sends digits a card reader types into 险种类别 to 个人编号', () => {
    renderForm();
    byId('referral_insuranceType').focus();
    fireEvent.keyDown(byId('referral_insuranceType'), { key: '1' });
    expect(active()).toBe('referral_certNo');
    expect(byId('referral_certNo').value).toBe('1');
  });

  it('leaves Enter alone while an input method is composing', () => {
    renderForm();
    byId('referral_personName').focus();
    fireEvent.keyDown(byId('referral_personName'), { key: 'Enter', isComposing: true });
    expect(active()).toBe('referral_personName');
  });

  it('checks locally on Ctrl+S and marks each missing field, without calling the desk', async () => {
    const desk = renderForm();
    byId('referral_certNo').focus();
    fireEvent.keyDown(byId('referral_certNo'), { key: 's', ctrlKey: true });
    await waitFor(() => expect(fieldMessages('referral_details_phone')).toBe('请填写联系电话'));
    expect(fieldMessages('referral_insuranceType')).toBe('请选择险种类别');
    expect(fieldMessages('referral_details_destinationRegion')).toBe('请选择转往地区');
    expect(active()).toBe('referral_insuranceType');
    expect(desk.invoke).not.toHaveBeenCalled();
  });

  it('saves on Enter in the last field (联系电话)', async () => {
    const desk = renderForm({ 'filing.create': () => ({ ok: true, value: saved }) });
    await fillValidReferral();
    byId('referral_details_phone').focus();
    fireEvent.keyDown(byId('referral_details_phone'), { key: 'Enter' });
    await waitFor(() => expect(desk.invoke).toHaveBeenCalledTimes(1));
    const [channel, request] = desk.invoke.mock.calls[0]!;
    expect(channel).toBe('filing.create');
    expect(request).toMatchObject({
      type: 'referral',
      insuranceType: 'employee',
      certType: 'id_card',
      certNo: VALID_ID,
      details: { destinationRegion: '310000', referralKind: '1', phone: '13800138000' },
    });
    expect((request as { startDate: string }).startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('puts the desk\'s field errors under the fields they name and its message in an alert', async () => {
    const message = '请修改以下2项后再提交：联系电话已停用；该身份证号已有有效备案';
    renderForm({
      'filing.create': () => ({
        ok: false,
        code: 'INVALID_REQUEST',
        message,
        fields: { 'details.phone': '联系电话已停用', certNo: '该身份证号已有有效备案' },
      }),
    });
    await fillValidReferral();
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    });
    await waitFor(() => expect(fieldMessages('referral_details_phone')).toBe('联系电话已停用'));
    expect(fieldMessages('referral_certNo')).toBe('该身份证号已有有效备案');
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes(message))).toBe(true);
    expect(active()).toBe('referral_certNo');

    // Editing a field takes its message away.
    type('referral_details_phone', '13900139000');
    await waitFor(() => expect(fieldMessages('referral_details_phone')).toBe(''));
  });
});

describe('after saving', () => {
  it('shows the 本地编号 and 待上传', async () => {
    const desk = fakeDesk({ 'filing.create': () => ({ ok: true, value: saved }) });
    render(desk.wrap(<ReferralFormScreen onDone={() => {}} />));
    await fillValidReferral();
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    expect(await screen.findByText('备案已保存')).toBeTruthy();
    expect(screen.getByTestId('saved-local-no').textContent).toContain('20260105-0001');
    expect(screen.getByText('待上传')).toBeTruthy();
  });
});
