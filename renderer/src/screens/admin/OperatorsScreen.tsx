// 操作员管理 (admins): accounts, roles, disable/enable, password reset and login unlock. The main
// side refuses what would leave no active admin or lock the acting admin out; the screen does not
// offer those on the admin's own row either.
import { App, Button, Card, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS, type OperatorDto } from '../../../../shared/contract';
import type { OperatorAccountDto } from '../../../../shared/contract/areas/admin';
import { useApi } from '../../api/ApiContext';
import { formatDateTime } from '../../format/dates';
import { ChangePasswordForm } from '../login/ChangePasswordForm';
import { CreateOperatorDialog, ResetPasswordDialog, ROLE_OPTIONS } from './OperatorDialogs';

export function OperatorsScreen({ me }: { me: OperatorDto }) {
  const api = useApi();
  const { message } = App.useApp();
  const [accounts, setAccounts] = useState<OperatorAccountDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<OperatorAccountDto | null>(null);
  const [changingOwn, setChangingOwn] = useState(false);

  const reload = useCallback(() => {
    void api.invoke('operator.accounts', {}).then((r) => {
      if (!r.ok) return setLoadError(r.message);
      setLoadError(null);
      setAccounts(r.value);
    });
  }, [api]);
  useEffect(reload, [reload]);

  const apply = async (call: Promise<{ ok: true; value: OperatorAccountDto } | { ok: false; message: string }>, done: string) => {
    const r = await call;
    if (!r.ok) return void message.error(r.message);
    void message.success(done);
    reload();
  };

  const now = new Date().toISOString();
  const columns: TableColumnsType<OperatorAccountDto> = [
    { title: '登录名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 140 },
    {
      title: '角色',
      dataIndex: 'role',
      width: 150,
      render: (_: unknown, a) =>
        a.id === me.id ? (
          <span>{ROLE_LABELS[a.role]}（本人）</span>
        ) : (
          <Select
            size="small"
            value={a.role}
            options={ROLE_OPTIONS}
            style={{ width: 110 }}
            aria-label={`${a.username}的角色`}
            onChange={(role) => void apply(api.invoke('operator.setRole', { id: a.id, role }), `已将 ${a.displayName} 的角色改为${ROLE_LABELS[role]}`)}
          />
        ),
    },
    {
      title: '状态',
      key: 'state',
      render: (_: unknown, a) => (
        <Space size={4} wrap>
          {a.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
          {a.lockedUntil && a.lockedUntil > now && <Tag color="red">登录锁定至 {formatDateTime(a.lockedUntil)}</Tag>}
          {a.mustChangePassword && <Tag color="orange">待设置新密码</Tag>}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_: unknown, a) =>
        a.id === me.id ? (
          <Button size="small" onClick={() => setChangingOwn(true)}>
            修改我的密码
          </Button>
        ) : (
          <Space size={4}>
            <Button size="small" onClick={() => setResetting(a)}>
              重置密码
            </Button>
            {a.active ? (
              <Popconfirm title={`停用 ${a.displayName}？`} description="停用后该账号不能登录，已登录的窗口会退出。" okText="停用" cancelText="取消" onConfirm={() => apply(api.invoke('operator.setActive', { id: a.id, active: false }), `已停用 ${a.displayName}`)}>
                <Button size="small" danger>
                  停用
                </Button>
              </Popconfirm>
            ) : (
              <Button size="small" onClick={() => void apply(api.invoke('operator.setActive', { id: a.id, active: true }), `已启用 ${a.displayName}`)}>
                启用
              </Button>
            )}
            {a.lockedUntil && a.lockedUntil > now && (
              <Button size="small" onClick={() => void apply(api.invoke('operator.unlock', { id: a.id }), `已解除 ${a.displayName} 的登录锁定`)}>
                解除锁定
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <Card
      title="操作员管理"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建操作员
        </Button>
      }
    >
      {loadError && <Typography.Text type="danger">{loadError}</Typography.Text>}
      <Table<OperatorAccountDto> rowKey="id" size="middle" columns={columns} dataSource={accounts ?? []} loading={accounts === null && !loadError} pagination={false} />
      {creating && (
        <CreateOperatorDialog
          onClose={() => setCreating(false)}
          onCreated={(op) => {
            setCreating(false);
            void message.success(`已创建操作员 ${op.displayName}（${op.username}）`);
            reload();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordDialog
          account={resetting}
          onClose={() => setResetting(null)}
          onDone={(a) => {
            setResetting(null);
            void message.success(`已重置 ${a.displayName} 的密码，下次登录时须设置新密码`);
            reload();
          }}
        />
      )}
      {changingOwn && (
        <Modal open title="修改我的密码" footer={null} onCancel={() => setChangingOwn(false)} destroyOnHidden>
          <ChangePasswordForm
            onChanged={() => {
              setChangingOwn(false);
              void message.success('密码已修改');
            }}
          />
        </Modal>
      )}
    </Card>
  );
}
