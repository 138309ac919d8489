// The queue's and maintenance windows' channels through the dispatcher: shapes, roles, messages.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpDesk, type TestDesk } from '../helpers/desk';
import { FakePlatform } from './fakes';
import { create, syncDesk } from './helpers';

let desks: TestDesk[] = [];
afterEach(() => {
  for (const d of desks) d.close();
  desks = [];
});

describe('queue and maintenance channels', () => {
  it('lists queue entries with the filing local number, person and status, filtered by status', async () => {
    const t = await setUpDesk();
    desks.push(t);
    const id = await create(t, 1);
    const all = await t.desk.dispatch('queue.list', {}, t.admin);
    expect(all.ok && all.value.items).toEqual([
      expect.objectContaining({ filingId: id, kind: 'filing.create', kindLabel: '备案上传', personName: '测试1', status: 'pending', attemptsStarted: 0 }),
    ]);
    expect(all.ok && all.value.items[0]!.filingLocalNo).toMatch(/^\d{8}-0001$/);
    const done = await t.desk.dispatch('queue.list', { status: 'done' }, t.admin);
    expect(done.ok && done.value).toEqual({ total: 0, items: [] });
  });

  it('says plainly that nothing is uploaded when no platform is configured', async () => {
    const t = await setUpDesk();
    desks.push(t);
    const status = await t.desk.dispatch('platform.status', {}, t.admin);
    expect(status.ok && status.value).toMatchObject({ configured: false, state: 'unknown', window: null });
    expect(status.ok && status.value.message).toContain('未配置医保平台');
  });

  it('takes Beijing time for a maintenance window and lets only admins schedule one', async () => {
    const t = await syncDesk((time) => new FakePlatform(time.clock));
    desks.push(t);
    const operator = await t.addOperator('op1', 'operator');
    const window = { startsAt: '2027-11-30 18:00', endsAt: '2027-12-12 08:00', note: '新旧系统切换' };
    expect(await t.desk.dispatch('maintenance.schedule', window, operator)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const scheduled = await t.desk.dispatch('maintenance.schedule', window, t.admin);
    expect(scheduled.ok && scheduled.value).toMatchObject({ startsAt: '2027-11-30T10:00:00.000Z', endsAt: '2027-12-12T00:00:00.000Z', state: 'scheduled' });
    const status = await t.desk.dispatch('platform.status', {}, operator);
    expect(status.ok && status.value.nextWindow).toMatchObject({ note: '新旧系统切换' });
    const cancelled = await t.desk.dispatch('maintenance.cancel', { id: scheduled.ok ? scheduled.value.id : '' }, t.admin);
    expect(cancelled.ok && cancelled.value.state).toBe('cancelled');
    const listed = await t.desk.dispatch('maintenance.list', {}, operator);
    expect(listed.ok && listed.value.map((w) => w.state)).toEqual(['cancelled']);
  });

  it('refuses a window that ends before it starts, or a time it cannot read, naming the field', async () => {
    const t = await setUpDesk();
    desks.push(t);
    const backwards = await t.desk.dispatch('maintenance.schedule', { startsAt: '2027-12-12 08:00', endsAt: '2027-11-30 18:00', note: '切换' }, t.admin);
    expect(backwards).toMatchObject({ ok: false, fields: { endsAt: '结束时间应晚于开始时间' } });
    const garbled = await t.desk.dispatch('maintenance.schedule', { startsAt: '11/30 6pm', endsAt: '2027-11-30 18:00', note: '切换' }, t.admin);
    expect(garbled).toMatchObject({ ok: false, fields: { startsAt: expect.stringContaining('开始时间格式不正确') } });
  });

  it('lets operators retry but not resolve, and refuses to retry a finished entry', async () => {
    const t = await syncDesk((time) => new FakePlatform(time.clock));
    desks.push(t);
    const id = await create(t, 1);
    await t.time.advance(10);
    const listed = await t.desk.dispatch('queue.list', {}, t.admin);
    const entryId = listed.ok ? listed.value.items[0]!.id : '';
    expect(listed.ok && listed.value.items[0]).toMatchObject({ filingId: id, status: 'done', nextAttemptAt: null });
    const operator = await t.addOperator('op1', 'operator');
    expect(await t.desk.dispatch('queue.retryNow', {}, operator)).toEqual({ ok: true, value: { requeued: 0 } });
    expect(await t.desk.dispatch('queue.retryNow', { entryId }, operator)).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(await t.desk.dispatch('queue.resolveUncertain', { entryId, resolution: 'pending', reason: '核实' }, operator)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});
