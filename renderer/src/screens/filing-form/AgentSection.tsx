// 代办人: when someone files for the patient (policy-rules.md §3.4 agnter_*), their name,
// certificate, phone and relationship; a profile that does not allow agents says so.
import { Alert, Checkbox, Form, Row, type FormInstance } from 'antd';
import type { PolicyProfile } from '../../../../shared/domain/policy';
import { AGENT_FIELDS } from './fieldSets';
import { FieldControl } from './FieldControl';
import type { FilingFormValues } from './formValues';

export function AgentSection({ form, profile }: { form: FormInstance<FilingFormValues>; profile: PolicyProfile }) {
  const on = Form.useWatch('filedByAgent', form) === true;
  return (
    <>
      <Form.Item name="filedByAgent" valuePropName="checked" style={{ marginBottom: on ? 8 : 16 }}>
        <Checkbox>他人代办（代办人办理）</Checkbox>
      </Form.Item>
      {on && !profile.agent.allowed && <Alert type="error" showIcon title={`${profile.name}不办理代办备案，请参保人本人办理`} style={{ marginBottom: 16 }} />}
      {on && (
        <Row gutter={24}>
          {AGENT_FIELDS.map((f) => (
            <FieldControl key={f.key} field={f} form={form} profile={profile} />
          ))}
        </Row>
      )}
    </>
  );
}
