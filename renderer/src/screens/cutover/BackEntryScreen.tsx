// 补录纸质备案: a referral issued on paper while the platform was down (seed 001 二(二)4), entered with
// its paper number and original date. It is saved like any filing and uploaded in paper order once the
// platform is available. A compact form on purpose: the paper already holds the full record.
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { BackEntryDto } from '../../../../shared/contract/areas/cutover';
import { REFERRAL_KIND_FALLBACK } from '../../../../shared/domain/filing';
import { CERT_TYPE_LABELS, CERT_TYPES, INSURANCE_TYPE_LABELS, INSURANCE_TYPES, type CertType, type InsuranceType } from '../../../../shared/domain/insurance';
import { businessDate } from '../../../../shared/domain/time';
import { useApi } from '../../api/ApiContext';
import { CstDatePicker } from '../../components/CstPicker';
import { FailureAlert } from '../../components/FailureAlert';
import { RegionPicker } from '../../components/RegionPicker';
import { UploadStateTag } from '../../components/UploadStateTag';
import { useFormFailure } from '../../forms/useFormFailure';
import { useDeskEvent } from '../../hooks/useDeskEvent';

const FORM = 'backEntry';
const FIELDS = [
  'paperNo',
  'originalDate',
  'filing.insuranceType',
  'filing.certType',
  'filing.certNo',
  'filing.personName',
  'filing.details.personNo',
  'filing.details.insuredRegion',
  'filing.details.destinationRegion',
  'filing.details.destinationInstitutionCode',
  'filing.details.destinationInstitutionName',
  'filing.details.diagnosisCode',
  'filing.details.diagnosisName',
  'filing.details.referralKind',
  'filing.details.referralReason',
  'filing.details.phone',
] as const;

interface Values {
  paperNo: string;
  originalDate: Dayjs;
  filing: {
    insuranceType: InsuranceType;
    certType: CertType;
    certNo: string;
    personName: string;
    details: {
      personNo: string;
      insuredRegion?: string;
      destinationRegion?: string;
      destinationInstitutionCode: string;
      destinationInstitutionName: string;
      diagnosisCode: string;
      diagnosisName: string;
      referralKind: string;
      referralReason: string;
      phone: string;
    };
  };
}

const columns: TableColumnsType<BackEntryDto> = [
  { title: '纸质编号', dataIndex: 'paperNo', key: 'paperNo' },
  { title: '原备案日期', dataIndex: 'originalDate', key: 'originalDate' },
  { title: '本地编号', dataIndex: 'localNo', key: 'localNo' },
  { title: '姓名', dataIndex: 'personName', key: 'personName' },
  { title: '状态', dataIndex: 'status', key: 'status', render: (s: BackEntryDto['status']) => (s === 'voided' ? '已作废' : '有效') },
  { title: '上传', dataIndex: 'uploadState', key: 'uploadState', render: (s: BackEntryDto['uploadState']) => <UploadStateTag state={s} /> },
  { title: '平台流水号', dataIndex: 'platformSerial', key: 'platformSerial' },
];

export function BackEntryScreen() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [saving, setSaving] = useState(false);
  const [entries, setEntries] = useState<BackEntryDto[]>([]);

  const load = useCallback(async () => {
    const r = await api.invoke('cutover.backEntry.list', {});
    if (r.ok) setEntries(r.value);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  useDeskEvent('filing.changed', () => void load());

  async function submit(values: Values) {
    const originalDate = values.originalDate.format('YYYY-MM-DD');
    setSaving(true);
    const r = await api.invoke('cutover.backEntry.create', {
      paperNo: values.paperNo,
      originalDate,
      filing: {
        type: 'referral',
        insuranceType: values.filing.insuranceType,
        certType: values.filing.certType,
        certNo: values.filing.certNo,
        personName: values.filing.personName,
        startDate: originalDate,
        details: { ...values.filing.details, destinationRegion: values.filing.details.destinationRegion ?? '', insuredRegion: values.filing.details.insuredRegion?.trim() || undefined },
      },
    });
    setSaving(false);
    if (!r.ok) return failure.show(r);
    failure.clear();
    message.success(`已补录纸质备案表 ${r.value.paperNo}（本地编号 ${r.value.filing.localNo}），平台可用时按纸质顺序上传`);
    form.resetFields(['paperNo', 'filing']);
    void load();
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="back-entry-screen">
      <Card size="small" title="补录纸质转诊备案">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="平台停机期间开具的纸质转院转诊登记表，在此按原日期和纸质编号补录"
          description="补录的备案标记为“补录”，平台可用时按原备案日期和纸质编号的顺序上传，排在之后窗口录入的备案之前。"
        />
        <FailureAlert failure={failure.failure} extra={failure.unplaced} />
        <Form<Values>
          form={form}
          name={FORM}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          onValuesChange={failure.onValuesChange}
          initialValues={{ originalDate: dayjs(businessDate(new Date())), filing: { insuranceType: 'employee', certType: 'id_card', details: { referralKind: '1' } } }}
        >
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="paperNo" label="纸质备案表编号" rules={[{ required: true, message: '请填写纸质备案表编号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="originalDate" label="原备案日期" rules={[{ required: true, message: '请填写原备案日期' }]}>
                <CstDatePicker />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'insuranceType']} label="险种类别">
                <Select options={INSURANCE_TYPES.map((t) => ({ value: t, label: INSURANCE_TYPE_LABELS[t] }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'certType']} label="证件类型">
                <Select options={CERT_TYPES.map((t) => ({ value: t, label: CERT_TYPE_LABELS[t] }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'certNo']} label="个人编号" rules={[{ required: true, message: '请填写个人编号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'personName']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'personNo']} label="人员编号（医保平台）" rules={[{ required: true, message: '请填写人员编号' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'insuredRegion']} label="参保地医保区划" extra="留空为本院所在区划">
                <Input autoComplete="off" placeholder="6位数字，如 340100" maxLength={6} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'destinationRegion']} label="转往地区" rules={[{ required: true, message: '请选择转往地区' }]}>
                <RegionPicker scope="destination" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'destinationInstitutionCode']} label="转往医疗机构编码" rules={[{ required: true, message: '请填写转往医疗机构编码' }]}>
                <Input autoComplete="off" placeholder="如 H31010100001" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'destinationInstitutionName']} label="转往医疗机构名称" rules={[{ required: true, message: '请填写转往医疗机构名称' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'diagnosisCode']} label="诊断编码" rules={[{ required: true, message: '请填写诊断编码' }]}>
                <Input autoComplete="off" placeholder="如 C34.900" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'diagnosisName']} label="目前诊断" rules={[{ required: true, message: '请填写目前诊断' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'referralKind']} label="异地转诊类型">
                <Select options={REFERRAL_KIND_FALLBACK.map((k) => ({ value: k.value, label: k.label }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'referralReason']} label="异地转诊理由" rules={[{ required: true, message: '请填写异地转诊理由' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name={['filing', 'details', 'phone']} label="联系电话" rules={[{ required: true, message: '请填写联系电话' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存补录
          </Button>
        </Form>
      </Card>
      <Card size="small" title={`已补录（${entries.length}）`}>
        <Table<BackEntryDto> rowKey="filingId" size="small" columns={columns} dataSource={entries} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
      </Card>
    </Space>
  );
}
