// 上传队列 screen: the filter, the table, the attempts drawer, and the actions each role gets —
// 核实处理 (reviewers), 退回处理 (operators), and the maintenance windows (administrators).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindowDto, QueueAttemptDto, QueueEntryDto, RequestOf, Role } from '../../shared/contract';
import { businessDateTime } from '../../shared/domain/time';
import { QueueScreen } from '../../renderer/src/screens/queue/QueueScreen';
import { FIX_NOTICE } from '../../renderer/src/screens/queue/RejectedDialog';
import { emptyQueue, fakeDesk } from './fakeDesk';

const at = '2026-11-23T06:00:00.000Z';
function entry(id: string, status: QueueEntryDto['status'], over: Partial<QueueEntryDto> = {}): QueueEntryDto {
  return {
    id,
    kind: 'filing.create',
    kindLabel: '备案上传',
    filingId: `f-${id}`,
    filingLocalNo: `20261123-000${id}`,
    personName: `演练${id}`,
    status,
    attemptsStarted: 1,
    attemptsFinished: 1,
    nextAttemptAt: status === 'pending' || status === 'uncertain' ? '2030-01-01T00:00:00.000Z' : null,
    lastError: null,
    platformRef: status === 'done' ? 'S0001' : null,
    createdAt: at,
    updatedAt: at,
    ...over,
  };
}

const ENTRIES = [
  entry('1', 'pending', { lastError: '未能连接医保平台（ECONNREFUSED），请求未发出，可稍后重试' }),
  entry('2', 'uncertain', { lastError: '等待医保平台应答超时，该交易是否已被医保平台受理待核实，请勿直接重复提交' }),
  entry('3', 'rejected', { lastError: '该参保人已有转往上海演练肿瘤医院的有效转院备案，请勿重复备案' }),
  entry('4', 'done'),
  entry('5', 'done', { platformRef: null, lastError: '平台已有该备案，流水号待补（平台查询未返回流水号）' }),
  entry('6', 'in_flight'),
];

const ATTEMPTS: QueueAttemptDto[] = [
  { id: 1, startedAt: '2026-11-23T06:00:00.000Z', finishedAt: '2026-11-23T06:00:00.150Z', msgid: 'H34010100001202611231400000001', durationMs: 150, outcome: 'not_sent', message: '未能连接医保平台（ECONNREFUSED）' },
  { id: 2, startedAt: '2026-11-23T06:05:00.000Z', finishedAt: '2026-11-23T06:05:01.700Z', msgid: 'H34010100001202611231405000002', durationMs: 1_700, outcome: 'ok', message: '交易成功' },
];

const WINDOWS: MaintenanceWindowDto[] = [
  { id: 'w2', startsAt: '2030-12-11T10:00:00.000Z', endsAt: '2030-12-12T00:00:00.000Z', note: '医保信息平台切换（演练）', createdBy: 'op1', createdAt: at, cancelledAt: null, state: 'scheduled' },
  { id: 'w1', startsAt: '2021-11-30T10:00:00.000Z', endsAt: '2021-12-12T00:00:00.000Z', note: '医保信息平台切换，旧系统停用', createdBy: 'op1', createdAt: at, cancelledAt: null, state: 'ended' },
];

function renderQueue(role: Role, entries = ENTRIES) {
  const desk = fakeDesk({
    'queue.list': (req) => {
      const items = entries.filter((e) => !req.status || e.status === req.status);
      return { ok: true, value: { total: items.length, items } };
    },
    'queue.attempts': () => ({ ok: true, value: ATTEMPTS }),
    'queue.retryNow': () => ({ ok: true, value: { requeued: 1 } }),
    'queue.resolveUncertain': (req) => ({ ok: true, value: { ...entries.find((e) => e.id === req.entryId)!, status: req.resolution } }),
    'maintenance.list': () => ({ ok: true, value: WINDOWS }),
    'maintenance.schedule': (req) => ({ ok: true, value: { ...WINDOWS[0]!, id: 'w3', note: req.note } }),
    'maintenance.cancel': (req) => ({ ok: true, value: { ...WINDOWS.find((w) => w.id === req.id)!, state: 'cancelled' } }),
  });
  const stats = { ...emptyQueue, pending: 1, inFlight: 1, uncertain: 1, rejected: 1, done: 2 };
  render(desk.wrap(<QueueScreen role={role} stats={stats} platformState="online" />));
  return desk;
}

