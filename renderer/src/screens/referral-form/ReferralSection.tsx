// 异地转诊人员的备案信息 (seed 000 step 3): dates, and the required 转往地区、目前诊断、异地转诊类型、
// 异地转诊理由、联系电话.
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { FILING_TYPE_LABELS, REFERRAL_KIND_FALLBACK } from '../../../../shared/domain/filing';
import { BusinessDatePicker } from '../../components/BusinessDatePicker';
import { RegionPicker } from '../../components/RegionPicker';

/** Seed 000, 3(3): the referral's end date stays empty; settlement fills in the discharge date. */
export const END_DATE_NOTE = '异地转诊人员结束日期为空，结算时以出院日期填写';

const kindOptions = REFERRAL_KIND_FALLBACK.map((k) => ({ value: k.value, label: k.label }));

export function ReferralSection() {
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item label="备案类型">
          <Input value={FILING_TYPE_LABELS.referral} readOnly tabIndex={-1} variant="filled" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="startDate" label="开始日期" required>
          <BusinessDatePicker />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="结束日期" extra={END_DATE_NOTE}>
          <DatePicker disabled placeholder="出院结算时填写" style={{ width: '100%' }} aria-label="结束日期" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['details', 'destinationRegion']} label="转往地区" required extra="北京、天津、上海、重庆按省级选择，其他省份选到地市">
          <RegionPicker scope="destination" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['details', 'diagnosisName']} label="目前诊断" required>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['details', 'diagnosisCode']} label="诊断编码">
          <Input maxLength={20} autoComplete="off" placeholder="选填，如 ICD-10 编码" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name={['details', 'referralKind']}
          label="异地转诊类型"
          required
          extra="内置默认选项：尚未从医保平台下载转诊类型字典"
        >
          <Select options={kindOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['details', 'referralReason']} label="异地转诊理由" required>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['details', 'phone']} label="联系电话" required extra="11位手机号，或带区号的固定电话">
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
