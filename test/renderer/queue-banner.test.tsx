// The outage banner and the status bar on the logged-in desk: offline vs maintenance wording, the
// counts and ages, live updates from pushes, and 立即重试 only for roles that may call it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MaintenanceWindowDto, OperatorDto, PlatformStatusDto, ResponseOf } from '../../shared/contract';
import { OFFLINE_TITLE, outageBannerContent } from '../../renderer/src/screens/queue/OutageBanner';
import type { PlatformView } from '../../renderer/src/screens/queue/useDeskStatus';
import { Workspace } from '../../renderer/src/screens/workspace/Workspace';
import { emptyQueue, fakeDesk } from './fakeDesk';

const institution = { code: 'H34010100001', name: '合肥市第一人民医院', regionCode: '340100' };
const person = (role: OperatorDto['role']): OperatorDto => ({ id: 'op1', username: 'u1', displayName: '王经办', role, active: true });

// The 2021 Hefei cut-over (seed 001): 2021-11-30 18:00 to 2021-12-12 08:00, Beijing time.
const cutOver: MaintenanceWindowDto = {
  id: 'w1',
  startsAt: '2021-11-30T10:00:00.000Z',
  endsAt: '2021-12-12T00:00:00.000Z',
  note: '医保信息平台切换，旧系统停用',
  createdBy: 'op1',
  createdAt: '2021-11-01T00:00:00.000Z',
  cancelledAt: null,
  state: 'open',
};

const view = (over: Partial<PlatformView>): PlatformView => ({
  configured: true,
  state: 'online',
  message: null,
  window: null,
  nextWindow: null,
  lastSuccessAt: null,
  nextProbeAt: null,
  ...over,
});

function status(over: Partial<PlatformStatusDto> = {}): PlatformStatusDto {
  return { ...view({}), breaker: 'closed', concurrency: 4, counts: emptyQueue, ...over };
}

describe('the outage banner text', () => {
  const now = new Date('2021-12-01T02:00:00.000Z');

  it('tells operators to keep working while the platform is unreachable', () => {
    const c = outageBannerContent(view({ state: 'offline', message: '医保平台连接中断（ECONNREFUSED），上传已暂停，恢复后自动续传', lastSuccessAt: '2021-12-01T01:00:00.000Z' }), now)!;
    expect(c.title).toBe('医保平台暂时无法连接：备案照常保存和打印，恢复后自动按顺序上传，无需重复录入');
    expect(c.description).toBe('医保平台连接中断（ECONNREFUSED），上传已暂停，恢复后自动续传；最近一次连通 2021-12-01 09:00');
  });

  it('names the end of the maintenance window in Beijing time, and its note', () => {
    const c = outageBannerContent(view({ state: 'maintenance', window: cutOver }), now)!;
    expect(c.type).toBe('warning');
    expect(c.title).toBe('医保平台维护中（至 12月12日 08:00）：备案照常保存和打印，维护结束后自动按顺序上传，无需重复录入');
    expect(c.description).toBe('维护说明：医保信息平台切换，旧系统停用');
  });

  it('announces a window starting within a day, and says nothing while the platform is online otherwise', () => {
    const upcoming = outageBannerContent(view({ nextWindow: { ...cutOver, state: 'scheduled' } }), new Date('2021-11-30T02:00:00.000Z'))!;
    expect(upcoming.type).toBe('info');
    expect(upcoming.title).toContain('医保平台计划维护：11月30日 18:00 至 12月12日 08:00（北京时间）');
    expect(outageBannerContent(view({ nextWindow: { ...cutOver, state: 'scheduled' } }), new Date('2021-11-20T02:00:00.000Z'))).toBeNull();
    expect(outageBannerContent(view({}), now)).toBeNull();
    expect(outageBannerContent(view({ state: 'unknown', configured: false, message: '未配置医保平台' }), now)).toBeNull();
    expect(outageBannerContent(null, now)).toBeNull();
  });
});