const row = (id: string) => screen.getByText(`20261123-000${id}`).closest('tr')!;
const buttonsOf = (id: string) => within(row(id)).queryAllByRole('button').map((b) => b.textContent);
const calls = (desk: ReturnType<typeof fakeDesk>, channel: string) => desk.invoke.mock.calls.filter(([c]) => c === channel).map(([, r]) => r);

describe('the queue table', () => {
  it('lists each entry with its status label, attempts, the platform message and the next attempt in China time', async () => {
    renderQueue('operator');
    await screen.findByText('20261123-0001');
    const cells = within(row('1')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 8)).toEqual([
      '20261123-0001',
      '演练1',
      '备案上传',
      '待上传',
      '1',
      '未能连接医保平台（ECONNREFUSED），请求未发出，可稍后重试',
      '2030-01-01 08:00',
      '—',
    ]);
    expect(within(row('5')).getByText('流水号待补')).toBeTruthy();
    expect(within(row('4')).getByText('S0001')).toBeTruthy();
  });

  it('filters by status with the counts, through queue.list', async () => {
    const desk = renderQueue('operator');
    await screen.findByText('20261123-0001');
    expect(screen.getByText('待核实 1')).toBeTruthy();
    expect(screen.getByText('已上传 2')).toBeTruthy();
    fireEvent.click(screen.getByText('被退回 1'));
    await waitFor(() => expect(screen.queryByText('20261123-0001')).toBeNull());
    expect(screen.getByText('20261123-0003')).toBeTruthy();
    expect(calls(desk, 'queue.list').at(-1)).toEqual({ status: 'rejected', page: 1, pageSize: 20 });
  });

  it('reads the page again when the queue changes', async () => {
    const desk = renderQueue('operator');
    await screen.findByText('20261123-0001');
    const before = calls(desk, 'queue.list').length;
    act(() => desk.emit('queue.changed', emptyQueue));
    await waitFor(() => expect(calls(desk, 'queue.list').length).toBe(before + 1));
  });
});

describe('row actions by role', () => {
  it('an operator retries and handles refusals, but does not resolve', async () => {
    renderQueue('operator');
    await screen.findByText('20261123-0001');
    expect(buttonsOf('1')).toEqual(['尝试记录', '立即重试']);
    expect(buttonsOf('2')).toEqual(['尝试记录', '立即重试']);
    expect(buttonsOf('3')).toEqual(['尝试记录', '退回处理']);
    expect(buttonsOf('5')).toEqual(['尝试记录']);
    expect(buttonsOf('6')).toEqual(['尝试记录']);
    expect(screen.getByRole('button', { name: '全部立即重试' })).toBeTruthy();
  });

  it('a reviewer resolves and fills in serials, but does not retry', async () => {
    renderQueue('reviewer');
    await screen.findByText('20261123-0001');
    expect(buttonsOf('1')).toEqual(['尝试记录']);
    expect(buttonsOf('2')).toEqual(['尝试记录', '核实处理']);
    expect(buttonsOf('3')).toEqual(['尝试记录']);
    expect(buttonsOf('5')).toEqual(['尝试记录', '补录流水号']);
    expect(screen.queryByRole('button', { name: '全部立即重试' })).toBeNull();
  });

  it('an administrator gets both', async () => {
    renderQueue('admin');
    await screen.findByText('20261123-0001');
    expect(buttonsOf('2')).toEqual(['尝试记录', '立即重试', '核实处理']);
  });

  it('立即重试 makes that entry due now', async () => {
    const desk = renderQueue('operator');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row('1')).getByRole('button', { name: '立即重试' }));
    await waitFor(() => expect(calls(desk, 'queue.retryNow')).toEqual([{ entryId: '1' }]));
  });
});

describe('尝试记录', () => {
  it('shows every attempt with msgid, China times, duration, outcome and the platform message', async () => {
    const desk = renderQueue('reviewer');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row('4')).getByRole('button', { name: '尝试记录' }));
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByText('H34010100001202611231405000002');
    expect(calls(desk, 'queue.attempts')).toEqual([{ entryId: '4' }]);
    const rows = within(drawer).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows[0]!.slice(0, 3)).toEqual(['2026-11-23 14:00:00', '2026-11-23 14:00:00', '150毫秒']);
    expect(rows[0]!.slice(4)).toEqual(['未发出', '未能连接医保平台（ECONNREFUSED）']);
    expect(rows[1]!.slice(2)).toEqual(['1.7秒', 'H34010100001202611231405000002', '成功', '交易成功']);
  });
});

