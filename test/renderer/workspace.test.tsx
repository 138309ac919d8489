import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperatorDto, ResponseOf } from '../../shared/contract';
import { Workspace } from '../../renderer/src/screens/workspace/Workspace';
import { emptyQueue, fakeDesk } from './fakeDesk';
import { filingSummary } from './summaries';

const institution = { code: 'H34010100001', name: '合肥市第一人民医院', regionCode: '340100' };
const person = (role: OperatorDto['role']): OperatorDto => ({ id: 'op1', username: 'u1', displayName: '李复核', role, active: true });

const filing = filingSummary(1, {
  localNo: '20260105-0001',
  personName: '张三',
  startDate: '2026-01-05',
  // 2026-01-05 02:00 UTC is 10:00 in China, whatever zone the test machine is in.
  createdAt: '2026-01-05T02:00:00.000Z',
});

function renderWorkspace(role: OperatorDto['role'], list: ResponseOf<'filing.list'> = { total: 0, items: [] }) {
  const desk = fakeDesk({
    'queue.stats': () => ({ ok: true, value: emptyQueue }),
    'filing.list': () => ({ ok: true, value: list }),
  });
  render(desk.wrap(<Workspace institution={institution} operator={person(role)} onLogout={() => {}} />));
  return desk;
}

describe('workspace', () => {
  it('shows the institution, the operator with the role label, and the queue counts', async () => {
    renderWorkspace('reviewer');
    expect(screen.getByTestId('institution-name').textContent).toBe('合肥市第一人民医院');
    expect(screen.getByTestId('operator').textContent).toContain('李复核');
    expect(screen.getByTestId('operator').textContent).toContain('复核员');
    await waitFor(() => expect(screen.getByTestId('queue-status').textContent).toContain('待上传 0'));
  });

  it('does not offer 新增备案 to a reviewer', async () => {
    renderWorkspace('reviewer');
    await screen.findByText('暂无备案');
    expect(screen.queryByRole('button', { name: '新增备案' })).toBeNull();
  });

  it('offers 新增备案 to an operator', async () => {
    renderWorkspace('operator');
    await screen.findByText('暂无备案');
    expect(screen.getAllByRole('button', { name: '新增备案' }).length).toBeGreaterThan(0);
  });

  it('updates the queue counts when the desk pushes queue.changed', async () => {
    const desk = renderWorkspace('operator');
    await waitFor(() => expect(screen.getByTestId('queue-status').textContent).toContain('待上传 0'));
    act(() => desk.emit('queue.changed', { ...emptyQueue, pending: 3, uncertain: 1, rejected: 2, oldestPendingAt: new Date(Date.now() - 5.5 * 60_000).toISOString() }));
    const bar = screen.getByTestId('queue-status').textContent ?? '';
    expect(bar).toContain('待上传 3');
    expect(bar).toContain('待核实 1');
    expect(bar).toContain('被退回 2');
    expect(bar).toContain('最早一条已等待 5分钟');
  });
});

describe('filing list', () => {
  it('shows a referral with its labels, the pending end date and 待上传, in China time', async () => {
    renderWorkspace('operator', { total: 1, items: [filing] });
    const row = (await screen.findByText('20260105-0001')).closest('tr')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual([
      '20260105-0001',
      '张三',
      '1101**********002X',
      '异地转诊人员',
      '上海市',
      '2026-01-05',
      '出院结算时填写',
      '待上传',
      '2026-01-05 10:00',
    ]);
  });

  it('reloads when the desk pushes filing.changed', async () => {
    const desk = renderWorkspace('operator');
    await screen.findByText('暂无备案');
    const before = desk.invoke.mock.calls.filter(([c]) => c === 'filing.list').length;
    act(() => desk.emit('filing.changed', { id: 'f1' }));
    await waitFor(() => expect(desk.invoke.mock.calls.filter(([c]) => c === 'filing.list').length).toBe(before + 1));
  });
});
