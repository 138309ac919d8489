// One field of the form from its FormField description (fieldSets.ts): the control for its kind,
// its label, whether it is required, and the picks that fill a second value (institution code,
// the other half of a diagnosis).
import { Col, Form, Input, Select, type FormInstance } from 'antd';
import type { PolicyProfile } from '../../../../shared/domain/policy';
import { pathOf } from '../../api/fieldErrors';
import { CstDatePicker } from '../../components/CstPicker';
import { DestinationPicker } from './DestinationPicker';
import { DiagnosisInput } from './DiagnosisInput';
import { FILING_FORM, type FormField } from './fieldSets';
import { fieldId } from '../../forms/fieldId';
import type { FilingFormValues } from './formValues';
import { InstitutionInput } from './InstitutionInput';

export interface FieldControlProps {
  field: FormField;
  form: FormInstance<FilingFormValues>;
  profile: PolicyProfile;
}

export function FieldControl({ field, form, profile }: FieldControlProps) {
  const wide = field.kind === 'textarea';
  return (
    <Col xs={24} md={wide ? 24 : 12}>
      <Form.Item
        name={pathOf(field.name)}
        label={field.label}
        required={field.required}
        {...(field.extra ? { extra: field.extra } : {})}
        style={field.kind === 'institution' && field.platformList ? { marginBottom: 4 } : undefined}
      >
        <Control field={field} form={form} profile={profile} />
      </Form.Item>
      {field.kind === 'institution' && <InstitutionCode field={field} />}
    </Col>
  );
}

/**
 * An institution's code, bound to the form: filled by a pick from the list; where the code must be
 * the platform's (1201) it is shown and may be typed when the list cannot be searched (offline).
 */
function InstitutionCode({ field }: { field: FormField }) {
  const name = ['details', field.key, 'code'];
  if (!field.platformList) {
    return (
      <Form.Item name={name} hidden>
        <Input />
      </Form.Item>
    );
  }
  return (
    <Form.Item name={name} extra="从列表选择后自动填写；医保平台不可用时可按1201机构列表手工填写">
      <Input
        size="small"
        aria-label={`${field.label}编码`}
        data-testid={`${fieldId(FILING_FORM, field.name)}_code`}
        placeholder={`${field.label}编码`}
        maxLength={30}
        autoComplete="off"
      />
    </Form.Item>
  );
}

/** Form.Item hands `id`, `value` and `onChange` to its child; the control passes them on. */
interface Injected {
  id?: string;
  value?: unknown;
  onChange?: (value: unknown) => void;
}

function Control({ field, form, profile, id, value, onChange }: FieldControlProps & Injected) {
  const str = typeof value === 'string' ? value : undefined;
  const setText = (v: string) => onChange?.(v);
  const destination = Form.useWatch(['details', 'destinationRegion'], form) as string | undefined;
  const codePath = ['details', field.key, 'code'];
  switch (field.kind) {
    case 'region':
      return <DestinationPicker id={id} profile={profile} value={str} onChange={(c) => onChange?.(c)} />;
    case 'date':
      return <CstDatePicker id={id} value={(value as never) ?? null} onChange={(d) => onChange?.(d)} />;
    case 'choice':
      return <Select id={id} value={str} onChange={(v: string) => onChange?.(v)} options={field.options?.map((o) => ({ ...o }))} placeholder="请选择" showSearch={{ optionFilterProp: 'label' }} allowClear={!field.required} />;
    case 'textarea':
      return <Input.TextArea id={id} value={str} onChange={(e) => setText(e.target.value)} maxLength={field.maxLength} autoSize={{ minRows: 2, maxRows: 6 }} />;
    case 'institution':
      return (
        <InstitutionInput
          id={id}
          value={str}
          onChange={setText}
          regionCode={field.platformList ? destination : undefined}
          placeholder={field.placeholder}
          onPick={(hit) => form.setFieldValue(codePath, hit?.code)}
        />
      );
    case 'diagnosis': {
      const half = field.key === 'diagnosisCode' ? 'code' : 'name';
      return (
        <DiagnosisInput
          id={id}
          value={str}
          onChange={setText}
          half={half}
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          onPick={(hit) => {
            // The other half, where this type has it (emergency has a name only).
            form.setFieldValue(['details', half === 'name' ? 'diagnosisCode' : 'diagnosisName'], half === 'name' ? hit.code : hit.name);
          }}
        />
      );
    }
    default:
      return <Input id={id} value={str} onChange={(e) => setText(e.target.value)} maxLength={field.maxLength} autoComplete="off" placeholder={field.placeholder} />;
  }
}
