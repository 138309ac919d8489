// 新增备案（异地转诊人员）: checked locally with the contract's schema, saved with filing.create,
// and any field the desk rejects is marked where the operator typed it.
import { Button, Card, Form, Space, Typography, type FormInstance } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { pathOf } from '../../api/fieldErrors';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { PersonSection } from './PersonSection';
import { ReferralSection } from './ReferralSection';
import {
  initialReferralValues,
  REFERRAL_FIELD_NAMES,
  REFERRAL_FIELDS,
  REFERRAL_FORM,
  toReferralRequest,
  type ReferralFormValues,
} from './referralRequest';
import { useKeyboardEntry } from '../../forms/useKeyboardEntry';

export interface ReferralFormProps {
  onSaved: (filing: ResponseOf<'filing.create'>) => void;
  onCancel: () => void;
}

export function ReferralForm({ onSaved, onCancel }: ReferralFormProps) {
  const api = useApi();
  const [form] = Form.useForm<ReferralFormValues>();
  const failure = useFormFailure(form, REFERRAL_FORM, REFERRAL_FIELD_NAMES);
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);
  const initialValues = useMemo(() => initialReferralValues(new Date()), []);

  async function submit() {
    if (busy.current) return;
    const request = toReferralRequest(form.getFieldsValue(true) as ReferralFormValues);
    if (!request.ok) return failure.show(request);
    busy.current = true;
    setSaving(true);
    const result = await api.invoke('filing.create', request.value);
    busy.current = false;
    setSaving(false);
    if (!result.ok) return failure.show(result);
    failure.clear();
    onSaved(result.value);
  }

  const keyboard = useKeyboardEntry({
    formName: REFERRAL_FORM,
    fields: REFERRAL_FIELDS,
    submit: () => void submit(),
    isEmpty: (name) => {
      const v: unknown = (form as FormInstance).getFieldValue(pathOf(name));
      return v === undefined || v === null || v === '';
    },
    scan: {
      target: 'certNo',
      from: ['insuranceType', 'certType'],
      start: (char) => form.setFieldValue('certNo', char),
    },
  });

  return (
    <div onKeyDownCapture={keyboard.onKeyDownCapture}>
      <Form<ReferralFormValues>
        form={form}
        name={REFERRAL_FORM}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void submit()} onValuesChange={failure.onValuesChange}
        requiredMark
      >
        <Card title="新增备案 · 异地转诊人员" extra={<Typography.Text type="secondary">Enter 下一项 · Ctrl+S 保存</Typography.Text>}>
          <FailureAlert failure={failure.failure} extra={failure.unplaced} />
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            参保人
          </Typography.Title>
          <PersonSection />
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            转诊信息
          </Typography.Title>
          <ReferralSection />
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              保存（Ctrl+S）
            </Button>
            <Button onClick={onCancel}>返回列表</Button>
          </Space>
        </Card>
      </Form>
    </div>
  );
}
