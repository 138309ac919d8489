// Which screen the desk shows: first-run setup, login, or the workspace of a logged-in operator.
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { OperatorDto, ResponseOf } from '../../shared/contract';
import { useApi } from './api/ApiContext';
import { TrainingBanner } from './components/TrainingBanner';
import { LoginScreen } from './screens/login/LoginScreen';
import { SetupScreen } from './screens/setup/SetupScreen';
import { Workspace } from './screens/workspace/Workspace';

type AppInfo = ResponseOf<'app.info'>;

type Stage =
  | { name: 'loading' }
  | { name: 'unreachable'; message: string }
  | { name: 'setup' }
  | { name: 'login'; notice?: string; username?: string }
  | { name: 'workspace'; operator: OperatorDto };

export function App() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stage, setStage] = useState<Stage>({ name: 'loading' });

  const boot = useCallback(
    async (next?: Stage) => {
      const result = await api.invoke('app.info', {});
      if (!result.ok) return setStage({ name: 'unreachable', message: result.message });
      setInfo(result.value);
      if (!result.value.initialized) return setStage({ name: 'setup' });
      if (next) return setStage(next);
      // A reload keeps the session (sessionStorage in browser mode, per window in Electron).
      const me = await api.invoke('auth.me', {});
      setStage(me.ok ? { name: 'workspace', operator: me.value } : { name: 'login' });
    },
    [api],
  );

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () => api.onSessionLost((message) => setStage((s) => (s.name === 'workspace' ? { name: 'login', notice: message } : s))),
    [api],
  );

  const logout = useCallback(async () => {
    await api.invoke('auth.logout', {});
    setStage({ name: 'login', notice: '已退出登录' });
  }, [api]);

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      {info?.mode === 'training' && <TrainingBanner />}
      {stage.name === 'loading' && <Spin size="large" style={{ marginTop: 120 }} description="正在连接工作台…" />}
      {stage.name === 'unreachable' && (
        <Result
          status="warning"
          title="无法连接工作台服务"
          subTitle={stage.message}
          extra={<Button type="primary" onClick={() => void boot()}>重试</Button>}
        />
      )}
      {stage.name === 'setup' && (
        <SetupScreen
          onDone={(username) => void boot({ name: 'login', username, notice: '初始设置已完成，请用管理员账号登录' })}
        />
      )}
      {stage.name === 'login' && (
        <LoginScreen
          institution={info?.institution ?? null}
          notice={stage.notice}
          username={stage.username}
          onLoggedIn={(operator) => setStage({ name: 'workspace', operator })}
        />
      )}
      {stage.name === 'workspace' && info && <Workspace institution={info.institution} operator={stage.operator} onLogout={() => void logout()} />}
    </div>
  );
}
