// 备案列表: the desk's filings, newest first, searchable by 证件号 / 姓名 / 拼音首字母 / 本地编号.
import { Alert, Button, Card, Input, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { FilingSummary } from '../../../../shared/domain/filing';
import { PrintDialog } from '../print/PrintDialog';
import { filingColumnsWith } from './columns';
import { useFilingPage } from './useFilingPage';
import { VoidFilingDialog } from './VoidFiling';

export function FilingListScreen({ onNew, canVoid = false }: { onNew?: (() => void) | undefined; canVoid?: boolean }) {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, loading, error, reload } = useFilingPage({ query, page, pageSize });
  const [printing, setPrinting] = useState<string | null>(null);
  const [voiding, setVoiding] = useState<FilingSummary | null>(null);
  const columns = useMemo(() => filingColumnsWith((f) => setPrinting(f.id), canVoid ? setVoiding : undefined), [canVoid]);

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
      <div style={{ display: 'flex', gap: 12, marginBottom: 16 }}>
        <Input.Search
          aria-label="查询备案"
          placeholder="证件号 / 姓名 / 拼音首字母 / 本地编号"
          allowClear
          enterButton="查询"
          maxLength={50}
          style={{ maxWidth: 420 }}
          onSearch={(value) => {
            setQuery(value.trim());
            setPage(1);
          }}
        />
        <Button onClick={reload}>刷新</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data.items}
        loading={loading}
        scroll={{ x: 1100 }}
        locale={{ emptyText: query ? '没有符合条件的备案' : '暂无备案' }}
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
      <PrintDialog filingId={printing} onClose={() => setPrinting(null)} />
      <VoidFilingDialog filing={voiding} onClose={() => setVoiding(null)} />
    </Card>
  );
}
