// Who is working where: the institution, the navigation this role may use, the operator.
import { Button, Layout, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS, type InstitutionDto, type OperatorDto } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import type { View } from './views';

export interface AppHeaderProps {
  institution: InstitutionDto | null;
  operator: OperatorDto;
  view: View;
  onNavigate: (view: View) => void;
  onLogout: () => void;
}

export function AppHeader({ institution, operator, view, onNavigate, onLogout }: AppHeaderProps) {
  const canCreate = canCall(operator.role, 'filing.create');
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
        <Button type={view === 'list' ? 'primary' : 'text'} onClick={() => onNavigate('list')}>
          备案列表
        </Button>
        {canCreate && (
          <Button type={view === 'new-referral' ? 'primary' : 'text'} onClick={() => onNavigate('new-referral')}>
            新增备案
          </Button>
        )}
        <Button type={view === 'queue' ? 'primary' : 'text'} onClick={() => onNavigate('queue')}>
          上传队列
        </Button>
      </Space>
      <Space size={12} style={{ marginLeft: 'auto' }}>
        <span data-testid="operator">
          {operator.displayName} <Tag>{ROLE_LABELS[operator.role]}</Tag>
        </span>
        <Button onClick={onLogout}>退出登录</Button>
      </Space>
    </Layout.Header>
  );
}
