// The idle screen lock. After the admin-set minutes without keyboard or mouse the workspace is
// covered and the main side marks the session locked (auth.lock), so every call but unlock and
// logout is refused there too; the operator's password (auth.unlock) opens it again and the session
// and the screen underneath are as they were. A session held for a new password (an admin's reset,
// e.g. on a reloaded page) gets the same cover with the change-password form.
import { Button, Card, Form, Input, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OperatorDto, Result } from '../../../../shared/contract';
import type { SessionStateDto } from '../../../../shared/contract/areas/admin';
import { useApi } from '../../api/ApiContext';
import { FailureAlert } from '../../components/FailureAlert';
import { useFormFailure } from '../../forms/useFormFailure';
import { ChangePasswordForm } from '../login/ChangePasswordForm';

/** What counts as the operator being at the desk. */
const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

export interface IdleLockProps {
  operator: OperatorDto;
  onLogout: () => void;
  /** After unlocking: what the workspace read while the session was held is read again. */
  onResumed?: () => void;
}

export function IdleLock({ operator, onLogout, onResumed }: IdleLockProps) {
  const api = useApi();
  const [state, setState] = useState<SessionStateDto | null>(null);
  const lastActivity = useRef(Date.now());

  const take = useCallback((r: Result<SessionStateDto>) => {
    if (r.ok) setState(r.value);
  }, []);

  useEffect(() => {
    void api.invoke('auth.session', {}).then(take);
  }, [api, take]);

  const idleMs = state && !state.locked && !state.mustChangePassword ? state.idleLockMinutes * 60_000 : null;
  useEffect(() => {
    if (idleMs === null) return;
    lastActivity.current = Date.now();
    const touch = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMs) void api.invoke('auth.lock', {}).then(take);
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, touch, { capture: true });
    };
  }, [api, idleMs, take]);

  const resume = (next: SessionStateDto) => {
    setState(next);
    onResumed?.();
  };

  if (!state || (!state.locked && !state.mustChangePassword)) return null;
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-label={state.mustChangePassword ? '设置新密码' : '屏幕已锁定'}
      data-testid="idle-lock"
      style={{ position: 'fixed', inset: 0, zIndex: 2000, background: 'rgba(20, 30, 50, 0.72)', backdropFilter: 'blur(6px)', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
    >
      <Card title={state.mustChangePassword ? '设置新密码' : '屏幕已锁定'} style={{ width: 380, maxWidth: '92vw' }}>
        {state.mustChangePassword ? (
          <>
            <Typography.Paragraph type="secondary">{operator.displayName}，管理员已重置您的密码，请设置自己的新密码后继续。</Typography.Paragraph>
            <ChangePasswordForm onChanged={resume} />
          </>
        ) : (
          <UnlockForm operator={operator} idleMinutes={state.idleLockMinutes} onUnlocked={resume} />
        )}
        <Button type="link" block style={{ marginTop: 8 }} onClick={onLogout}>
          退出登录，换人登录
        </Button>
      </Card>
    </div>
  );
}

function UnlockForm({ operator, idleMinutes, onUnlocked }: { operator: OperatorDto; idleMinutes: number; onUnlocked: (s: SessionStateDto) => void }) {
  const api = useApi();
  const [form] = Form.useForm<{ password?: string }>();
  const failure = useFormFailure(form, 'unlock', ['password']);
  const [busy, setBusy] = useState(false);

  async function submit(values: { password?: string }) {
    setBusy(true);
    const r = await api.invoke('auth.unlock', { password: values.password ?? '' });
    setBusy(false);
    form.setFieldValue('password', '');
    if (!r.ok) return failure.show(r);
    failure.clear();
    onUnlocked(r.value);
  }

  return (
    <>
      <Typography.Paragraph type="secondary">
        {idleMinutes}分钟无操作，屏幕已锁定。请 {operator.displayName}（{operator.username}）输入密码解锁，未保存的内容仍在。
      </Typography.Paragraph>
      <FailureAlert failure={failure.failure} extra={failure.unplaced} />
      <Form form={form} name="unlock" layout="vertical" onFinish={(v) => void submit(v)} onValuesChange={failure.onValuesChange}>
        <Form.Item name="password" label="密码">
          <Input.Password autoFocus autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          解锁
        </Button>
      </Form>
    </>
  );
}
