// 办理记录: who did what, when (Beijing time), oldest first — created, reviewed, edited with the
// changed fields before → after, printed, every upload and check with its msgid and the platform's
// message, voided. Read from filing.timeline (audit log + the queue's attempt log).
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { TimelineEntryDto, TimelineKind } from '../../../../shared/contract/areas/workflow';
import type { FilingType } from '../../../../shared/domain/filing';
import { businessDateTime } from '../../../../shared/domain/time';
import { fieldLabel, fieldValue } from './fieldLabels';

const KIND_COLORS: Record<TimelineKind, string> = {
  created: 'blue',
  edited: 'cyan',
  review: 'purple',
  printed: 'gray',
  upload: 'blue',
  voided: 'red',
  other: 'gray',
};

function colorOf(entry: TimelineEntryDto): string {
  const outcome = entry.attempt?.outcome;
  if (entry.kind === 'review' && entry.action === 'review.return') return 'orange';
  if (outcome === 'ok' || outcome === 'reconcile_found' || outcome === 'operator_done') return 'green';
  if (outcome === 'rejected' || outcome === 'local_rejected') return 'red';
  if (outcome === 'unknown' || outcome === 'not_sent' || outcome === 'auth') return 'orange';
  return KIND_COLORS[entry.kind];
}

function seconds(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : businessDateTime(at);
}

function Changes({ entry, type }: { entry: TimelineEntryDto; type: FilingType }) {
  if (!entry.changes) return null;
  if (entry.changes.length === 0) return <Typography.Text type="secondary">内容未变</Typography.Text>;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }} data-testid="timeline-changes">
      {entry.changes.map((c) => (
        <li key={c.field}>
          {fieldLabel(c.field, type)}：<Typography.Text delete type="secondary">{fieldValue(c.field, c.before)}</Typography.Text> →{' '}
          <Typography.Text strong>{fieldValue(c.field, c.after)}</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

export function FilingTimeline({ entries, type }: { entries: TimelineEntryDto[]; type: FilingType }) {
  if (entries.length === 0) return <Empty description="暂无办理记录" />;
  return (
    <div data-testid="filing-timeline">
      <Timeline
        items={entries.map((e, i) => ({
          key: `${e.at}-${i}`,
          color: colorOf(e),
          content: (
            <div data-testid="timeline-entry">
              <div>
                <Typography.Text strong>{e.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {seconds(e.at)} · {e.actor ?? '上传队列'}
                </Typography.Text>
              </div>
              {e.detail && <div>{e.detail}</div>}
              {e.attempt && (e.attempt.msgid || e.attempt.durationMs) ? (
                <div>
                  {e.attempt.msgid ? (
                    <Typography.Text type="secondary" copyable={{ text: e.attempt.msgid }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                      msgid {e.attempt.msgid}
                    </Typography.Text>
                  ) : (
                    <Tag>未发出</Tag>
                  )}
                  {e.attempt.durationMs ? (
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                      {e.attempt.durationMs} ms
                    </Typography.Text>
                  ) : null}
                </div>
              ) : null}
              <Changes entry={e} type={type} />
            </div>
          ),
        }))}
      />
    </div>
  );
}
