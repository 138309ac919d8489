// Shown while the platform cannot take uploads: operators keep saving and printing, nothing needs to
// be typed again; the queue uploads in order once the platform answers (docs/queue.md).
import { Alert, Button } from 'antd';
import { formatDateTime } from '../../format/dates';
import { formatMonthDayTime } from './format';
import type { PlatformView } from './useDeskStatus';

export const KEEP_WORKING = '备案照常保存和打印，恢复后自动按顺序上传，无需重复录入';
export const KEEP_WORKING_MAINTENANCE = '备案照常保存和打印，维护结束后自动按顺序上传，无需重复录入';
export const OFFLINE_TITLE = `医保平台暂时无法连接：${KEEP_WORKING}`;

/** Within this time before a scheduled window, operators are told about it. */
export const UPCOMING_NOTICE_MS = 24 * 3_600_000;

export interface BannerContent {
  type: 'warning' | 'info';
  title: string;
  description: string | null;
}

/** What the banner says for this platform state; null when there is nothing to say. */
export function outageBannerContent(platform: PlatformView | null, now: Date = new Date()): BannerContent | null {
  if (!platform) return null;
  if (platform.state === 'maintenance') {
    const w = platform.window;
    return {
      type: 'warning',
      title: w ? `医保平台维护中（至 ${formatMonthDayTime(w.endsAt, now)}）：${KEEP_WORKING_MAINTENANCE}` : `医保平台维护中：${KEEP_WORKING_MAINTENANCE}`,
      description: w ? `维护说明：${w.note}` : platform.message,
    };
  }
  if (platform.state === 'offline') {
    const parts = [
      platform.message,
      platform.lastSuccessAt ? `最近一次连通 ${formatDateTime(platform.lastSuccessAt)}` : null,
    ].filter((p): p is string => Boolean(p));
    return { type: 'warning', title: OFFLINE_TITLE, description: parts.length ? parts.join('；') : null };
  }
  const next = platform.nextWindow;
  if (next && next.state === 'scheduled' && Date.parse(next.startsAt) - now.getTime() <= UPCOMING_NOTICE_MS) {
    return {
      type: 'info',
      title: `医保平台计划维护：${formatMonthDayTime(next.startsAt, now)} 至 ${formatMonthDayTime(next.endsAt, now)}（北京时间），维护期间${KEEP_WORKING_MAINTENANCE}`,
      description: `维护说明：${next.note}`,
    };
  }
  return null;
}

export interface OutageBannerProps {
  platform: PlatformView | null;
  /** 立即重试 (queue.retryNow): offered to roles that may call it, while the platform is offline. */
  onRetry?: (() => void) | undefined;
  retrying?: boolean;
}

export function OutageBanner({ platform, onRetry, retrying }: OutageBannerProps) {
  const content = outageBannerContent(platform);
  if (!content) return null;
  return (
    <Alert
      banner
      showIcon
      type={content.type}
      data-testid="outage-banner"
      title={content.title}
      description={content.description ?? undefined}
      action={
        platform?.state === 'offline' && onRetry ? (
          <Button size="small" loading={retrying} onClick={onRetry}>
            立即重试
          </Button>
        ) : undefined
      }
    />
  );
}