describe('核实处理', () => {
  it('requires a reason and the serial when the upload was found, then resolves it as done', async () => {
    const desk = renderQueue('reviewer');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row('2')).getByRole('button', { name: '核实处理' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('已在平台找到（填写平台备案流水号）'));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await within(dialog).findByText('请填写核实说明');
    await within(dialog).findByText('请填写在医保平台查到的备案流水号');
    expect(calls(desk, 'queue.resolveUncertain')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('平台备案流水号'), { target: { value: '340100202611231400000001' } });
    fireEvent.change(within(dialog).getByLabelText('核实说明'), { target: { value: '已在平台查到' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(calls(desk, 'queue.resolveUncertain')).toEqual([{ entryId: '2', resolution: 'done', serial: '340100202611231400000001', reason: '已在平台查到' }]),
    );
  });

  it('sends it again when the platform has no record, without a serial', async () => {
    const desk = renderQueue('admin');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row('2')).getByRole('button', { name: '核实处理' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByLabelText('平台无记录，重新上传'));
    expect(within(dialog).queryByLabelText('平台备案流水号')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('核实说明'), { target: { value: '平台查无此备案' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(calls(desk, 'queue.resolveUncertain')).toEqual([{ entryId: '2', resolution: 'pending', reason: '平台查无此备案' }]));
  });
});

describe('被退回', () => {
  it("shows the platform's message, offers the fix in the editor, and resubmits unchanged", async () => {
    const desk = renderQueue('operator');
    await screen.findByText('20261123-0001');
    fireEvent.click(within(row('3')).getByRole('button', { name: '退回处理' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('rejected-reason').textContent).toContain('该参保人已有转往上海演练肿瘤医院的有效转院备案，请勿重复备案');
    expect(dialog.textContent).toContain(FIX_NOTICE);
    expect(within(dialog).getByRole('button', { name: '修改备案' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '按原内容重新提交' }));
    await waitFor(() => expect(calls(desk, 'queue.retryNow')).toEqual([{ entryId: '3' }]));
  });
});

describe('平台维护时段', () => {
  it('lists windows in Beijing time for everyone; only an administrator schedules or cancels', async () => {
    renderQueue('operator');
    const panel = await screen.findByTestId('maintenance-panel');
    const future = (await within(panel).findByText('医保信息平台切换（演练）')).closest('tr')!;
    expect(within(future).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2030-12-11 18:00', '2030-12-12 08:00', '医保信息平台切换（演练）', '已计划']);
    expect(within(panel).queryByRole('button', { name: '计划维护' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: '取消' })).toBeNull();
  });

  it('lets an administrator cancel a scheduled window after confirming', async () => {
    const desk = renderQueue('admin');
    const panel = await screen.findByTestId('maintenance-panel');
    const future = (await within(panel).findByText('医保信息平台切换（演练）')).closest('tr')!;
    const ended = within(panel).getByText('医保信息平台切换，旧系统停用').closest('tr')!;
    expect(within(ended).queryByRole('button', { name: '取消' })).toBeNull();
    fireEvent.click(within(future).getByRole('button', { name: '取消' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认取消' }));
    await waitFor(() => expect(calls(desk, 'maintenance.cancel')).toEqual([{ id: 'w2' }]));
  });

  it('schedules in Beijing time: the proposed window is the next full hour, sent as Beijing wall-clock text', async () => {
    const desk = renderQueue('admin');
    const panel = await screen.findByTestId('maintenance-panel');
    fireEvent.click(within(panel).getByRole('button', { name: '计划维护' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await within(dialog).findByText('请填写维护说明');
    expect(calls(desk, 'maintenance.schedule')).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText('维护说明'), { target: { value: '医保信息平台升级' } });
    const before = businessDateTime(new Date());
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls(desk, 'maintenance.schedule')).toHaveLength(1));
    const sent = calls(desk, 'maintenance.schedule')[0] as RequestOf<'maintenance.schedule'>;
    // The next full hour after "now" in Beijing, whatever the machine's zone (Los Angeles here).
    const nextHour = new Date(Date.parse(`${before.slice(0, 13).replace(' ', 'T')}:00:00+08:00`) + 3_600_000);
    expect(sent).toEqual({ startsAt: businessDateTime(nextHour).slice(0, 16), endsAt: businessDateTime(new Date(nextHour.getTime() + 2 * 3_600_000)).slice(0, 16), note: '医保信息平台升级' });
  });
});
