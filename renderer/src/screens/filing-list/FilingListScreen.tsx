// 备案列表: the desk's filings, newest first, searchable by 身份证号 / 姓名 / 拼音首字母 / 本地编号 /
// 平台流水号 and filtered by type, status, upload state, filing date (CST) and operator (FilingFilters).
// A row's number opens the filing's detail (every field, 办理记录, 修改 / 作废 / 复核 as the role allows).
import { Alert, Button, Card, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { OperatorDto } from '../../../../shared/contract';
import type { FilingSummary } from '../../../../shared/domain/filing';
import { usePagedQuery } from '../../api/usePagedQuery';
import { FilingDetailDrawer } from '../filing-detail/FilingDetailDrawer';
import { PrintDialog } from '../print/PrintDialog';
import { filingColumnsWith } from './columns';
import { FilingFilters } from './FilingFilters';
import { isFiltered, listRequest, PAGE_SIZES, useFilingListState } from './listState';
import { VoidFilingDialog } from './VoidFiling';

export interface FilingListScreenProps {
  onNew?: (() => void) | undefined;
  canVoid?: boolean;
  /** The logged-in operator: with it, rows open the filing's detail and its actions. */
  operator?: OperatorDto | undefined;
}

export function FilingListScreen({ onNew, canVoid = false, operator }: FilingListScreenProps) {
  const { state, setFilters, clearFilters, setPage } = useFilingListState(operator?.id);
  const { data, loading, error, reload } = usePagedQuery('filing.list', listRequest(state));
  const [printing, setPrinting] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<FilingSummary | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const canOpen = operator !== undefined;
  const columns = useMemo(
    () => filingColumnsWith((f) => setPrinting(f.id), canVoid ? setVoiding : undefined, canOpen ? (f) => setOpen(f.id) : undefined),
    [canVoid, canOpen],
  );

  return (
    <Card
      title="备案列表"
      extra={
        onNew && (
          <Button type="primary" onClick={onNew}>
            新增备案
          </Button>
        )
      }
    >
      <FilingFilters filters={state.filters} onChange={setFilters} onClear={clearFilters} onReload={reload} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: isFiltered(state.filters) ? '没有符合条件的备案' : '暂无备案' }}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [...PAGE_SIZES],
          // The main side counts up to a cap: past it the list says so instead of a slow exact count.
          showTotal: (total) => (data.totalCapped ? `超过 ${total} 条` : `共 ${total} 条`),
          onChange: setPage,
        }}
      />
      <PrintDialog filingId={printing} onClose={() => setPrinting(null)} />
      <VoidFilingDialog filing={voiding} operatorId={operator?.id} onClose={() => setVoiding(null)} />
      {operator && <FilingDetailDrawer filingId={open} operator={operator} onClose={() => setOpen(null)} onRefile={onNew} />}
    </Card>
  );
}
