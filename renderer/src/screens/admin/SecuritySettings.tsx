// 登录与锁屏: the login attempt limit, how long a locked account waits, and the idle screen lock.
import { App, Button, Card, Form, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { SECURITY_LIMITS, type SecuritySettingsDto } from '../../../../shared/contract/areas/admin';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';

const FIELDS = ['loginMaxAttempts', 'lockoutMinutes', 'idleLockMinutes'] as const;

export function SecuritySettings() {
  const api = useApi();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettingsDto>();
  const failure = useFormFailure(form, 'security_settings', FIELDS);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.invoke('settings.security.get', {}).then((r) => {
      if (!r.ok) return failure.show(r);
      form.setFieldsValue(r.value);
      setLoaded(true);
    });
    // Read once when the screen opens.
  }, [api]);

  async function save(v: SecuritySettingsDto) {
    setBusy(true);
    const r = await api.invoke('settings.security.set', v);
    setBusy(false);
    if (!r.ok) return failure.show(r);
    failure.clear();
    form.setFieldsValue(r.value);
    void message.success('登录与锁屏设置已保存（锁屏时间在各窗口下次登录或刷新后生效）');
  }

  const L = SECURITY_LIMITS;
  return (
    <Card title="登录与锁屏" loading={!loaded && !failure.failure}>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<SecuritySettingsDto> form={form} name="security_settings" layout="vertical" style={{ maxWidth: 520 }} onFinish={(v) => void save(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="loginMaxAttempts" label="连续输错密码几次后锁定账号" extra={`${L.loginMaxAttempts.min}–${L.loginMaxAttempts.max} 次`}>
          <InputNumber min={L.loginMaxAttempts.min} max={L.loginMaxAttempts.max} precision={0} suffix="次" />
        </Form.Item>
        <Form.Item name="lockoutMinutes" label="账号锁定时长" extra="到时自动解锁；管理员可在操作员管理中提前解除">
          <InputNumber min={L.lockoutMinutes.min} max={L.lockoutMinutes.max} precision={0} suffix="分钟" />
        </Form.Item>
        <Form.Item name="idleLockMinutes" label="无操作多久后锁屏" extra="锁屏后须输入本人密码解锁，未保存的内容保留">
          <InputNumber min={L.idleLockMinutes.min} max={L.idleLockMinutes.max} precision={0} suffix="分钟" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存登录与锁屏设置
        </Button>
      </Form>
    </Card>
  );
}
