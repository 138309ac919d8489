// Who is working where: the institution, the navigation this role may use, the operator — whose
// name opens 修改密码 (auth.changePassword, open to every role).
import { App, Button, Dropdown, Layout, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS, type InstitutionDto, type OperatorDto } from '../../../../shared/contract';
import { ChangePasswordForm } from '../login/ChangePasswordForm';
import type { View, ViewDef } from './views';

export interface AppHeaderProps {
  institution: InstitutionDto | null;
  operator: OperatorDto;
  /** The screens this operator may open (views.tsx). */
  views: readonly ViewDef[];
  view: View;
  onNavigate: (view: View) => void;
  onLogout: () => void;
}

export function AppHeader({ institution, operator, views, view, onNavigate, onLogout }: AppHeaderProps) {
  const main = views.filter((v) => v.group === 'main');
  const manage = views.filter((v) => v.group === 'manage');
  const managing = manage.find((v) => v.key === view);
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #e8ebf0', display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, height: 56, lineHeight: '56px' }}>
      <div style={{ display: 'flex', flexDirection: 'column', lineHeight: 1.3, minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          医保异地备案工作台
        </Typography.Text>
        {institution && (
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 320 }} data-testid="institution-name">
            {institution.name}
          </Typography.Text>
        )}
      </div>
      <Space size={8}>
        {main.map((v) => (
          <Button key={v.key} type={view === v.key ? 'primary' : 'text'} onClick={() => onNavigate(v.key)}>
            {v.label}
          </Button>
        ))}
        {manage.length > 0 && (
          <Dropdown menu={{ items: manage.map((v) => ({ key: v.key, label: v.label })), selectedKeys: managing ? [managing.key] : [], onClick: ({ key }) => onNavigate(key) }}>
            <Button type={managing ? 'primary' : 'text'} data-testid="manage-menu">
              {managing ? `管理 · ${managing.label}` : '管理'}
            </Button>
          </Dropdown>
        )}
      </Space>
      <Space size={12} style={{ marginLeft: 'auto' }}>
        <OperatorMenu operator={operator} />
        <Button onClick={onLogout}>退出登录</Button>
      </Space>
    </Layout.Header>
  );
}

/** The operator's name and role; a click offers 修改密码 in a dialog. */
function OperatorMenu({ operator }: { operator: OperatorDto }) {
  const { message } = App.useApp();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items: [{ key: 'password', label: '修改密码' }], onClick: () => setChanging(true) }}>
        <Button type="text" data-testid="operator">
          {operator.displayName} <Tag style={{ marginInlineEnd: 0 }}>{ROLE_LABELS[operator.role]}</Tag>
          <span aria-hidden>▾</span>
        </Button>
      </Dropdown>
      {changing && (
        <Modal open title="修改密码" footer={null} onCancel={() => setChanging(false)} destroyOnHidden>
          <ChangePasswordForm
            onChanged={() => {
              setChanging(false);
              void message.success('密码已修改');
            }}
          />
        </Modal>
      )}
    </>
  );
}
