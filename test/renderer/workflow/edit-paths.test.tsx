// 修改 on the screens for the upload states with their own path: saving a filing the platform
// refused is the resubmission (filing.update requeues it; the screens call nothing else), a filing
// kept at the desk as 无需上传 may be edited, and where a filing came from (补录 / 导入) is shown in the
// detail and the list.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Table } from 'antd';
import { describe, expect, it } from 'vitest';
import type { OperatorDto, QueueEntryDto, ResponseOf } from '../../../shared/contract';
import type { FilingSummary } from '../../../shared/domain/filing';
import { editPath } from '../../../renderer/src/screens/filing-detail/editPath';
import { EditFilingDialog } from '../../../renderer/src/screens/filing-detail/EditFilingDialog';
import { FilingDetailDrawer } from '../../../renderer/src/screens/filing-detail/FilingDetailDrawer';
import { filingColumnsWith } from '../../../renderer/src/screens/filing-list/columns';
import { RejectedDialog } from '../../../renderer/src/screens/queue/RejectedDialog';
import { fakeDesk, type Answers } from '../fakeDesk';

type Detail = ResponseOf<'filing.get'>;
const operator: OperatorDto = { id: 'op1', username: 'op1', displayName: '王经办', role: 'operator', active: true };
const START = new Date(Date.now() - 86_400_000 * 3).toISOString().slice(0, 10);

function detail(over: Partial<Detail> = {}): Detail {
  return {
    id: 'f1',
    localNo: '20261123-0001',
    type: 'temporary_other',
    insuranceType: 'employee',
    certType: 'id_card',
    certNo: '11010519491231002X',
    certNoMasked: '1101**********002X',
    personName: '演练甲',
    destinationRegion: '310000',
    destinationLabel: '上海市',
    startDate: START,
    endDate: null,
    status: 'active',
    uploadState: 'pending',
    platformSerial: null,
    reviewStatus: 'none',
    reviewNote: null,
    origin: 'desk',
    originRef: null,
    filingDate: START,
    createdBy: 'op1',
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:05:00.000Z',
    details: { destinationRegion: '310000', reason: '探亲期间就医', phone: '13800000000' },
    ...over,
  };
}

function answers(filing: Detail, extra: Answers = {}): Answers {
  return {
    'filing.get': () => ({ ok: true, value: filing }),
    'filing.timeline': () => ({ ok: true, value: [] }),
    'person.verification': () => ({ ok: false, code: 'NOT_FOUND', message: '该备案无需核验' }),
    'workflow.reviewers': () => ({ ok: true, value: [] }),
    'settings.policy.get': () => ({
      ok: true,
      value: { profileId: 'national-2022', profile: { id: 'national-2022', label: '国家', summary: '', types: [{ type: 'temporary_other', label: '其他临时外出就医人员' }], reviewRequired: false } },
    }),
    'app.info': () => ({ ok: true, value: { version: 't', initialized: true, mode: 'training', institution: { code: 'H34010100001', name: '演练第一人民医院', regionCode: '340100' } } }),
    'filing.update': () => ({ ok: true, value: { ...filing, uploadState: filing.uploadState === 'rejected' ? 'pending' : filing.uploadState } }),
    'queue.retryNow': () => ({ ok: true, value: { requeued: 1 } }),
    ...extra,
  };
}

const calls = (desk: ReturnType<typeof fakeDesk>, channel: string) => desk.invoke.mock.calls.filter(([c]) => c === channel).map(([, r]) => r);

/** Saves the open editor (Ctrl+S) once its form is loaded. */
async function saveEditor() {
  await waitFor(() => expect(document.getElementById('filing_details_reason')).not.toBeNull(), { timeout: 5000 });
  await act(async () => {
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
  });
}

describe('what 修改 means for 无需上传', () => {
  it('is an in-place edit at the desk, no upload', () => {
    const path = editPath({ status: 'active', uploadState: 'not_required', reviewStatus: 'none' });
    expect(path).toMatchObject({ kind: 'edit_local', editable: true });
    expect(path.text).toContain('修改只在本机生效');
    expect(editPath({ status: 'voided', uploadState: 'not_required', reviewStatus: 'none' })).toMatchObject({ kind: 'closed', editable: false });
  });

  it('offers 修改 in the detail and says what it does, with no 如需修改 notice', async () => {
    const filing = detail({ uploadState: 'not_required' });
    render(fakeDesk(answers(filing)).wrap(<FilingDetailDrawer filingId="f1" operator={operator} onClose={() => {}} />));
    await screen.findByTestId('filing-detail');
    const edit = screen.getByRole('button', { name: '修改' }) as HTMLButtonElement;
    expect(edit.disabled).toBe(false);
    expect(edit.title).toContain('修改只在本机生效');
    expect(screen.queryByTestId('edit-path')).toBeNull();
  });

  it('saves with filing.update only and says it stays at the desk', async () => {
    const filing = detail({ uploadState: 'not_required' });
    const desk = fakeDesk(answers(filing));
    render(desk.wrap(<EditFilingDialog filing={filing} onClose={() => {}} />));
    expect((await screen.findByTestId('edit-effect')).textContent).toContain('不进入上传队列');
    await saveEditor();
    await waitFor(() => expect(calls(desk, 'filing.update')).toHaveLength(1));
    expect(await screen.findByText(`备案 ${filing.localNo} 已修改（仅本机保存，无需上传）`)).toBeTruthy();
    expect(calls(desk, 'queue.retryNow')).toEqual([]);
  });
});

