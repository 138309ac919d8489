// 尝试记录: every send and every check of one queue entry, with the msgid the platform logged, the
// times (CST), how long it took, the outcome and the platform's own message.
import { Alert, Drawer, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { QueueAttemptDto, QueueEntryDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { useDeskEvent } from '../../hooks/useDeskEvent';
import { formatDuration, formatSeconds } from './format';
import { outcomeColor, outcomeLabel } from './labels';

const columns: TableColumnsType<QueueAttemptDto> = [
  { title: '开始时间', dataIndex: 'startedAt', width: 165, render: (at: string) => formatSeconds(at) },
  { title: '结束时间', dataIndex: 'finishedAt', width: 165, render: (at: string | null) => (at ? formatSeconds(at) : '—') },
  { title: '耗时', dataIndex: 'durationMs', width: 80, render: (ms: number | null) => formatDuration(ms) },
  {
    title: '报文ID（msgid）',
    dataIndex: 'msgid',
    width: 250,
    render: (msgid: string | null) => (msgid ? <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>{msgid}</Typography.Text> : <Typography.Text type="secondary">未发出</Typography.Text>),
  },
  { title: '结果', dataIndex: 'outcome', width: 130, render: (o: string | null) => <Tag color={outcomeColor(o)}>{outcomeLabel(o)}</Tag> },
  { title: '平台信息 / 说明', dataIndex: 'message', render: (m: string | null) => m ?? '—' },
];

export interface AttemptsDrawerProps {
  entry: QueueEntryDto | null;
  onClose: () => void;
}

export function AttemptsDrawer({ entry, onClose }: AttemptsDrawerProps) {
  const api = useApi();
  const [attempts, setAttempts] = useState<QueueAttemptDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const entryId = entry?.id ?? null;

  useEffect(() => {
    setAttempts(null);
    setError(null);
  }, [entryId]);

  useEffect(() => {
    if (!entryId) return;
    let live = true;
    void api.invoke('queue.attempts', { entryId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setAttempts(r.value);
        setError(null);
      } else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [api, entryId, version]);

  // A new attempt settles while the drawer is open: show it.
  useDeskEvent('filing.changed', (p) => {
    if (entry && p.id === entry.filingId) setVersion((v) => v + 1);
  });

  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      size={1040}
      destroyOnHidden
      title={entry ? `尝试记录：${entry.filingLocalNo ?? '—'} ${entry.personName ?? ''}（${entry.kindLabel}）` : '尝试记录'}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={attempts ?? []}
        loading={attempts === null && !error}
        pagination={false}
        locale={{ emptyText: '尚未尝试上传' }}
      />
    </Drawer>
  );
}
