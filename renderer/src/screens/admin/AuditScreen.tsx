// 审计日志 (admins): every change the desk recorded, filtered by China Standard Time date range,
// operator, action and filing number; a row opens its before/after; the filtered rows export to Excel.
import { App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { RequestOf } from '../../../../shared/contract';
import type { AuditEntryDto } from '../../../../shared/contract/areas/admin';
import { useApi } from '../../api/ApiContext';
import { formatDateTime } from '../../format/dates';
import { saveExport } from './download';

type Filter = RequestOf<'audit.export'>;

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  operatorId?: string;
  action?: string;
  subject?: string;
}

function filterOf(v: FilterValues): Filter {
  const [from, to] = v.range ?? [null, null];
  return {
    ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
    ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
    ...(v.operatorId ? { operatorId: v.operatorId } : {}),
    ...(v.action ? { action: v.action } : {}),
    ...(v.subject?.trim() ? { subject: v.subject.trim() } : {}),
  };
}

export function AuditScreen() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<FilterValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<{ total: number; items: AuditEntryDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [operators, setOperators] = useState<{ value: string; label: string }[]>([]);
  const [actions, setActions] = useState<{ value: string; label: string }[]>([]);
  const [detail, setDetail] = useState<AuditEntryDto | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void api.invoke('operator.accounts', {}).then((r) => r.ok && setOperators(r.value.map((o) => ({ value: o.id, label: `${o.displayName}（${o.username}）` }))));
    void api.invoke('audit.actions', {}).then((r) => r.ok && setActions(r.value.map((a) => ({ value: a.action, label: a.label }))));
  }, [api]);

  const load = useCallback(() => {
    setData(null);
    void api.invoke('audit.list', { ...filter, page, pageSize }).then((r) => {
      if (!r.ok) return setError(r.message);
      setError(null);
      setData(r.value);
    });
  }, [api, filter, page, pageSize]);
  useEffect(load, [load]);

  async function exportRows() {
    setExporting(true);
    const r = await api.invoke('audit.export', filter);
    setExporting(false);
    if (!r.ok) return void message.error(r.message);
    saveExport(r.value);
    void message.success(`已导出${r.value.rows}条审计记录`);
  }

  const columns: TableColumnsType<AuditEntryDto> = [
    { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: '操作员', dataIndex: 'operatorName', width: 140, render: (v: string | null) => v ?? '系统' },
    { title: '操作', dataIndex: 'actionLabel', width: 200 },
    { title: '对象', key: 'subject', render: (_: unknown, e) => <Typography.Text copyable={{ text: e.subject }}>{e.subject}</Typography.Text> },
    {
      title: '详情',
      key: 'detail',
      width: 80,
      render: (_: unknown, e) => (
        <Button size="small" type="link" onClick={() => setDetail(e)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <Card title="审计日志">
      <Form<FilterValues>
        form={form}
        name="audit_filter"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setPage(1);
          setFilter(filterOf(v));
        }}
      >
        <Form.Item name="range" label="日期（北京时间）">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="operatorId" label="操作员">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={operators} style={{ width: 180 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={actions} style={{ width: 200 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="subject" label="备案编号">
          <Input allowClear maxLength={64} placeholder="本地编号或平台流水号" style={{ width: 200 }} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button loading={exporting} onClick={() => void exportRows()}>
            导出Excel
          </Button>
        </Space>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<AuditEntryDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={data === null && !error}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
      />
      <Drawer open={detail !== null} title="审计详情" size={640} onClose={() => setDetail(null)}>
        {detail && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="时间">{formatDateTime(detail.at)}</Descriptions.Item>
              <Descriptions.Item label="操作员">{detail.operatorName ?? '系统'}</Descriptions.Item>
              <Descriptions.Item label="操作">{detail.actionLabel}</Descriptions.Item>
              <Descriptions.Item label="对象">
                {detail.entityType} · {detail.subject}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>修改前</Typography.Title>
            <JsonBlock value={detail.before} />
            <Typography.Title level={5}>修改后</Typography.Title>
            <JsonBlock value={detail.after} />
          </>
        )}
      </Drawer>
    </Card>
  );
}

function JsonBlock({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Paragraph type="secondary">（无）</Typography.Paragraph>;
  return <pre style={{ background: '#f6f8fa', padding: 12, borderRadius: 6, maxHeight: 320, overflow: 'auto', fontSize: 12 }}>{JSON.stringify(value, null, 2)}</pre>;
}
