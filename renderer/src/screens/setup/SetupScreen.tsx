// 初始设置: the designated institution and the first administrator, once per desk.
import { Button, Divider, Form, Input } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { RegionPicker } from '../../components/RegionPicker';
import { useFormFailure } from '../../forms/useFormFailure';
import { CenteredCard } from '../CenteredCard';
import { SETUP_FIELDS, toSetupRequest, type SetupFormValues } from './setupRequest';

const FORM = 'setup';

export function SetupScreen({ onDone }: { onDone: (adminUsername: string) => void }) {
  const api = useApi();
  const [form] = Form.useForm<SetupFormValues>();
  const failure = useFormFailure(form, FORM, SETUP_FIELDS);
  const [saving, setSaving] = useState(false);

  async function submit(values: SetupFormValues) {
    const request = toSetupRequest(values);
    if (!request.ok) return failure.show(request);
    setSaving(true);
    const result = await api.invoke('setup.initialize', request.value);
    setSaving(false);
    if (!result.ok) return failure.show(result);
    failure.clear();
    onDone(result.value.admin.username);
  }

  return (
    <CenteredCard title="初始设置" subtitle="首次使用本工作台，请登记本院信息并创建管理员账号。" width={600}>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<SetupFormValues> form={form} name={FORM} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange} requiredMark>
        <Divider titlePlacement="start" plain>
          医疗机构
        </Divider>
        <Form.Item name="institutionCode" label="定点医疗机构编码" required extra="H 加 11 位数字，如 H34010100001">
          <Input autoFocus maxLength={12} autoComplete="off" />
        </Form.Item>
        <Form.Item name="institutionName" label="医疗机构名称" required>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="regionCode" label="所在医保区划" required>
          <RegionPicker scope="division" />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          管理员账号
        </Divider>
        <Form.Item name="adminUsername" label="登录名" required extra="字母、数字、下划线、点或短横线，2–32 位">
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="adminDisplayName" label="姓名" required>
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        <Form.Item name="adminPassword" label="密码" required extra="至少 8 位，须同时包含字母和数字">
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label="确认密码" required>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving}>
          完成设置
        </Button>
      </Form>
    </CenteredCard>
  );
}
