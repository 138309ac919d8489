// 机构信息: the name changes freely; the institution code and region identify the desk to the platform,
// so once filings exist changing them needs the operator to acknowledge the warning first.
import { Alert, App, Button, Card, Checkbox, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { RegionPicker } from '../../components/RegionPicker';
import { useFormFailure } from '../../forms/useFormFailure';

type State = ResponseOf<'settings.institution.get'>;
interface Values {
  name?: string;
  code?: string;
  regionCode?: string;
  confirmIdentityChange?: boolean;
}
const FIELDS = ['name', 'code', 'regionCode', 'confirmIdentityChange'] as const;

export function InstitutionSettings() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, 'institution_settings', FIELDS);
  const [state, setState] = useState<State | null>(null);
  const [busy, setBusy] = useState(false);
  const code = Form.useWatch('code', form);
  const regionCode = Form.useWatch('regionCode', form);

  useEffect(() => {
    void api.invoke('settings.institution.get', {}).then((r) => {
      if (!r.ok) return failure.show(r);
      setState(r.value);
      form.setFieldsValue({ ...r.value.institution, confirmIdentityChange: false });
    });
    // Read once when the screen opens.
  }, [api]);

  const identityChanged = state !== null && ((code ?? '').trim().toUpperCase() !== state.institution.code || regionCode !== state.institution.regionCode);

  async function save(v: Values) {
    setBusy(true);
    const r = await api.invoke('settings.institution.set', { name: v.name ?? '', code: v.code ?? '', regionCode: v.regionCode ?? '', confirmIdentityChange: v.confirmIdentityChange ?? false });
    setBusy(false);
    if (!r.ok) return failure.show(r);
    failure.clear();
    setState(r.value);
    form.setFieldsValue({ ...r.value.institution, confirmIdentityChange: false });
    void message.success('机构信息已保存（已打开的其他窗口刷新后显示新名称）');
  }

  return (
    <Card title="机构信息" loading={state === null && !failure.failure}>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<Values> form={form} name="institution_settings" layout="vertical" style={{ maxWidth: 520 }} onFinish={(v) => void save(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="name" label="医疗机构名称">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="code" label="定点医疗机构编码">
          <Input maxLength={12} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在医保区划">
          <RegionPicker scope="division" />
        </Form.Item>
        {identityChanged && state.filingCount > 0 && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`本工作台已有${state.filingCount}条备案`}
              description="修改机构编码或所在区划后，待上传的备案将以新的编码上传，默认政策配置和备案表样式也可能随区划改变。请确认与医保部门核对过再修改。"
            />
            <Form.Item name="confirmIdentityChange" valuePropName="checked">
              <Checkbox>我已知晓影响，确认修改</Checkbox>
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          保存机构信息
        </Button>
      </Form>
    </Card>
  );
}
