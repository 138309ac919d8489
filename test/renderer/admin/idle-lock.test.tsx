// The idle lock in the renderer: after the admin-set minutes without input it asks the main side to
// lock the session and covers the workspace; activity resets the count; the password unlocks it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperatorDto } from '../../../shared/contract';
import type { SessionStateDto } from '../../../shared/contract/areas/admin';
import { IdleLock } from '../../../renderer/src/screens/workspace/IdleLock';
import { fakeDesk } from '../fakeDesk';

const operator: OperatorDto = { id: 'op1', username: 'clerk1', displayName: '孙经办', role: 'operator', active: true };
const state = (over: Partial<SessionStateDto> = {}): SessionStateDto => ({ operator, locked: false, mustChangePassword: false, idleLockMinutes: 2, ...over });

afterEach(() => {
  vi.useRealTimers();
});

function desk(initial: SessionStateDto) {
  return fakeDesk({
    'auth.session': () => ({ ok: true, value: initial }),
    'auth.lock': () => ({ ok: true, value: state({ locked: true }) }),
    'auth.unlock': (req) =>
      req.password === 'Right2026'
        ? { ok: true, value: state() }
        : { ok: false, code: 'INVALID_REQUEST', message: '密码不正确，请重新输入', fields: { password: '密码不正确' } },
  });
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('IdleLock', () => {
  it('locks after the idle minutes, not before, and activity starts the count again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const d = desk(state());
    render(d.wrap(<IdleLock operator={operator} onLogout={() => {}} />));
    await waitFor(() => expect(d.invoke).toHaveBeenCalledWith('auth.session', {}));
    await advance(90_000);
    fireEvent.keyDown(window, { key: 'a' });
    await advance(90_000);
    expect(d.invoke).not.toHaveBeenCalledWith('auth.lock', {});
    expect(screen.queryByTestId('idle-lock')).toBeNull();
    await advance(40_000);
    await waitFor(() => expect(d.invoke).toHaveBeenCalledWith('auth.lock', {}));
    expect(await screen.findByText('2分钟无操作，屏幕已锁定。请 孙经办（clerk1）输入密码解锁，未保存的内容仍在。')).toBeTruthy();
  });

  it('unlocks with the right password and shows the refusal under the field otherwise', async () => {
    const d = desk(state({ locked: true }));
    render(d.wrap(<IdleLock operator={operator} onLogout={() => {}} />));
    const input = await screen.findByLabelText('密码');
    fireEvent.change(input, { target: { value: 'wrong2026' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    expect(await screen.findByText('密码不正确')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'Right2026' } });
    fireEvent.click(screen.getByRole('button', { name: '解锁' }));
    await waitFor(() => expect(screen.queryByTestId('idle-lock')).toBeNull());
    expect(d.invoke).toHaveBeenCalledWith('auth.unlock', { password: 'Right2026' });
  });

  it('asks for a new password when the session is held for one', async () => {
    const d = desk(state({ mustChangePassword: true }));
    render(d.wrap(<IdleLock operator={operator} onLogout={() => {}} />));
    expect(await screen.findByLabelText('新密码')).toBeTruthy();
    expect(screen.getByText('孙经办，管理员已重置您的密码，请设置自己的新密码后继续。')).toBeTruthy();
  });
});