function renderDesk(role: OperatorDto['role'], platform: () => PlatformStatusDto, stats: ResponseOf<'queue.stats'> = emptyQueue) {
  const desk = fakeDesk({
    'queue.stats': () => ({ ok: true, value: stats }),
    'platform.status': () => ({ ok: true, value: platform() }),
    'filing.list': () => ({ ok: true, value: { total: 0, items: [] } }),
    'queue.retryNow': () => ({ ok: true, value: { requeued: 3 } }),
  });
  render(desk.wrap(<Workspace institution={institution} operator={person(role)} onLogout={() => {}} />));
  return desk;
}

const banner = () => screen.queryByTestId('outage-banner');
const bar = () => screen.getByTestId('queue-status').textContent ?? '';

describe('the desk while the platform is down', () => {
  it('shows 平台离线, the banner and the counts, and 立即重试 wakes the queue', async () => {
    const oldest = new Date(Date.now() - (3 * 60 + 12) * 60_000).toISOString();
    const stats = { ...emptyQueue, pending: 20, uncertain: 1, rejected: 2, oldestPendingAt: oldest, lastSuccessAt: '2026-11-23T01:00:00.000Z' };
    const desk = renderDesk('operator', () => status({ state: 'offline', breaker: 'open', message: '医保平台连接中断', counts: stats }), stats);
    await waitFor(() => expect(bar()).toContain('平台离线'));
    expect(bar()).toContain('待上传 20');
    expect(bar()).toContain('待核实 1');
    expect(bar()).toContain('被退回 2');
    expect(bar()).toContain('最早一条已等待 3小时12分');
    expect(bar()).toContain('最近成功上传 2026-11-23 09:00');
    expect(banner()?.textContent).toContain(OFFLINE_TITLE);
    fireEvent.click(screen.getByRole('button', { name: '立即重试' }));
    await waitFor(() => expect(desk.invoke).toHaveBeenCalledWith('queue.retryNow', {}));
  });

  it('does not offer 立即重试 to a reviewer (queue.retryNow is for operators and administrators)', async () => {
    renderDesk('reviewer', () => status({ state: 'offline' }));
    await waitFor(() => expect(banner()?.textContent).toContain(OFFLINE_TITLE));
    expect(screen.queryByRole('button', { name: '立即重试' })).toBeNull();
  });

  it('follows platform.state pushes: maintenance with the window read again, then online with no banner', async () => {
    let current = status();
    const desk = renderDesk('admin', () => current);
    await waitFor(() => expect(bar()).toContain('平台在线'));
    expect(banner()).toBeNull();

    current = status({ state: 'maintenance', window: cutOver });
    act(() => desk.emit('platform.state', { state: 'maintenance', message: '平台维护中' }));
    expect(bar()).toContain('维护中');
    // Today is not in 2021: the end carries its year.
    await waitFor(() => expect(banner()?.textContent).toContain('医保平台维护中（至 2021年12月12日 08:00）'));
    expect(banner()?.textContent).toContain('维护说明：医保信息平台切换，旧系统停用');
    expect(screen.queryByRole('button', { name: '立即重试' })).toBeNull(); // nothing to retry in a window

    current = status();
    act(() => desk.emit('platform.state', { state: 'online' }));
    await waitFor(() => expect(banner()).toBeNull());
    expect(bar()).toContain('平台在线');
  });

  it('shows the replay draining after the outage, from queue.changed pushes alone', async () => {
    const desk = renderDesk('operator', () => status({ state: 'offline', counts: { ...emptyQueue, pending: 20 } }), { ...emptyQueue, pending: 20 });
    await waitFor(() => expect(bar()).toContain('平台离线'));
    act(() => desk.emit('platform.state', { state: 'online' }));
    act(() => desk.emit('queue.changed', { ...emptyQueue, pending: 16, inFlight: 4 }));
    act(() => desk.emit('queue.changed', { ...emptyQueue, pending: 8, inFlight: 4, done: 8 }));
    await waitFor(() => expect(screen.getByTestId('replay-progress').textContent).toContain('正在补传 8 / 20'));
    act(() => desk.emit('queue.changed', { ...emptyQueue, done: 20 }));
    expect(screen.queryByTestId('replay-progress')).toBeNull();
    expect(bar()).toContain('待上传 0');
  });
});
