// The upload queue at a glance, on every logged-in screen: what is waiting, what needs a person.
import { Space, Tag, Typography } from 'antd';
import { formatAge, formatDateTime } from '../../format/dates';
import { useNow } from '../../hooks/useNow';
import { useQueueStats } from './useQueueStats';

export function QueueStatusBar() {
  const { stats, error } = useQueueStats();
  const now = useNow(30_000);
  return (
    <div
      data-testid="queue-status"
      style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 24px', background: '#fff', borderBottom: '1px solid #e8ebf0', flexWrap: 'wrap' }}
    >
      <Typography.Text strong>上传队列</Typography.Text>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!stats && !error && <Typography.Text type="secondary">正在读取…</Typography.Text>}
      {stats && (
        <Space size={4} wrap>
          <Tag color={stats.pending ? 'gold' : 'default'}>待上传 {stats.pending}</Tag>
          {stats.inFlight > 0 && <Tag color="processing">上传中 {stats.inFlight}</Tag>}
          <Tag color={stats.uncertain ? 'orange' : 'default'}>待核实 {stats.uncertain}</Tag>
          <Tag color={stats.rejected ? 'error' : 'default'}>被退回 {stats.rejected}</Tag>
          {stats.oldestPendingAt && (
            <Typography.Text type="secondary" title={formatDateTime(stats.oldestPendingAt)}>
              最早一条已等待 {formatAge(stats.oldestPendingAt, now)}
            </Typography.Text>
          )}
          {stats.lastSuccessAt && <Typography.Text type="secondary">最近上传成功 {formatDateTime(stats.lastSuccessAt)}</Typography.Text>}
        </Space>
      )}
    </div>
  );
}
