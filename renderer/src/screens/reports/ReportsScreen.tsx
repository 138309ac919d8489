// 统计报表 (reviewers and admins): filings by their China Standard Time filing date, by day or by
// month: counts by type, destination, status and operator, and the upload queue's success rate and
// delay. Charts sit beside tables with the same numbers; 导出Excel writes the same report.
import { App, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ReportDto, ReportGranularity } from '../../../../shared/contract/areas/reports';
import { businessDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/ApiContext';
import { saveExport } from '../admin/download';
import { CountBars, SeriesChart } from './ReportCharts';
import { formatDelay, formatRate } from './format';

type Range = [Dayjs, Dayjs];

/** This month so far (by day) or this year so far (by month), in China Standard Time. */
export function defaultRange(granularity: ReportGranularity, today: string): Range {
  const end = dayjs(today);
  return granularity === 'day' ? [end.startOf('month'), end] : [end.startOf('year'), end];
}

function requestOf(granularity: ReportGranularity, [from, to]: Range) {
  return granularity === 'day'
    ? { granularity, from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') }
    : { granularity, from: from.startOf('month').format('YYYY-MM-DD'), to: to.endOf('month').format('YYYY-MM-DD') };
}

export function ReportsScreen() {
  const api = useApi();
  const { message } = App.useApp();
  const [granularity, setGranularity] = useState<ReportGranularity>('day');
  const [range, setRange] = useState<Range>(() => defaultRange('day', businessDate(new Date())));
  const [report, setReport] = useState<ReportDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    const r = await api.invoke('report.summary', requestOf(granularity, range));
    setLoading(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setReport(r.value);
  }, [api, granularity, range]);
  useEffect(() => {
    void load();
  }, [load]);

  async function exportReport() {
    setExporting(true);
    const r = await api.invoke('report.export', requestOf(granularity, range));
    setExporting(false);
    if (!r.ok) return void message.error(r.message);
    saveExport(r.value);
    void message.success(`已导出 ${r.value.fileName}`);
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title="统计报表">
        <Space wrap>
          <Segmented<ReportGranularity>
            value={granularity}
            options={[
              { value: 'day', label: '按日' },
              { value: 'month', label: '按月' },
            ]}
            onChange={(g) => {
              setGranularity(g);
              setRange(defaultRange(g, businessDate(new Date())));
            }}
          />
          <DatePicker.RangePicker
            picker={granularity === 'day' ? 'date' : 'month'}
            value={range}
            allowClear={false}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          />
          <Button loading={loading} onClick={() => void load()}>
            刷新
          </Button>
          <Button type="primary" loading={exporting} onClick={() => void exportReport()}>
            导出Excel
          </Button>
          <Typography.Text type="secondary">按备案日期（北京时间）统计</Typography.Text>
        </Space>
        {error && (
          <Typography.Paragraph type="danger" style={{ marginTop: 12, marginBottom: 0 }} role="alert">
            {error}
          </Typography.Paragraph>
        )}
      </Card>
      {report && <ReportBody report={report} />}
    </Space>
  );
}

function ReportBody({ report }: { report: ReportDto }) {
  const u = report.upload;
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Card>
            <Statistic title="备案总数" value={report.total} suffix="条" />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="上传成功率" value={formatRate(u.successRate)} />
            <Typography.Text type="secondary">
              已上传 {u.done} · 被退回 {u.rejected}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="平均上传延迟" value={formatDelay(u.delay.averageSeconds)} />
            <Typography.Text type="secondary">
              中位 {formatDelay(u.delay.medianSeconds)} · 90% {formatDelay(u.delay.p90Seconds)}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic title="尚未完成上传" value={u.waiting + u.uncertain} suffix="条" />
            <Typography.Text type="secondary">
              等待 {u.waiting} · 待核实 {u.uncertain}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card title={report.granularity === 'day' ? '每日备案数' : '每月备案数'} data-testid="report-series">
        {report.total === 0 ? <Empty description="该时间段内没有备案" /> : <SeriesChart report={report} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="按就医地">
            <Row gutter={16}>
              <Col span={12}>
                <CountBars rows={report.byDestination.slice(0, 10).map((d) => ({ label: d.cityName, count: d.count }))} />
              </Col>
              <Col span={12}>
                <Table
                  size="small"
                  rowKey={(d) => d.cityCode ?? 'none'}
                  pagination={false}
                  dataSource={report.byDestination}
                  columns={[
                    { title: '省份', dataIndex: 'provinceName' },
                    { title: '城市', dataIndex: 'cityName' },
                    { title: '备案数', dataIndex: 'count', align: 'right' },
                  ]}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="按经办人">
            <Row gutter={16}>
              <Col span={12}>
                <CountBars color="#52c41a" rows={report.byOperator.map((o) => ({ label: o.name, count: o.count }))} />
              </Col>
              <Col span={12}>
                <Table
                  size="small"
                  rowKey="operatorId"
                  pagination={false}
                  dataSource={report.byOperator}
                  columns={[
                    { title: '经办人', dataIndex: 'name' },
                    { title: '备案数', dataIndex: 'count', align: 'right' },
                  ]}
                />
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12} style={{ marginTop: 16 }}>
          <Card title="按备案类型">
            <Table
              size="small"
              rowKey="type"
              pagination={false}
              dataSource={report.byType}
              columns={[
                { title: '备案类型', dataIndex: 'label' },
                { title: '备案数', dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12} style={{ marginTop: 16 }}>
          <Card title="按状态">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={[
                ...report.byStatus.map((s) => ({ key: `s-${s.status}`, group: '备案状态', label: s.label, count: s.count })),
                ...report.byUploadState.map((s) => ({ key: `u-${s.state}`, group: '上传状态', label: s.label, count: s.count })),
              ]}
              columns={[
                { title: '类别', dataIndex: 'group' },
                { title: '状态', dataIndex: 'label' },
                { title: '备案数', dataIndex: 'count', align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
