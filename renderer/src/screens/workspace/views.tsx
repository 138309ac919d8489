// The workspace's screens, one registry: the header's navigation and the content area both read it.
// A screen is shown to the roles that may call its gating channel (api/access.ts), so the menu never
// offers what the dispatcher would refuse. `group: 'manage'` screens sit in the header's 管理 menu.
import type { ReactNode } from 'react';
import type { ChannelName, InstitutionDto, OperatorDto } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { FilingListScreen } from '../filing-list/FilingListScreen';
import { QueueScreen } from '../queue/QueueScreen';
import type { DeskStatus } from '../queue/useDeskStatus';
import { FilingFormScreen } from '../filing-form';
import { ReviewScreen } from '../review/ReviewScreen';
import { AuditScreen } from '../admin/AuditScreen';
import { OperatorsScreen } from '../admin/OperatorsScreen';
import { SettingsScreen } from '../admin/SettingsScreen';
import { ReportsScreen } from '../reports/ReportsScreen';
import { BackupScreen } from '../backup/BackupScreen';
import { BackEntryScreen, CutoverScreen } from '../cutover';

export type View = string;

/** What a screen gets from the workspace. */
export interface ViewContext {
  operator: OperatorDto;
  institution: InstitutionDto | null;
  status: DeskStatus;
  navigate: (view: View) => void;
}

export interface ViewDef {
  key: View;
  label: string;
  group: 'main' | 'manage';
  /** The channel whose access decides who sees the screen. */
  channel: ChannelName;
  render: (ctx: ViewContext) => ReactNode;
}

export const VIEWS: readonly ViewDef[] = [
  {
    key: 'list',
    label: '备案列表',
    group: 'main',
    channel: 'filing.list',
    render: ({ operator, navigate }) => (
      <FilingListScreen onNew={canCall(operator.role, 'filing.create') ? () => navigate('new-referral') : undefined} canVoid={canCall(operator.role, 'filing.void')} operator={operator} />
    ),
  },
  {
    // Every filing type the institution's profile offers (the key predates the other types; the list's 新增 opens it).
    key: 'new-referral',
    label: '新增备案',
    group: 'main',
    channel: 'filing.create',
    render: ({ navigate }) => <FilingFormScreen onDone={() => navigate('list')} />,
  },
  {
    key: 'queue',
    label: '上传队列',
    group: 'main',
    channel: 'queue.list',
    render: ({ operator, status }) => <QueueScreen role={operator.role} stats={status.stats} platformState={status.platform?.state ?? null} />,
  },
  {
    key: 'review',
    label: '复核',
    group: 'main',
    channel: 'review.list',
    render: ({ operator }) => <ReviewScreen operator={operator} />,
  },
  {
    key: 'reports',
    label: '统计报表',
    group: 'manage',
    channel: 'report.summary',
    render: () => <ReportsScreen />,
  },
  {
    key: 'operators',
    label: '操作员管理',
    group: 'manage',
    channel: 'operator.accounts',
    render: ({ operator }) => <OperatorsScreen me={operator} />,
  },
  {
    key: 'audit',
    label: '审计日志',
    group: 'manage',
    channel: 'audit.list',
    render: () => <AuditScreen />,
  },
  {
    key: 'backup',
    label: '数据备份',
    group: 'manage',
    channel: 'backup.restore',
    render: () => <BackupScreen />,
  },
  {
    key: 'cutover',
    label: '平台切换',
    group: 'manage',
    channel: 'cutover.profile.get',
    render: () => <CutoverScreen />,
  },
  {
    key: 'back-entry',
    label: '补录纸质备案',
    group: 'manage',
    channel: 'cutover.backEntry.create',
    render: () => <BackEntryScreen />,
  },
  {
    key: 'settings',
    label: '系统设置',
    group: 'manage',
    channel: 'settings.security.set',
    render: ({ institution, navigate }) => {
      // Platform profile and credentials live on the cut-over screen (平台切换).
      const platform = VIEWS.find((v) => v.key === 'cutover');
      return <SettingsScreen institution={institution} onOpenPlatform={platform ? () => navigate(platform.key) : undefined} />;
    },
  },
];

export const HOME_VIEW: View = 'list';

export function viewsFor(operator: OperatorDto): ViewDef[] {
  return VIEWS.filter((v) => canCall(operator.role, v.channel));
}
