// 清理报告: the seed 001 clean-up rules as a dry run over the imported filings (nothing changes), then
// 执行 (special-population duplicates only when ticked after checking) and 撤销 by report.
import { Alert, App, Button, Card, Checkbox, Popconfirm, Select, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { Failure, Result } from '../../../../shared/contract';
import type { CleanupItemDto, CleanupReportDto } from '../../../../shared/contract/areas/cutover';
import { FILING_TYPE_LABELS } from '../../../../shared/domain/filing';
import { businessDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/ApiContext';
import { CstDatePicker } from '../../components/CstPicker';
import { FailureAlert } from '../../components/FailureAlert';
import { formatDateTime } from '../../format/dates';
import { REPORT_STATUS_LABELS, RULE_SHORT_LABELS } from './labels';

type ReportSummary = Omit<CleanupReportDto, 'items'>;

const itemColumns: TableColumnsType<CleanupItemDto> = [
  { title: '原系统编号', dataIndex: 'oldId', key: 'oldId', width: 110 },
  { title: '姓名', dataIndex: 'personName', key: 'personName', width: 90 },
  { title: '证件号码', dataIndex: 'certNoMasked', key: 'certNoMasked', width: 170 },
  { title: '类型', dataIndex: 'filingType', key: 'filingType', render: (t: CleanupItemDto['filingType']) => FILING_TYPE_LABELS[t] },
  { title: '备案日期', dataIndex: 'filingDate', key: 'filingDate', width: 110 },
  {
    title: '处理',
    key: 'action',
    width: 110,
    render: (_, i) => (
      <Space size={2} wrap>
        <Tag color={i.action === 'invalidate' ? 'red' : 'green'}>{i.action === 'invalidate' ? '作无效' : '保留'}</Tag>
        {i.flagged ? <Tag color="orange">需人工核对</Tag> : null}
        {i.applied ? <Tag>已执行</Tag> : null}
      </Space>
    ),
  },
  {
    title: '依据',
    key: 'reason',
    render: (_, i) => (
      <span title={i.reason}>
        {RULE_SHORT_LABELS[i.rule]}
        {i.keptOldId ? `（保留 ${i.keptOldId}）` : ''}
        {i.specialPopulation ? `，${i.specialPopulation}` : ''}
      </span>
    ),
  },
];

export function CleanupPanel({ refreshKey = 0 }: { refreshKey?: number }) {
  const api = useApi();
  const { message } = App.useApp();
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [report, setReport] = useState<CleanupReportDto | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [includeFlagged, setIncludeFlagged] = useState(false);
  const [filter, setFilter] = useState<'all' | 'invalidate' | 'keep' | 'flagged'>('all');
  const [busy, setBusy] = useState(false);
  /** The day validity is judged on (a duplicate whose end date is before it is no longer valid). */
  const [asOf, setAsOf] = useState<Dayjs>(() => dayjs(businessDate(new Date())));

  const loadList = useCallback(async () => {
    const r = await api.invoke('cutover.cleanup.list', {});
    if (r.ok) setReports(r.value);
  }, [api]);

  useEffect(() => {
    void loadList();
  }, [loadList, refreshKey]);

  async function act(run: () => Promise<Result<CleanupReportDto>>, done: string) {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setReport(r.value);
    setIncludeFlagged(false);
    message.success(done);
    void loadList();
  }

  async function open(id: string) {
    const r = await api.invoke('cutover.cleanup.get', { id });
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setReport(r.value);
  }

  const items = (report?.items ?? []).filter((i) => filter === 'all' || (filter === 'flagged' ? i.flagged : i.action === filter));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="cleanup-panel">
      <Alert
        type="info"
        showIcon
        title="按合肥市新平台上线操作指引（二(一)7）清理导入的历史转诊信息"
        description="2021年1月1日之前的转诊信息作无效；之后已结算、转入本县医疗机构、已上传异地就医已结算的作无效；已上传的异地居住和恶性肿瘤放化疗（有效期一年）保留；重复信息保留最近一条有效记录，低保、贫困人口等特殊人群标记为需人工核对。先生成报告（预演，不改数据），核对后执行；执行后可按报告撤销。"
      />
      <FailureAlert failure={failure} />
      <Space wrap>
        <span>有效期判断日</span>
        <div style={{ width: 160 }}>
          <CstDatePicker id="cleanup_asOf" value={asOf} onChange={(v) => v && setAsOf(v)} />
        </div>
        <Button type="primary" loading={busy} onClick={() => void act(() => api.invoke('cutover.cleanup.plan', { asOf: asOf.format('YYYY-MM-DD') }), '已生成清理报告（预演，未修改数据）')}>
          生成清理报告（预演）
        </Button>
        <Select
          style={{ minWidth: 320 }}
          placeholder="查看以往的清理报告"
          value={report?.id}
          onChange={(id: string) => void open(id)}
          options={reports.map((r) => ({ value: r.id, label: `${formatDateTime(r.createdAt)} · ${REPORT_STATUS_LABELS[r.status]} · 作无效 ${r.summary.invalidate} 条` }))}
        />
      </Space>
      {report ? (
        <Card
          size="small"
          title={`清理报告（${REPORT_STATUS_LABELS[report.status]}，有效期判断日 ${report.asOf}）`}
          data-testid="cleanup-report"
          extra={
            report.status === 'draft' ? (
              <Space>
                <Checkbox checked={includeFlagged} onChange={(e) => setIncludeFlagged(e.target.checked)}>
                  已人工核对，特殊人群的重复记录也一并处理
                </Checkbox>
                <Popconfirm
                  title="执行清理报告"
                  description="报告中“作无效”的历史备案将被作废（可按报告撤销）。确定执行？"
                  okText="执行"
                  cancelText="取消"
                  onConfirm={() => void act(() => api.invoke('cutover.cleanup.apply', { id: report.id, includeFlagged }), '清理报告已执行')}
                >
                  <Button danger loading={busy}>
                    执行
                  </Button>
                </Popconfirm>
              </Space>
            ) : report.status === 'applied' ? (
              <Popconfirm
                title="撤销清理报告"
                description="本报告作废的历史备案将全部恢复为有效。确定撤销？"
                okText="撤销"
                cancelText="取消"
                onConfirm={() => void act(() => api.invoke('cutover.cleanup.undo', { id: report.id }), '清理报告已撤销，相关备案已恢复')}
              >
                <Button loading={busy}>撤销此报告</Button>
              </Popconfirm>
            ) : null
          }
        >
          <Space size="large" wrap style={{ marginBottom: 12 }}>
            <Statistic title="导入备案" value={report.summary.total} />
            <Statistic title="作无效" value={report.summary.invalidate} />
            <Statistic title="保留" value={report.summary.keep} />
            <Statistic title="需人工核对" value={report.summary.flagged} />
            {report.status !== 'draft' ? <Statistic title="已作废" value={report.appliedCount} /> : null}
          </Space>
          <div style={{ marginBottom: 8 }}>
            <Select
              value={filter}
              onChange={setFilter}
              style={{ width: 160 }}
              options={[
                { value: 'all', label: '全部' },
                { value: 'invalidate', label: '作无效' },
                { value: 'keep', label: '保留' },
                { value: 'flagged', label: '需人工核对' },
              ]}
            />
          </div>
          <Table<CleanupItemDto> rowKey="filingId" size="small" columns={itemColumns} dataSource={items} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
        </Card>
      ) : null}
    </Space>
  );
}
