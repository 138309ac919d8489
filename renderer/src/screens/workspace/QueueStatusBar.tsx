// The platform and the upload queue at a glance, on every logged-in screen: is the platform
// reachable, what is waiting and for how long, what needs a person, and how a replay is going.
import { Button, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '../../format/dates';
import { useNow } from '../../hooks/useNow';
import { formatRate, formatWaited } from '../queue/format';
import { PLATFORM_STATE_COLORS, platformStateLabel } from '../queue/labels';
import type { ReplayProgress } from '../queue/replay';
import type { DeskStatus } from '../queue/useDeskStatus';

export interface QueueStatusBarProps {
  status: DeskStatus;
  /** Opens the 上传队列 screen. */
  onOpenQueue?: (() => void) | undefined;
}

/** 正在补传 12 / 20 (after an outage) or 正在上传 12 / 20 (a backlog draining). */
export function replayLabel(r: ReplayProgress): string {
  return `${r.afterOutage ? '正在补传' : '正在上传'} ${r.processed} / ${r.total}`;
}

function ReplayBar({ replay }: { replay: ReplayProgress }) {
  return (
    <span data-testid="replay-progress" style={{ display: 'inline-flex', alignItems: 'center', gap: 8, whiteSpace: 'nowrap' }}>
      <Typography.Text strong style={{ color: '#1677ff' }}>
        {replayLabel(replay)}
      </Typography.Text>
      <Progress
        percent={replay.total ? Math.floor((replay.processed * 100) / replay.total) : 0}
        size={{ width: 140 }}
        showInfo={false}
        status="active"
        style={{ width: 140, margin: 0, lineHeight: 1 }}
      />
      {replay.perMinute !== null && <Typography.Text type="secondary">{formatRate(replay.perMinute)}</Typography.Text>}
    </span>
  );
}

export function QueueStatusBar({ status, onOpenQueue }: QueueStatusBarProps) {
  const { stats, statsError, platform, replay } = status;
  const now = useNow(30_000);
  const lastSuccess = stats?.lastSuccessAt ?? null;
  return (
    <div
      data-testid="queue-status"
      style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '6px 24px', background: '#fff', borderBottom: '1px solid #e8ebf0', flexWrap: 'wrap' }}
    >
      {platform && (
        <Tooltip title={platform.message ?? undefined}>
          <Tag color={PLATFORM_STATE_COLORS[platform.state]} data-testid="platform-state" style={{ marginInlineEnd: 0 }}>
            {platformStateLabel(platform.state, platform.configured)}
          </Tag>
        </Tooltip>
      )}
      <Typography.Text strong>上传队列</Typography.Text>
      {statsError && <Typography.Text type="danger">{statsError}</Typography.Text>}
      {!stats && !statsError && <Typography.Text type="secondary">正在读取…</Typography.Text>}
      {stats && (
        <Space size={4} wrap>
          <Tag color={stats.pending ? 'gold' : 'default'}>待上传 {stats.pending}</Tag>
          {stats.inFlight > 0 && <Tag color="processing">上传中 {stats.inFlight}</Tag>}
          <Tag color={stats.uncertain ? 'orange' : 'default'}>待核实 {stats.uncertain}</Tag>
          <Tag color={stats.rejected ? 'error' : 'default'}>被退回 {stats.rejected}</Tag>
          {stats.oldestPendingAt && (
            <Typography.Text type="secondary" title={formatDateTime(stats.oldestPendingAt)} data-testid="oldest-pending">
              最早一条已等待 {formatWaited(stats.oldestPendingAt, now)}
            </Typography.Text>
          )}
          {lastSuccess && <Typography.Text type="secondary">最近成功上传 {formatDateTime(lastSuccess)}</Typography.Text>}
        </Space>
      )}
      {replay && <ReplayBar replay={replay} />}
      {onOpenQueue && (
        <Button type="link" size="small" onClick={onOpenQueue} style={{ marginLeft: 'auto', paddingInline: 0 }}>
          查看上传队列
        </Button>
      )}
    </div>
  );
}
