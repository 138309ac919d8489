// The logged-in desk: header, the outage banner, the platform and queue status, and the current screen.
import { App, Layout } from 'antd';
import { useState } from 'react';
import type { InstitutionDto, OperatorDto } from '../../../../shared/contract';
import { canCall } from '../../api/access';
import { useApi } from '../../api/ApiContext';
import { OutageBanner } from '../queue/OutageBanner';
import { useDeskStatus } from '../queue/useDeskStatus';
import { AppHeader } from './AppHeader';
import { IdleLock } from './IdleLock';
import { QueueStatusBar } from './QueueStatusBar';
import { HOME_VIEW, viewsFor, type View } from './views';

export interface WorkspaceProps {
  institution: InstitutionDto | null;
  operator: OperatorDto;
  onLogout: () => void;
}

export function Workspace({ institution, operator, onLogout }: WorkspaceProps) {
  const [view, setView] = useState<View>(HOME_VIEW);
  const views = viewsFor(operator);
  const current = views.find((v) => v.key === view) ?? views[0];
  const status = useDeskStatus();
  const retry = useRetryNow(status.refresh);
  return (
    <Layout style={{ flex: 1 }}>
      <AppHeader institution={institution} operator={operator} views={views} view={current?.key ?? view} onNavigate={setView} onLogout={onLogout} />
      <OutageBanner platform={status.platform} onRetry={canCall(operator.role, 'queue.retryNow') ? retry.run : undefined} retrying={retry.busy} />
      <QueueStatusBar status={status} onOpenQueue={view === 'queue' ? undefined : () => setView('queue')} />
      <Layout.Content style={{ padding: 24 }}>
        {current?.render({ operator, institution, status, navigate: setView })}
      </Layout.Content>
      <IdleLock operator={operator} onLogout={onLogout} onResumed={status.refresh} />
    </Layout>
  );
}

/** 立即重试 from the outage banner: the queue probes the platform at once (queue.retryNow). */
function useRetryNow(refresh: () => void) {
  const api = useApi();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    void api.invoke('queue.retryNow', {}).then((r) => {
      setBusy(false);
      if (!r.ok) return void message.error(r.message);
      message.info('正在重新连接医保平台…');
      refresh();
    });
  };
  return { run, busy };
}
