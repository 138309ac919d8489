// 参保人: insurance type, certificate, number (looked up on the platform), name (seed 000 step 2).
import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { CERT_TYPE_LABELS, CERT_TYPES, INSURANCE_TYPE_LABELS, INSURANCE_TYPES, type InsuranceType } from '../../../../shared/domain/insurance';
import { regionLabel } from '../../../../shared/domain/regions';
import type { LookupState } from './usePersonLookup';

const certOptions = CERT_TYPES.map((t) => ({ value: t, label: CERT_TYPE_LABELS[t] }));

export interface PersonSectionProps {
  lookup: LookupState;
  onLookUp: () => void;
  /** Insurance types the chosen filing type does not take (the profile's notForInsurance). */
  excludedInsurance: readonly InsuranceType[];
  autoFocus: boolean;
}

export function PersonSection({ lookup, onLookUp, excludedInsurance, autoFocus }: PersonSectionProps) {
  const certType = Form.useWatch('certType');
  const insuranceOptions = INSURANCE_TYPES.map((t) => ({
    value: t,
    label: excludedInsurance.includes(t) ? `${INSURANCE_TYPE_LABELS[t]}（本类型不适用）` : INSURANCE_TYPE_LABELS[t],
    disabled: excludedInsurance.includes(t),
  }));
  return (
    <>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="insuranceType" label="险种类别" required>
            <Select options={insuranceOptions} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} autoFocus={autoFocus} />
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
            extra={certType === 'id_card' ? '身份证号码，可用读卡器或扫码枪录入，回车即向医保平台查询' : '社会保障卡号或电子凭证号，回车即向医保平台查询'}
          >
            <Input
              maxLength={64}
              autoComplete="off"
              placeholder={certType === 'id_card' ? '18位身份证号' : undefined}
              suffix={
                <Button type="link" size="small" onClick={onLookUp} loading={lookup.status === 'looking'} tabIndex={-1} style={{ padding: 0, height: 'auto' }}>
                  查询
                </Button>
              }
            />
          </Form.Item>
        </Col>
        {certType === 'social_security_card' && (
          <Col xs={24} md={12}>
            <Form.Item name="cardSerial" label="卡识别码" extra="社会保障卡查询需要卡识别码（读卡器读取），回车即查询">
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="personName" label="姓名" required>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <LookupResult state={lookup} />
    </>
  );
}

function LookupResult({ state }: { state: LookupState }) {
  if (state.status === 'idle' || state.status === 'looking') return null;
  if (state.status === 'found') {
    const p = state.person;
    const rows = p.insurances.map((i) => `${i.label}（${regionLabel(i.insuredRegion)}，${i.statusLabel}）`).join('；');
    return (
      <Alert
        data-testid="person-lookup"
        type={state.note ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={`医保平台查询：${p.name}，人员编号 ${p.personNo}`}
        description={[rows, state.note].filter(Boolean).join('。')}
      />
    );
  }
  return (
    <Alert
      data-testid="person-lookup"
      type={state.status === 'offline' ? 'info' : 'warning'}
      showIcon
      style={{ marginBottom: 16 }}
      title={state.status === 'offline' ? '医保平台暂不可用：请手工录入参保人信息' : '请手工录入参保人信息'}
      description={state.status === 'offline' ? `${state.message}。保存后平台恢复时将自动核验，不一致会在备案详情中提示。` : state.message}
    />
  );
}
