// 登录: every call after this carries the operator's session (and role). A locked account gets the
// main side's message with the time it unlocks; after an admin's password reset the operator sets a
// new password here before the workspace opens.
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { InstitutionDto, OperatorDto } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { CenteredCard } from '../CenteredCard';
import { ChangePasswordForm } from './ChangePasswordForm';

interface LoginValues {
  username?: string;
  password?: string;
}

const FORM = 'login';
const FIELDS = ['username', 'password'] as const;

export interface LoginScreenProps {
  institution: InstitutionDto | null;
  notice?: string | undefined;
  username?: string | undefined;
  onLoggedIn: (operator: OperatorDto) => void;
}

export function LoginScreen({ institution, notice, username, onLoggedIn }: LoginScreenProps) {
  const api = useApi();
  const [form] = Form.useForm<LoginValues>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [busy, setBusy] = useState(false);
  const [passwordDue, setPasswordDue] = useState<{ operator: OperatorDto; password: string } | null>(null);

  async function submit(values: LoginValues) {
    setBusy(true);
    const result = await api.invoke('auth.login', { username: values.username ?? '', password: values.password ?? '' });
    setBusy(false);
    if (!result.ok) {
      failure.show(result);
      form.setFieldValue('password', '');
      return;
    }
    const session = await api.invoke('auth.session', {});
    if (session.ok && session.value.mustChangePassword) return setPasswordDue({ operator: result.value.operator, password: values.password ?? '' });
    onLoggedIn(result.value.operator);
  }

  if (passwordDue) {
    return (
      <CenteredCard title="设置新密码" subtitle={`${passwordDue.operator.displayName}，管理员已重置您的密码，请设置自己的新密码后继续。`} width={400}>
        <ChangePasswordForm currentPassword={passwordDue.password} submitLabel="保存并进入工作台" onChanged={(s) => onLoggedIn(s.operator)} />
      </CenteredCard>
    );
  }

  return (
    <CenteredCard title="登录" subtitle={institution ? `${institution.name}（${institution.code}）` : undefined} width={400}>
      {notice && !failure.failure && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<LoginValues> form={form} name={FORM} layout="vertical" initialValues={{ username }} onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="username" label="登录名">
          <Input autoFocus={!username} autoComplete="username" maxLength={32} />
        </Form.Item>
        <Form.Item name="password" label="密码">
          <Input.Password autoFocus={Boolean(username)} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
