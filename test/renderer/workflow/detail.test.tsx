// 备案详情 and 复核 in the renderer: every field in words, the return reason and the platform's refusal,
// the timeline (who, when, before → after, msgid), what 修改 means in each upload state, the actions
// each role gets, a reviewer's approve / return, and 作废 inside the change lock asking for the override.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperatorDto, ResponseOf } from '../../../shared/contract';
import type { TimelineEntryDto } from '../../../shared/contract/areas/workflow';
import { editPath } from '../../../renderer/src/screens/filing-detail/editPath';
import { FilingDetailDrawer } from '../../../renderer/src/screens/filing-detail/FilingDetailDrawer';
import { fieldLabel, fieldValue } from '../../../renderer/src/screens/filing-detail/fieldLabels';
import { VoidFilingDialog } from '../../../renderer/src/screens/filing-list/VoidFiling';
import { ReviewScreen } from '../../../renderer/src/screens/review/ReviewScreen';
import { businessDate } from '../../../shared/domain/time';
import { fakeDesk, type Answers } from '../fakeDesk';
import { filingDetail } from '../summaries';

type Detail = ResponseOf<'filing.get'>;
const person = (role: OperatorDto['role'], id = 'op1'): OperatorDto => ({ id, username: id, displayName: role === 'reviewer' ? '李复核' : '王经办', role, active: true });

function detail(over: Partial<Detail> = {}): Detail {
  return filingDetail(1, {
    personName: '演练甲',
    reviewStatus: 'none',
    reviewNote: null,
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:05:00.000Z',
    details: { destinationRegion: '310000', diagnosisName: '肺恶性肿瘤', diagnosisCode: 'C34.900', referralKind: '1', referralReason: '本院无相应诊疗条件', phone: '13800000000' },
    ...over,
  });
}

const TIMELINE: TimelineEntryDto[] = [
  { at: '2026-11-23T02:00:00.000Z', kind: 'created', action: 'filing.create', title: '新建备案', actor: '王经办', detail: '已排队上传' },
  {
    at: '2026-11-23T02:05:00.000Z',
    kind: 'edited',
    action: 'filing.update',
    title: '修改备案',
    actor: '王经办',
    detail: null,
    changes: [{ field: 'details.diagnosisCode', before: 'X99.999', after: 'C34.900' }],
  },
  {
    at: '2026-11-23T02:06:00.000Z',
    kind: 'upload',
    action: 'attempt.rejected',
    title: '备案上传：平台退回',
    actor: null,
    detail: '诊断代码[X99.999]不在医保疾病诊断目录中；上传状态：被退回',
    attempt: { entryId: 'e1', entryKind: '备案上传', msgid: 'H340101000012026112310060000001', outcome: 'rejected', durationMs: 120 },
  },
];

function renderDrawer(operator: OperatorDto, filing: Detail, answers: Answers = {}, review = false) {
  const desk = fakeDesk({
    'filing.get': () => ({ ok: true, value: filing }),
    'filing.timeline': () => ({ ok: true, value: TIMELINE }),
    'person.verification': () => ({ ok: false, code: 'NOT_FOUND', message: '该备案无需核验' }),
    'settings.policy.get': () => ({ ok: false, code: 'INTERNAL', message: 'not in this test' }),
    ...answers,
  });
  render(desk.wrap(<FilingDetailDrawer filingId={filing.id} operator={operator} review={review} onClose={() => {}} />));
  return desk;
}

/** The open antd modal whose title is `title` (the drawer is a dialog too). */
async function modal(title: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByRole('dialog').find((d) => d.querySelector('.ant-modal-title')?.textContent === title);
    if (!found) throw new Error(`no ${title} dialog`);
    return found;
  });
}

const calls = (desk: ReturnType<typeof fakeDesk>, channel: string) => desk.invoke.mock.calls.filter(([c]) => c === channel).map(([, r]) => r);

