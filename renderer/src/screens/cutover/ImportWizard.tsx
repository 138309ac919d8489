// 历史数据导入: the old system's export (CSV in GBK or UTF-8, or XLSX) → column mapping (suggested from
// the Chinese headers) → preview with every bad row → import. Nothing is stored before 导入.
import { Alert, App, Button, Card, Select, Space, Steps, Table, Tag, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Failure } from '../../../../shared/contract';
import type { ImportBatchDto, ImportPreviewDto, RowErrorDto } from '../../../../shared/contract/areas/cutover';
import { IMPORT_FIELDS, IMPORT_FIELD_SPECS, type ImportField } from '../../../../shared/domain/cutover';
import { FILING_TYPE_LABELS } from '../../../../shared/domain/filing';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { fieldLabel } from './labels';
import { readImportFile } from './readFile';

type Mapping = ImportPreviewDto['mapping'];
type Sample = ImportPreviewDto['sample'][number];

const errorColumns: TableColumnsType<RowErrorDto> = [
  { title: '行号', dataIndex: 'rowNumber', key: 'rowNumber', width: 80 },
  { title: '字段', dataIndex: 'field', key: 'field', width: 120, render: (f: ImportField | null) => fieldLabel(f) },
  { title: '问题', dataIndex: 'message', key: 'message' },
];

const sampleColumns: TableColumnsType<Sample> = [
  { title: '行号', dataIndex: 'rowNumber', key: 'rowNumber', width: 70 },
  { title: '原系统编号', dataIndex: 'oldId', key: 'oldId' },
  { title: '姓名', dataIndex: 'personName', key: 'personName' },
  { title: '证件号码', dataIndex: 'certNoMasked', key: 'certNoMasked' },
  { title: '备案类型', dataIndex: 'filingType', key: 'filingType', render: (t: Sample['filingType']) => FILING_TYPE_LABELS[t] },
  { title: '备案日期', dataIndex: 'filingDate', key: 'filingDate' },
  { title: '结算', dataIndex: 'settled', key: 'settled', render: (v: boolean) => (v ? '已结算' : '未结算') },
  { title: '上传', dataIndex: 'uploaded', key: 'uploaded', render: (v: boolean) => (v ? '已上传' : '未上传') },
  { title: '人员身份', dataIndex: 'specialPopulation', key: 'specialPopulation', render: (v: string | null) => (v ? <Tag color="orange">{v}</Tag> : null) },
];

export function RowErrors({ errors }: { errors: RowErrorDto[] }) {
  if (errors.length === 0) return null;
  return (
    <Card size="small" title={`有问题的行（${errors.length} 条，未导入）`} data-testid="import-errors">
      <Table<RowErrorDto> rowKey={(e) => `${e.rowNumber}-${e.field ?? ''}-${e.message}`} size="small" columns={errorColumns} dataSource={errors} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
    </Card>
  );
}

