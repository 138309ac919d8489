// The logged-in desk: header, queue status, and the current screen.
import { Layout } from 'antd';
import { useState } from 'react';
import type { InstitutionDto, OperatorDto } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { FilingListScreen } from '../filing-list/FilingListScreen';
import { ReferralFormScreen } from '../referral-form/ReferralFormScreen';
import { AppHeader } from './AppHeader';
import { QueueStatusBar } from './QueueStatusBar';
import type { View } from './views';

export interface WorkspaceProps {
  institution: InstitutionDto | null;
  operator: OperatorDto;
  onLogout: () => void;
}

export function Workspace({ institution, operator, onLogout }: WorkspaceProps) {
  const [view, setView] = useState<View>('list');
  const canCreate = canCall(operator.role, 'filing.create');
  return (
    <Layout style={{ flex: 1 }}>
      <AppHeader institution={institution} operator={operator} view={view} onNavigate={setView} onLogout={onLogout} />
      <QueueStatusBar />
      <Layout.Content style={{ padding: 24 }}>
        {view === 'list' && <FilingListScreen onNew={canCreate ? () => setView('new-referral') : undefined} />}
        {view === 'new-referral' && canCreate && <ReferralFormScreen onDone={() => setView('list')} />}
      </Layout.Content>
    </Layout>
  );
}