describe('what 修改 means now', () => {
  it('follows filing.update: before upload the queue sends the saved content; uploaded means void and file again; in flight waits', () => {
    expect(editPath({ status: 'active', uploadState: 'pending', reviewStatus: 'none' })).toMatchObject({ kind: 'edit', editable: true });
    expect(editPath({ status: 'active', uploadState: 'rejected', reviewStatus: 'none' })).toMatchObject({ kind: 'edit_resubmit', editable: true });
    expect(editPath({ status: 'active', uploadState: 'pending', reviewStatus: 'returned' })).toMatchObject({ kind: 'edit_review', editable: true });
    expect(editPath({ status: 'active', uploadState: 'uploaded', reviewStatus: 'approved' })).toMatchObject({ kind: 'refile', editable: false });
    expect(editPath({ status: 'active', uploadState: 'uploaded', reviewStatus: 'none' }).text).toContain('请先作废本备案（自动向平台提交备案撤销），再按正确内容新增备案');
    expect(editPath({ status: 'active', uploadState: 'uncertain', reviewStatus: 'none' })).toMatchObject({ kind: 'wait', editable: false });
    expect(editPath({ status: 'voided', uploadState: 'cancelled', reviewStatus: 'none' })).toMatchObject({ kind: 'closed', editable: false });
  });

  it('labels fields per type and shows values in words', () => {
    expect(fieldLabel('details.destinationRegion', 'retired_resettled')).toBe('安置地');
    expect(fieldLabel('details.reason', 'temporary_other')).toBe('外出就医原因');
    expect(fieldLabel('details.agent.relation', 'referral')).toBe('代办人与参保人关系');
    expect(fieldValue('details.destinationRegion', '310000')).toBe('上海市（310000）');
    expect(fieldValue('details.referralKind', '1')).toBe('转外省就医');
    expect(fieldValue('insuranceType', 'resident')).toBe('居民医保');
    expect(fieldValue('details.materials', 'identity、personal_commitment')).toBe('身份证件、个人承诺书');
    expect(fieldValue('endDate', null)).toBe('—');
  });
});

