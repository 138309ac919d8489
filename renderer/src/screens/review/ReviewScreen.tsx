// 复核 (reviewers and administrators, where the profile requires review — Sanming: 审核人员复核通过):
// filings waiting for a second person, and those returned to their filer. Opening one shows the whole
// filing with its timeline; 复核通过 queues the upload, 退回 sends it back with a reason.
import { Alert, Button, Card, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { OperatorDto } from '../../../../shared/contract';
import { FILING_TYPE_LABELS, type FilingSummary } from '../../../../shared/domain/filing';
import { regionLabel } from '../../../../shared/domain/regions';
import { useChannelQuery } from '../../api/usePagedQuery';
import { formatDateTime } from '../../format/dates';
import { FilingDetailDrawer } from '../filing-detail/FilingDetailDrawer';

export type ReviewFilter = 'pending_review' | 'returned';

const FILTER_LABELS: Record<ReviewFilter, string> = { pending_review: '待复核', returned: '已退回（待经办人修改）' };

export function ReviewScreen({ operator }: { operator: OperatorDto }) {
  const [filter, setFilter] = useState<ReviewFilter>('pending_review');
  const { data: items, loading, error, reload } = useChannelQuery('review.list', { status: filter }, { initial: [], onQueueChange: false });
  const [open, setOpen] = useState<string | null>(null);

  const columns = useMemo<TableColumnsType<FilingSummary>>(
    () => [
      { title: '本地编号', dataIndex: 'localNo', width: 140 },
      { title: '姓名', dataIndex: 'personName', width: 90 },
      { title: '证件号', dataIndex: 'certNoMasked', width: 170 },
      { title: '备案类型', dataIndex: 'type', width: 150, render: (t: FilingSummary['type']) => FILING_TYPE_LABELS[t] },
      {
        title: '地区',
        dataIndex: 'destinationLabel',
        width: 120,
        render: (label: string | null, f) => label ?? (f.destinationRegion ? regionLabel(f.destinationRegion) : '—'),
      },
      { title: '开始日期', dataIndex: 'startDate', width: 105 },
      { title: '经办时间', dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
      {
        title: '操作',
        key: 'actions',
        width: 90,
        render: (_: unknown, f) => (
          <Button type="link" size="small" onClick={() => setOpen(f.id)}>
            {filter === 'pending_review' ? '复核' : '查看'}
          </Button>
        ),
      },
    ],
    [filter],
  );

  return (
    <Card title="复核" extra={<Button onClick={reload}>刷新</Button>}>
      <Typography.Paragraph type="secondary">
        按政策配置需要复核的备案，由经办人以外的复核员核对后通过（随即排队上传医保平台）或退回（写明原因，经办人修改后重新提交）。
      </Typography.Paragraph>
      <Segmented<ReviewFilter>
        aria-label="复核状态"
        value={filter}
        onChange={setFilter}
        options={(['pending_review', 'returned'] as const).map((f) => ({ value: f, label: FILTER_LABELS[f] }))}
        style={{ marginBottom: 16 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table
        data-testid="review-list"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        scroll={{ x: 1000 }}
        onRow={(f) => ({ onDoubleClick: () => setOpen(f.id) })}
        locale={{ emptyText: filter === 'pending_review' ? '没有待复核的备案' : '没有被退回的备案' }}
        pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 条` }}
      />
      <FilingDetailDrawer filingId={open} operator={operator} review onClose={() => setOpen(null)} />
    </Card>
  );
}