describe('fixing a filing the platform refused', () => {
  it('from the detail: saving is the resubmission; queue.retryNow is not called', async () => {
    const filing = detail({ uploadState: 'rejected' });
    const desk = fakeDesk(answers(filing));
    render(desk.wrap(<EditFilingDialog filing={filing} refusal="诊断代码不在目录中" onClose={() => {}} />));
    expect((await screen.findByTestId('edit-effect')).textContent).toContain('即重新提交');
    await saveEditor();
    await waitFor(() => expect(calls(desk, 'filing.update')).toHaveLength(1));
    expect(await screen.findByText(`备案 ${filing.localNo} 已修改并重新提交，将按新内容上传`)).toBeTruthy();
    expect(calls(desk, 'queue.retryNow')).toEqual([]);
  });

  it('from the queue’s 被退回 dialog: 修改备案 saves without queue.retryNow; 按原内容重新提交 still calls it', async () => {
    const filing = detail({ uploadState: 'rejected' });
    const desk = fakeDesk(answers(filing));
    const entry: QueueEntryDto = {
      id: 'e1',
      kind: 'filing.create',
      kindLabel: '备案上传',
      filingId: 'f1',
      filingLocalNo: filing.localNo,
      personName: filing.personName,
      status: 'rejected',
      attemptsStarted: 1,
      attemptsFinished: 1,
      nextAttemptAt: '2026-11-23T02:06:00.000Z',
      lastError: '诊断代码不在目录中',
      platformRef: null,
      createdAt: '2026-11-23T02:00:00.000Z',
      updatedAt: '2026-11-23T02:06:00.000Z',
    };
    let closed = 0;
    const view = render(desk.wrap(<RejectedDialog entry={entry} onClose={() => (closed += 1)} />));
    const fix = await screen.findByRole('button', { name: '修改备案' });
    await waitFor(() => expect((fix as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(fix);
    await saveEditor();
    await waitFor(() => expect(calls(desk, 'filing.update')).toHaveLength(1));
    await waitFor(() => expect(closed).toBe(1));
    expect(calls(desk, 'queue.retryNow')).toEqual([]);

    view.unmount();
    render(desk.wrap(<RejectedDialog entry={entry} onClose={() => {}} />));
    fireEvent.click(await screen.findByRole('button', { name: '按原内容重新提交' }));
    await waitFor(() => expect(calls(desk, 'queue.retryNow')).toEqual([{ entryId: 'e1' }]));
  });
});

describe('where a filing came from', () => {
  it('the detail shows 补录 with the paper number and the original date, 导入 with the old id, 窗口录入 otherwise', async () => {
    const backEntry = detail({ origin: 'back_entry', originRef: 'ZZ-0012', filingDate: '2026-11-20' });
    const first = render(fakeDesk(answers(backEntry)).wrap(<FilingDetailDrawer filingId="f1" operator={operator} onClose={() => {}} />));
    const view = await screen.findByTestId('filing-detail');
    expect(within(view).getByTestId('filing-origin').textContent).toBe('补录纸质单号 ZZ-0012，原备案日期 2026-11-20');
    expect(view.textContent).toContain('备案日期2026-11-20');
    first.unmount();

    const imported = detail({ origin: 'import', originRef: 'OLD-778', filingDate: '2026-10-31' });
    const second = render(fakeDesk(answers(imported)).wrap(<FilingDetailDrawer filingId="f1" operator={operator} onClose={() => {}} />));
    expect((await screen.findByTestId('filing-origin')).textContent).toBe('导入原系统编号 OLD-778，原备案日期 2026-10-31');
    second.unmount();

    render(fakeDesk(answers(detail())).wrap(<FilingDetailDrawer filingId="f1" operator={operator} onClose={() => {}} />));
    const desk = await screen.findByTestId('filing-detail');
    expect(desk.textContent).toContain('备案来源窗口录入');
    expect(within(desk).queryByTestId('filing-origin')).toBeNull();
  });

  it('the list tags 补录 and 导入 rows (reference and date on hover), not desk rows', () => {
    const rows: FilingSummary[] = [
      detail({ id: 'a', localNo: '20261123-0001' }),
      detail({ id: 'b', localNo: '20261123-0002', origin: 'back_entry', originRef: 'ZZ-0012', filingDate: '2026-11-20' }),
      detail({ id: 'c', localNo: '20261123-0003', origin: 'import', originRef: null, filingDate: '2026-10-31' }),
    ];
    render(<Table rowKey="id" columns={filingColumnsWith()} dataSource={rows} pagination={false} />);
    const tags = screen.getAllByTestId('origin-tag');
    expect(tags.map((t) => t.textContent)).toEqual(['补录', '导入']);
    expect(tags[0]!.getAttribute('title')).toBe('纸质单号 ZZ-0012，原备案日期 2026-11-20');
    expect(tags[1]!.getAttribute('title')).toBe('原系统编号未填，原备案日期 2026-10-31');
    const firstRow = screen.getByText('20261123-0001').closest('tr')!;
    expect(within(firstRow).queryByTestId('origin-tag')).toBeNull();
  });
});