describe('备案详情', () => {
  it('shows every field in words, the platform refusal and the timeline with who, when, before → after and msgid', async () => {
    renderDrawer(person('operator'), detail({ uploadState: 'rejected' }));
    const view = await screen.findByTestId('filing-detail');
    expect(view.textContent).toContain('异地转诊人员');
    expect(view.textContent).toContain('职工医保');
    expect(view.textContent).toContain('转往地区上海市（310000）');
    expect(view.textContent).toContain('异地转诊类型转外省就医');
    expect(view.textContent).toContain('经办人王经办');
    expect(within(view).getByTestId('platform-refusal').textContent).toContain('诊断代码[X99.999]不在医保疾病诊断目录中');
    const entries = within(view).getAllByTestId('timeline-entry').map((e) => e.textContent);
    expect(entries[0]).toContain('新建备案2026-11-23 10:00:00 · 王经办');
    expect(entries[1]).toContain('诊断编码：X99.999 → C34.900');
    expect(entries[2]).toContain('备案上传：平台退回2026-11-23 10:06:00 · 上传队列');
    expect(entries[2]).toContain('msgid H340101000012026112310060000001');
    expect(screen.queryByTestId('person-verification')).toBeNull();
    expect(screen.getByRole('button', { name: '修改并重新提交' })).toBeTruthy();
  });

  it('says what to do with an uploaded filing and offers 作废后重新备案, no edit', async () => {
    renderDrawer(person('operator'), detail({ uploadState: 'uploaded', platformSerial: 'TRT0001' }));
    await screen.findByTestId('filing-detail');
    expect(screen.getByTestId('platform-serial').textContent).toBe('TRT0001');
    expect(screen.getByTestId('edit-path').textContent).toContain('平台不支持直接修改');
    expect((screen.getByRole('button', { name: '修改' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: '作废后重新备案' })).toBeTruthy();
  });

  it('shows the reviewer’s return reason to the filer', async () => {
    renderDrawer(person('operator'), detail({ reviewStatus: 'returned', reviewNote: '转往地区与转诊证明不一致' }));
    expect((await screen.findByTestId('return-reason')).textContent).toContain('转往地区与转诊证明不一致');
    expect((screen.getByRole('button', { name: '修改' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a person verification mismatch when the lookup has one', async () => {
    renderDrawer(person('operator'), detail(), {
      'person.verification': () => ({
        ok: true,
        value: { filingId: 'f1', state: 'mismatch', stateLabel: '信息不一致', mismatches: [{ field: 'name', label: '姓名', entered: '演练甲', platform: '演练乙' }], checkedAt: '2026-11-23T03:00:00.000Z', lastError: null },
      }),
    });
    const section = await screen.findByTestId('person-verification');
    expect(section.textContent).toContain('信息不一致');
    expect(section.textContent).toContain('姓名演练甲演练乙');
  });

  it('gives a reviewer 复核通过 and 退回 (with a required reason) but no 修改 or 作废', async () => {
    const held = detail({ reviewStatus: 'pending_review' });
    const desk = renderDrawer(person('reviewer', 'rev1'), held, {
      'review.approve': () => ({ ok: true, value: { ...held, reviewStatus: 'approved' } }),
      'review.return': () => ({ ok: true, value: { ...held, reviewStatus: 'returned' } }),
    }, true);
    await screen.findByTestId('filing-detail');
    expect(screen.queryByRole('button', { name: '修改' })).toBeNull();
    expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    const dialog = await modal('复核退回');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await within(dialog).findByText('请填写退回原因，写明需要经办人修改什么');
    expect(calls(desk, 'review.return')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('退回原因'), { target: { value: '诊断与病历不符' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(calls(desk, 'review.return')).toEqual([{ id: 'f1', reason: '诊断与病历不符' }]));
    fireEvent.click(screen.getByRole('button', { name: '复核通过' }));
    await waitFor(() => expect(calls(desk, 'review.approve')).toEqual([{ id: 'f1' }]));
  });
});

describe('复核 inbox', () => {
  it('lists pending filings, switches to returned ones, and opens one for review', async () => {
    const held = detail({ reviewStatus: 'pending_review' });
    const desk = fakeDesk({
      'review.list': (r) => ({ ok: true, value: r.status === 'returned' ? [] : [held] }),
      'filing.get': () => ({ ok: true, value: held }),
      'filing.timeline': () => ({ ok: true, value: TIMELINE.slice(0, 1) }),
      'person.verification': () => ({ ok: false, code: 'NOT_FOUND', message: '无需核验' }),
    });
    render(desk.wrap(<ReviewScreen operator={person('reviewer', 'rev1')} />));
    const row = (await screen.findByText('20261123-0001')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '复核' }));
    await screen.findByTestId('filing-detail');
    expect(screen.getByRole('button', { name: '复核通过' })).toBeTruthy();
    fireEvent.click(screen.getByText('已退回（待经办人修改）'));
    await screen.findByText('没有被退回的备案');
    expect(calls(desk, 'review.list')).toEqual([{ status: 'pending_review' }, { status: 'returned' }]);
  });
});

describe('作废 inside the change lock', () => {
  it('asks for the early-void reason and a 复核人 other than the operator, and sends them with the void', async () => {
    const today = businessDate(new Date());
    const longTerm = detail({ type: 'long_term_residence', startDate: today, details: { destinationRegion: '310000', address: '上海市浦东新区', reason: '随子女居住', phone: '13800000000' } });
    const desk = fakeDesk({
      'settings.policy.get': () => ({ ok: true, value: { profileId: 'national-2022', profile: { id: 'national-2022', label: '全国', summary: '', types: [], reviewRequired: false } } }),
      'workflow.reviewers': () => ({
        ok: true,
        value: [
          { id: 'op1', displayName: '王经办', username: 'op1', role: 'admin' },
          { id: 'rev1', displayName: '李复核', username: 'rev1', role: 'reviewer' },
        ],
      }),
      'filing.void': () => ({ ok: true, value: { ...longTerm, status: 'voided' } }),
    });
    render(desk.wrap(<VoidFilingDialog filing={longTerm} operatorId="op1" onClose={() => {}} />));
    const override = await screen.findByTestId('lock-override');
    expect(override.textContent).toContain('6个月内原则上不得变更或取消');
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('作废原因'), { target: { value: '参保人迁回参保地' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    await within(dialog).findByText('请填写提前作废理由');
    await within(dialog).findByText('请选择复核人（另一位复核员或管理员）');
    expect(calls(desk, 'filing.void')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('提前作废理由'), { target: { value: '参保人已迁回参保地' } });
    fireEvent.mouseDown(within(dialog).getByLabelText('复核人'));
    // The operator is never offered as their own reviewer.
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBe(1));
    fireEvent.click(document.querySelector('.ant-select-item-option')!);
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    await waitFor(() =>
      expect(calls(desk, 'filing.void')).toEqual([{ id: 'f1', reason: '参保人迁回参保地', override: { reason: '参保人已迁回参保地', reviewerId: 'rev1' } }]),
    );
  });
});
