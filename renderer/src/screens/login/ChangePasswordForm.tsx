// 设置新密码: after an admin's reset (at login, or on a reloaded page held for it) and from the
// operator's own 修改密码. The main side checks the rules again (length, letters and digits, not the login name).
import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';

interface Values {
  currentPassword?: string;
  newPassword?: string;
  confirm?: string;
}

const FORM = 'change_password';
const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
export const PASSWORD_RULES_HINT = '至少8位，须同时包含字母和数字，不能是登录名';

export interface ChangePasswordFormProps {
  /** The password just typed at login (a reset's temporary one): not asked again. */
  currentPassword?: string | undefined;
  submitLabel?: string;
  onChanged: (state: ResponseOf<'auth.changePassword'>) => void;
}

export function ChangePasswordForm({ currentPassword, submitLabel = '保存新密码', onChanged }: ChangePasswordFormProps) {
  const api = useApi();
  const [form] = Form.useForm<Values>();
  const failure = useFormFailure(form, FORM, FIELDS);
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    if ((values.newPassword ?? '') !== (values.confirm ?? '')) {
      form.setFields([{ name: 'confirm', errors: ['两次输入的新密码不一致，请重新输入'] }]);
      return;
    }
    setBusy(true);
    const result = await api.invoke('auth.changePassword', { currentPassword: currentPassword ?? values.currentPassword ?? '', newPassword: values.newPassword ?? '' });
    setBusy(false);
    if (!result.ok) return failure.show(result);
    failure.clear();
    onChanged(result.value);
  }

  return (
    <>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<Values> form={form} name={FORM} layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        {currentPassword === undefined && (
          <Form.Item name="currentPassword" label="当前密码">
            <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
          </Form.Item>
        )}
        <Form.Item name="newPassword" label="新密码" extra={PASSWORD_RULES_HINT}>
          <Input.Password autoFocus={currentPassword !== undefined} autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="confirm" label="再次输入新密码">
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
