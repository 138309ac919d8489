// The queue's words: outbox statuses, platform states and attempt outcomes as operators read them.
import { describe, expect, it } from 'vitest';
import { QUEUE_STATUSES } from '../../shared/domain/filing';
import {
  countOf,
  outcomeLabel,
  platformStateLabel,
  QUEUE_FILTERS,
  QUEUE_STATUS_LABELS,
  queueFilterLabel,
  serialMissing,
} from '../../renderer/src/screens/queue/labels';
import { nextAttemptText, rowActions } from '../../renderer/src/screens/queue/QueueScreen';

describe('queue status labels', () => {
  it('maps every outbox status to the Chinese label of docs/queue.md', () => {
    expect(Object.fromEntries(QUEUE_STATUSES.map((s) => [s, QUEUE_STATUS_LABELS[s]]))).toEqual({
      pending: '待上传',
      in_flight: '上传中',
      uncertain: '待核实',
      done: '已上传',
      rejected: '被退回',
      cancelled: '已撤销',
    });
  });

  it('offers 全部 and every status as filters, in the contract order', () => {
    expect(QUEUE_FILTERS.map(queueFilterLabel)).toEqual(['全部', '待上传', '上传中', '待核实', '已上传', '被退回', '已撤销']);
  });

  it('reads the count of each status from queue.stats (in_flight is inFlight)', () => {
    const stats = { pending: 1, inFlight: 2, uncertain: 3, done: 4, rejected: 5, cancelled: 6 };
    expect(QUEUE_STATUSES.map((s) => countOf(stats, s))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('names the platform states, and a desk without a platform', () => {
    expect(platformStateLabel('online', true)).toBe('平台在线');
    expect(platformStateLabel('offline', true)).toBe('平台离线');
    expect(platformStateLabel('maintenance', true)).toBe('维护中');
    expect(platformStateLabel('unknown', true)).toBe('正在连接平台');
    expect(platformStateLabel('unknown', false)).toBe('未配置医保平台');
  });

  it('names attempt outcomes, checks and hand resolutions', () => {
    expect(outcomeLabel('ok')).toBe('成功');
    expect(outcomeLabel('rejected')).toBe('平台退回');
    expect(outcomeLabel('not_sent')).toBe('未发出');
    expect(outcomeLabel('unknown')).toBe('结果未知');
    expect(outcomeLabel('local_rejected')).toBe('本机拒绝（未发送）');
    expect(outcomeLabel('reconcile_found')).toBe('核实：平台已有');
    expect(outcomeLabel('reconcile_absent')).toBe('核实：平台无记录');
    expect(outcomeLabel('reconcile_not_sent')).toBe('核实查询失败');
    expect(outcomeLabel('operator_done')).toBe('人工核实：平台已有');
    expect(outcomeLabel('operator_requeued')).toBe('重新提交');
    expect(outcomeLabel(null)).toBe('进行中');
    expect(outcomeLabel('something_new')).toBe('something_new');
  });

  it('marks an upload that is on the platform without its serial as 流水号待补', () => {
    expect(serialMissing({ kind: 'filing.create', status: 'done', platformRef: null })).toBe(true);
    expect(serialMissing({ kind: 'filing.create', status: 'done', platformRef: 'S1' })).toBe(false);
    expect(serialMissing({ kind: 'filing.cancel', status: 'done', platformRef: null })).toBe(false);
    expect(serialMissing({ kind: 'filing.create', status: 'uncertain', platformRef: null })).toBe(false);
  });
});

describe('queue row actions by role (the contract access lists)', () => {
  const entry = (status: (typeof QUEUE_STATUSES)[number], platformRef: string | null = 'S1') => ({ status, kind: 'filing.create', platformRef });

  it('gives an operator retry and resubmit, never 核实处理', () => {
    expect(rowActions('operator', entry('pending'))).toEqual({ attempts: true, retryNow: true, resubmit: false, resolve: false, fillSerial: false });
    expect(rowActions('operator', entry('uncertain'))).toMatchObject({ retryNow: true, resolve: false });
    expect(rowActions('operator', entry('rejected'))).toMatchObject({ resubmit: true, retryNow: false });
    expect(rowActions('operator', entry('done', null))).toMatchObject({ fillSerial: false });
  });

  it('gives a reviewer 核实处理 and 补录流水号, never retry', () => {
    expect(rowActions('reviewer', entry('uncertain'))).toEqual({ attempts: true, retryNow: false, resubmit: false, resolve: true, fillSerial: false });
    expect(rowActions('reviewer', entry('rejected'))).toMatchObject({ resubmit: false });
    expect(rowActions('reviewer', entry('done', null))).toMatchObject({ fillSerial: true });
  });

  it('gives an administrator everything the status allows', () => {
    expect(rowActions('admin', entry('uncertain'))).toMatchObject({ retryNow: true, resolve: true });
    expect(rowActions('admin', entry('in_flight'))).toEqual({ attempts: true, retryNow: false, resubmit: false, resolve: false, fillSerial: false });
    expect(rowActions('admin', entry('done'))).toEqual({ attempts: true, retryNow: false, resubmit: false, resolve: false, fillSerial: false });
  });
});

describe('下次尝试', () => {
  const now = new Date('2026-11-23T06:00:00.000Z');
  it('says why a waiting entry waits, or when it is tried next (China time)', () => {
    expect(nextAttemptText({ status: 'pending', nextAttemptAt: '2026-11-23T06:05:00.000Z' }, 'online', now)).toBe('2026-11-23 14:05');
    expect(nextAttemptText({ status: 'pending', nextAttemptAt: '2026-11-23T05:00:00.000Z' }, 'online', now)).toBe('即将');
    expect(nextAttemptText({ status: 'pending', nextAttemptAt: '2026-11-23T06:05:00.000Z' }, 'offline', now)).toBe('平台恢复后');
    expect(nextAttemptText({ status: 'uncertain', nextAttemptAt: '2026-11-23T06:05:00.000Z' }, 'maintenance', now)).toBe('维护结束后');
    expect(nextAttemptText({ status: 'in_flight', nextAttemptAt: null }, 'online', now)).toBe('正在上传');
    expect(nextAttemptText({ status: 'done', nextAttemptAt: null }, 'online', now)).toBe('—');
  });
});
