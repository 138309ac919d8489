// 作废 in the filing list: only for roles that may call filing.void and only on active filings;
// a reason is required, and the confirmation says what happens with the platform.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperatorDto, ResponseOf } from '../../shared/contract';
import { voidConsequence } from '../../renderer/src/screens/filing-list/VoidFiling';
import { Workspace } from '../../renderer/src/screens/workspace/Workspace';
import { emptyQueue, fakeDesk } from './fakeDesk';
import { filingSummary as filing } from './summaries';

const institution = { code: 'H34010100001', name: '合肥市第一人民医院', regionCode: '340100' };
const person = (role: OperatorDto['role']): OperatorDto => ({ id: 'op1', username: 'u1', displayName: '王经办', role, active: true });

const FILINGS = [filing(1), filing(2, { uploadState: 'uploaded', platformSerial: 'S1' }), filing(3, { status: 'voided', uploadState: 'cancelled' })];

function renderList(role: OperatorDto['role']) {
  const desk = fakeDesk({
    'queue.stats': () => ({ ok: true, value: emptyQueue }),
    'filing.list': () => ({ ok: true, value: { total: FILINGS.length, items: FILINGS } }),
    'filing.void': () => ({ ok: true, value: { ...FILINGS[0]!, status: 'voided', uploadState: 'cancelled', certNo: '11010519491231002X', details: {}, updatedAt: '' } as ResponseOf<'filing.void'> }),
  });
  render(desk.wrap(<Workspace institution={institution} operator={person(role)} onLogout={() => {}} />));
  return desk;
}

const row = (n: number) => screen.getByText(`20261123-000${n}`).closest('tr')!;

describe('作废 in the filing list', () => {
  it('is offered to an operator on active filings only, without changing the row text', async () => {
    renderList('operator');
    await screen.findByText('20261123-0001');
    expect(within(row(1)).getByRole('button', { name: '作废' })).toBeTruthy();
    expect(within(row(2)).getByRole('button', { name: '作废' })).toBeTruthy();
    expect(within(row(3)).queryByRole('button', { name: '作废' })).toBeNull();
    expect(within(row(1)).getAllByRole('cell')[0]!.textContent).toBe('20261123-0001');
  });

  it('is not offered to a reviewer (filing.void is for operators and administrators)', async () => {
    renderList('reviewer');
    await screen.findByText('20261123-0001');
    expect(screen.queryByRole('button', { name: '作废' })).toBeNull();
  });

  it('asks for a reason, says the pending upload is withdrawn, and voids through filing.void', async () => {
    const desk = renderList('admin');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row(1)).getByRole('button', { name: '作废' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('确认作废备案 20261123-0001（演练1）？作废后不能恢复。');
    expect(dialog.textContent).toContain('该备案尚未上传到医保平台：作废后从上传队列撤回，不会再上传。');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    await within(dialog).findByText('请填写作废原因');
    expect(desk.invoke.mock.calls.filter(([c]) => c === 'filing.void')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('作废原因'), { target: { value: '患者取消转诊' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认作废' }));
    await waitFor(() => expect(desk.invoke.mock.calls.filter(([c]) => c === 'filing.void').map(([, r]) => r)).toEqual([{ id: 'f1', reason: '患者取消转诊' }]));
  });

  it('says an uploaded filing gets a 备案撤销 on the platform', async () => {
    renderList('operator');
    await screen.findByText('20261123-0002');
    fireEvent.click(within(row(2)).getByRole('button', { name: '作废' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('该备案已上传到医保平台：作废后将自动向平台提交备案撤销。');
  });

  it('words each upload state', () => {
    expect(voidConsequence('rejected')).toBe(voidConsequence('pending'));
    expect(voidConsequence('uncertain')).toContain('可能已到达医保平台');
    expect(voidConsequence('uploading')).toContain('可能已到达医保平台');
  });
});
