// 上传队列: every upload and cancel the desk owes the platform, by status, with what happened to it
// and what a person can do: look at the attempts, retry now, resolve an unknown outcome (reviewers),
// resubmit a refused one. Actions a role may not call are not shown (the main side refuses them too).
import { Alert, App, Button, Card, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { QueueEntryDto, QueueStatsDto, Role } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { useApi } from '../../api/ApiContext';
import { formatDateTime } from '../../format/dates';
import { MaintenancePanel } from '../maintenance/MaintenancePanel';
import { AttemptsDrawer } from './AttemptsDrawer';
import { countOf, QUEUE_FILTERS, QUEUE_STATUS_COLORS, QUEUE_STATUS_LABELS, queueFilterLabel, serialMissing, type PlatformState, type QueueFilter } from './labels';
import { RejectedDialog } from './RejectedDialog';
import { ResolveDialog } from './ResolveDialog';
import { useQueuePage } from './useQueuePage';

export const MAINTENANCE_HOLD = '平台维护期间上传暂停，维护结束后自动上传';

/** Which row actions a role gets for an entry (the contract's access lists decide). */
export function rowActions(role: Role, entry: Pick<QueueEntryDto, 'status' | 'kind' | 'platformRef'>) {
  const retry = canCall(role, 'queue.retryNow');
  const resolve = canCall(role, 'queue.resolveUncertain');
  return {
    attempts: canCall(role, 'queue.attempts'),
    retryNow: retry && (entry.status === 'pending' || entry.status === 'uncertain'),
    resubmit: retry && entry.status === 'rejected',
    resolve: resolve && entry.status === 'uncertain',
    fillSerial: resolve && serialMissing(entry),
  };
}

/** 下次尝试: a time, or why there is none. */
export function nextAttemptText(entry: Pick<QueueEntryDto, 'status' | 'nextAttemptAt'>, platform: PlatformState | null, now: Date): string {
  if (entry.status === 'in_flight') return '正在上传';
  if (!entry.nextAttemptAt || (entry.status !== 'pending' && entry.status !== 'uncertain')) return '—';
  if (platform === 'maintenance') return '维护结束后';
  if (platform === 'offline') return '平台恢复后';
  return Date.parse(entry.nextAttemptAt) <= now.getTime() ? '即将' : formatDateTime(entry.nextAttemptAt);
}

export interface QueueScreenProps {
  role: Role;
  stats: QueueStatsDto | null;
  platformState: PlatformState | null;
  /** Maintenance windows are listed on this screen; administrators schedule and cancel them here. */
  showMaintenance?: boolean;
}

export function QueueScreen({ role, stats, platformState, showMaintenance = true }: QueueScreenProps) {
  const api = useApi();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<QueueFilter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, loading, error, reload } = useQueuePage({ filter, page, pageSize });
  const [attemptsOf, setAttemptsOf] = useState<QueueEntryDto | null>(null);
  const [resolving, setResolving] = useState<QueueEntryDto | null>(null);
  const [rejected, setRejected] = useState<QueueEntryDto | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const canRetry = canCall(role, 'queue.retryNow');

  async function retry(entryId?: string) {
    setRetrying(entryId ?? '*');
    const r = await api.invoke('queue.retryNow', entryId ? { entryId } : {});
    setRetrying(null);
    if (!r.ok) return void message.error(r.message);
    message.success(entryId ? '已安排立即重试' : r.value.requeued ? `已安排 ${r.value.requeued} 条立即重试` : '已通知上传队列立即重试');
  }

  const columns = useMemo<TableColumnsType<QueueEntryDto>>(
    () => [
      { title: '本地编号', dataIndex: 'filingLocalNo', width: 140, render: (v: string | null) => v ?? '—' },
      { title: '姓名', dataIndex: 'personName', width: 90, render: (v: string | null) => v ?? '—' },
      { title: '事项', dataIndex: 'kindLabel', width: 90 },
      {
        title: '状态',
        dataIndex: 'status',
        width: 130,
        render: (_: unknown, e) => (
          <>
            <Tag color={QUEUE_STATUS_COLORS[e.status]}>{QUEUE_STATUS_LABELS[e.status]}</Tag>
            {serialMissing(e) && <Tag color="orange">流水号待补</Tag>}
          </>
        ),
      },
      { title: '尝试次数', dataIndex: 'attemptsStarted', width: 80, align: 'right' },
      {
        title: '最近问题（平台信息）',
        dataIndex: 'lastError',
        render: (v: string | null) =>
          v ? (
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
              {v}
            </Typography.Paragraph>
          ) : (
            '—'
          ),
      },
      { title: '下次尝试', key: 'next', width: 140, render: (_: unknown, e) => nextAttemptText(e, platformState, new Date()) },
      {
        title: '平台流水号',
        dataIndex: 'platformRef',
        width: 250,
        render: (v: string | null) => (v ? <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{v}</Typography.Text> : '—'),
      },
      {
        title: '操作',
        key: 'actions',
        width: 230,
        fixed: 'right',
        render: (_: unknown, e) => {
          const can = rowActions(role, e);
          return (
            <Space size={0} wrap>
              {can.attempts && (
                <Button type="link" size="small" onClick={() => setAttemptsOf(e)}>
                  尝试记录
                </Button>
              )}
              {can.retryNow && (
                <Button
                  type="link"
                  size="small"
                  loading={retrying === e.id}
                  disabled={platformState === 'maintenance'}
                  title={platformState === 'maintenance' ? MAINTENANCE_HOLD : undefined}
                  onClick={() => void retry(e.id)}
                >
                  立即重试
                </Button>
              )}
              {can.resubmit && (
                <Button type="link" size="small" onClick={() => setRejected(e)}>
                  退回处理
                </Button>
              )}
              {can.resolve && (
                <Button type="link" size="small" onClick={() => setResolving(e)}>
                  核实处理
                </Button>
              )}
              {can.fillSerial && (
                <Button type="link" size="small" onClick={() => setResolving(e)}>
                  补录流水号
                </Button>
              )}
            </Space>
          );
        },
      },
    ],
    [role, platformState, retrying],
  );

  return (
    <>
      <Card
        title="上传队列"
        extra={
          <Space>
            {canRetry && (
              <Tooltip title={platformState === 'maintenance' ? MAINTENANCE_HOLD : '所有待上传、待核实的条目立即尝试；平台离线时立即检测是否恢复'}>
                <Button loading={retrying === '*'} disabled={platformState === 'maintenance'} onClick={() => void retry()}>
                  全部立即重试
                </Button>
              </Tooltip>
            )}
            <Button onClick={reload}>刷新</Button>
          </Space>
        }
      >
        <Segmented<QueueFilter>
          aria-label="按状态筛选"
          value={filter}
          onChange={(v) => {
            setFilter(v);
            setPage(1);
          }}
          options={QUEUE_FILTERS.map((f) => ({
            value: f,
            label: f === 'all' || !stats ? queueFilterLabel(f) : `${queueFilterLabel(f)} ${countOf(stats, f)}`,
          }))}
          style={{ marginBottom: 16 }}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Table
          data-testid="queue-entries"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data.items}
          loading={loading}
          scroll={{ x: 1300 }}
          locale={{ emptyText: filter === 'all' ? '上传队列为空' : `没有“${queueFilterLabel(filter)}”的条目` }}
          pagination={{
            current: page,
            pageSize,
            total: data.total,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (total) => `共 ${total} 条`,
            onChange: (p, size) => {
              setPage(size === pageSize ? p : 1);
              setPageSize(size);
            },
          }}
        />
      </Card>
      {showMaintenance && <MaintenancePanel role={role} />}
      <AttemptsDrawer entry={attemptsOf} onClose={() => setAttemptsOf(null)} />
      <ResolveDialog entry={resolving} onClose={() => setResolving(null)} />
      <RejectedDialog entry={rejected} onClose={() => setRejected(null)} />
    </>
  );
}
