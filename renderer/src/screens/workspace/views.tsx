// The workspace's screens, one registry: the header's navigation and the content area both read it.
// A screen is shown to the roles that may call its gating channel (api/access.ts), so the menu never
// offers what the dispatcher would refuse. `group: 'manage'` screens sit in the header's 管理 menu.
import type { ReactNode } from 'react';
import type { ChannelName, InstitutionDto, OperatorDto } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { FilingListScreen } from '../filing-list/FilingListScreen';
import { QueueScreen } from '../queue/QueueScreen';
import type { DeskStatus } from '../queue/useDeskStatus';
import { ReferralFormScreen } from '../referral-form/ReferralFormScreen';

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
      <FilingListScreen onNew={canCall(operator.role, 'filing.create') ? () => navigate('new-referral') : undefined} canVoid={canCall(operator.role, 'filing.void')} />
    ),
  },
  {
    key: 'new-referral',
    label: '新增备案',
    group: 'main',
    channel: 'filing.create',
    render: ({ navigate }) => <ReferralFormScreen onDone={() => navigate('list')} />,
  },
  {
    key: 'queue',
    label: '上传队列',
    group: 'main',
    channel: 'queue.list',
    render: ({ operator, status }) => <QueueScreen role={operator.role} stats={status.stats} platformState={status.platform?.state ?? null} />,
  },
];

export const HOME_VIEW: View = 'list';

export function viewsFor(operator: OperatorDto): ViewDef[] {
  return VIEWS.filter((v) => canCall(operator.role, v.channel));
}