export function ImportWizard({ onImported }: { onImported?: (batch: ImportBatchDto) => void }) {
  const api = useApi();
  const { message } = App.useApp();
  const [file, setFile] = useState<{ fileName: string; contentBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState(false);
  const [batch, setBatch] = useState<ImportBatchDto | null>(null);

  async function choose(selected: File) {
    setFailure(null);
    setBatch(null);
    const read = await readImportFile(selected);
    if (!read.ok) {
      setFailure({ ok: false, code: 'INVALID_REQUEST', message: read.message });
      return;
    }
    setBusy(true);
    const r = await api.invoke('cutover.import.preview', { fileName: read.fileName, contentBase64: read.contentBase64 });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setFile(read);
    setPreview(r.value);
    setMapping(r.value.mapping);
    setStep(1);
  }

  async function refresh(next: Mapping) {
    if (!file) return;
    setBusy(true);
    const r = await api.invoke('cutover.import.preview', { ...file, mapping: next });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setPreview(r.value);
    setMapping(r.value.mapping);
  }

  async function commit() {
    if (!file || !mapping) return;
    setBusy(true);
    const r = await api.invoke('cutover.import.commit', { ...file, mapping });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setBatch(r.value);
    setStep(3);
    message.success(`已导入 ${r.value.importedCount} 条历史备案`);
    onImported?.(r.value);
  }

  function restart() {
    setFile(null);
    setPreview(null);
    setMapping(null);
    setBatch(null);
    setFailure(null);
    setStep(0);
  }

  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: i, label: `第${i + 1}列：${h || '（无标题）'}` }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-wizard">
      <Steps current={step} size="small" items={[{ title: '选择文件' }, { title: '列对应' }, { title: '预览' }, { title: '导入结果' }]} />
      <FailureAlert failure={failure} />
      {step === 0 ? (
        <Card size="small">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="请选择原系统导出的转诊/备案信息文件（.csv 或 .xlsx，不超过 700 KB）"
            description="CSV 可为 GBK 或 UTF-8 编码；第1行应为列标题。导入的历史备案不会上传到医保平台。"
          />
          <Upload
            accept=".csv,.xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
          >
            <Button type="primary" loading={busy}>
              选择文件
            </Button>
          </Upload>
        </Card>
      ) : null}
      {step === 1 && preview && mapping ? (
        <Card size="small" title={`列对应（${file?.fileName ?? ''}，${preview.format === 'xlsx' ? 'Excel' : `CSV ${preview.encoding ?? ''}`}）`}>
          {preview.mappingProblems.length > 0 ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={preview.mappingProblems.join('；')} /> : null}
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
            columns={[
              { title: '字段', key: 'label', render: (_, r: { field: ImportField }) => `${IMPORT_FIELD_SPECS[r.field].label}${IMPORT_FIELD_SPECS[r.field].required ? '（必填）' : ''}` },
              {
                title: '文件中的列',
                key: 'column',
                render: (_, r: { field: ImportField }) => (
                  <Select
                    aria-label={IMPORT_FIELD_SPECS[r.field].label}
                    style={{ minWidth: 240 }}
                    allowClear
                    placeholder="（不导入）"
                    value={mapping[r.field] ?? undefined}
                    options={headerOptions}
                    onChange={(v: number | undefined) => void refresh({ ...mapping, [r.field]: v ?? null })}
                  />
                ),
              },
            ]}
          />
          <Space style={{ marginTop: 12 }}>
            <Button onClick={restart}>重新选择文件</Button>
            <Button type="primary" disabled={preview.mappingProblems.length > 0} loading={busy} onClick={() => setStep(2)}>
              下一步：预览
            </Button>
          </Space>
        </Card>
      ) : null}
      {step === 2 && preview ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type={preview.errors.length ? 'warning' : 'success'}
            showIcon
            title={`共 ${preview.rowCount} 行：可导入 ${preview.validCount} 行，有问题 ${preview.rowCount - preview.validCount} 行（有问题的行不导入，已逐行列出原因）`}
            data-testid="import-preview-summary"
          />
          <Table<Sample> rowKey="oldId" size="small" columns={sampleColumns} dataSource={preview.sample} pagination={false} title={() => `前 ${preview.sample.length} 行预览`} />
          <RowErrors errors={preview.errors} />
          <Space>
            <Button onClick={() => setStep(1)}>上一步</Button>
            <Button type="primary" disabled={preview.validCount === 0} loading={busy} onClick={() => void commit()}>
              导入 {preview.validCount} 行
            </Button>
          </Space>
        </Space>
      ) : null}
      {step === 3 && batch ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`已导入 ${batch.importedCount} 条（共 ${batch.rowCount} 行），未导入 ${batch.rowCount - batch.importedCount} 行`} data-testid="import-result" />
          <RowErrors errors={batch.errors} />
          <Button onClick={restart}>继续导入其他文件</Button>
        </Space>
      ) : null}
    </Space>
  );
}
