// The operator screen's dialogs: a new account, and a temporary password for someone who forgot theirs.
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, ROLES, type OperatorDto, type Role } from '../../../../shared/contract';
import type { OperatorAccountDto } from '../../../../shared/contract/areas/admin';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { PASSWORD_RULES_HINT } from '../login/ChangePasswordForm';

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface CreateValues {
  username?: string;
  displayName?: string;
  role?: Role;
  password?: string;
}
const CREATE_FIELDS = ['username', 'displayName', 'role', 'password'] as const;

export function CreateOperatorDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (op: OperatorDto) => void }) {
  const api = useApi();
  const [form] = Form.useForm<CreateValues>();
  const failure = useFormFailure(form, 'create_operator', CREATE_FIELDS);
  const [busy, setBusy] = useState(false);

  async function submit(v: CreateValues) {
    setBusy(true);
    const r = await api.invoke('operator.create', { username: v.username ?? '', displayName: v.displayName ?? '', role: v.role ?? 'operator', password: v.password ?? '' });
    setBusy(false);
    if (!r.ok) return failure.show(r);
    onCreated(r.value);
  }

  return (
    <Modal open title="新建操作员" okText="创建" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form<CreateValues> form={form} name="create_operator" layout="vertical" initialValues={{ role: 'operator' }} onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="username" label="登录名" extra="字母、数字、下划线、点和短横线">
          <Input autoFocus maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={ROLE_OPTIONS} />
        </Form.Item>
        <Form.Item name="password" label="初始密码" extra={PASSWORD_RULES_HINT}>
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ResetPasswordDialog({ account, onClose, onDone }: { account: OperatorAccountDto; onClose: () => void; onDone: (a: OperatorAccountDto) => void }) {
  const api = useApi();
  const [form] = Form.useForm<{ password?: string }>();
  const failure = useFormFailure(form, 'reset_password', ['password']);
  const [busy, setBusy] = useState(false);

  async function submit(v: { password?: string }) {
    setBusy(true);
    const r = await api.invoke('operator.resetPassword', { id: account.id, password: v.password ?? '' });
    setBusy(false);
    if (!r.ok) return failure.show(r);
    onDone(r.value);
  }

  return (
    <Modal open title={`重置密码：${account.displayName}（${account.username}）`} okText="重置密码" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="设置一个临时密码并当面告知本人：其已登录的窗口会退出，下次登录时须设置自己的新密码；登录锁定同时解除。" />
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name="reset_password" layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="password" label="临时密码" extra={PASSWORD_RULES_HINT}>
          <Input.Password autoFocus maxLength={128} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
