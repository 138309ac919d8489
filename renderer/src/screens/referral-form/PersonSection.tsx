// 参保人: insurance type, certificate and person number, name (seed 000 step 2).
import { Col, Form, Input, Row, Select } from 'antd';
import { CERT_TYPE_LABELS, CERT_TYPES, INSURANCE_TYPE_LABELS, INSURANCE_TYPES } from '../../../../shared/domain/insurance';

const insuranceOptions = INSURANCE_TYPES.map((t) => ({ value: t, label: INSURANCE_TYPE_LABELS[t] }));
const certOptions = CERT_TYPES.map((t) => ({ value: t, label: CERT_TYPE_LABELS[t] }));

export function PersonSection() {
  const certType = Form.useWatch('certType');
  return (
    <Row gutter={24}>
      <Col xs={24} md={12}>
        <Form.Item name="insuranceType" label="险种类别" required>
          <Select options={insuranceOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} autoFocus />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="certType" label="证件类型" required>
          <Select options={certOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="certNo"
          label="个人编号"
          required
          extra={certType === 'id_card' ? '身份证号码，可用读卡器或扫码枪录入' : '社会保障卡号或电子凭证号'}
        >
          <Input maxLength={30} autoComplete="off" placeholder={certType === 'id_card' ? '18位身份证号' : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="personName" label="姓名" required>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
