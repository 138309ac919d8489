// 修改密码 from the header: any operator (not only an admin on 操作员管理) opens the change-password
// form from their name, and it calls auth.changePassword, which every role may call.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OperatorDto, Result } from '../../shared/contract';
import type { SessionStateDto } from '../../shared/contract/areas/admin';
import { ROLES } from '../../shared/contract/roles';
import { canCall } from '../../renderer/src/api/access';
import { AppHeader } from '../../renderer/src/screens/workspace/AppHeader';
import { fakeDesk } from './fakeDesk';

const operator: OperatorDto = { id: 'op1', username: 'clerk1', displayName: '孙经办', role: 'operator', active: true };

function renderHeader(answer: (req: { currentPassword: string; newPassword: string }) => Result<SessionStateDto>) {
  const desk = fakeDesk({ 'auth.changePassword': answer });
  render(desk.wrap(<AppHeader institution={null} operator={operator} views={[]} view="list" onNavigate={() => {}} onLogout={() => {}} />));
  return desk;
}

async function openChangePassword() {
  fireEvent.click(screen.getByTestId('operator'));
  fireEvent.click(await screen.findByText('修改密码'));
  return screen.findByRole('dialog');
}

function fill(current: string, next: string, confirm = next) {
  fireEvent.change(screen.getByLabelText('当前密码'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('新密码'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('再次输入新密码'), { target: { value: confirm } });
  fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
}

describe('修改密码 in the header', () => {
  it('lets every role call auth.changePassword', () => {
    expect(ROLES.filter((role) => !canCall(role, 'auth.changePassword'))).toEqual([]);
  });

  it('changes an operator’s own password from their name and closes the dialog', async () => {
    const desk = renderHeader(() => ({ ok: true, value: { operator, locked: false, mustChangePassword: false, idleLockMinutes: 15 } }));
    await openChangePassword();
    fill('Old2026pass', 'New2026pass');
    expect(await screen.findByText('密码已修改')).toBeTruthy();
    expect(desk.invoke).toHaveBeenCalledWith('auth.changePassword', { currentPassword: 'Old2026pass', newPassword: 'New2026pass' });
    await waitFor(() => expect(screen.queryByLabelText('当前密码')).toBeNull());
  });

  it('keeps the dialog open with the refusal under the field when the current password is wrong', async () => {
    renderHeader(() => ({ ok: false, code: 'INVALID_REQUEST', message: '当前密码不正确，请重新输入', fields: { currentPassword: '当前密码不正确' } }));
    await openChangePassword();
    fill('Wrong2026', 'New2026pass');
    expect(await screen.findByText('当前密码不正确')).toBeTruthy();
    expect(screen.getByLabelText('当前密码')).toBeTruthy();
  });

  it('does not send a new password typed differently twice', async () => {
    const desk = renderHeader(() => ({ ok: false, code: 'INTERNAL', message: 'not expected' }));
    await openChangePassword();
    fill('Old2026pass', 'New2026pass', 'New2026pasz');
    expect(await screen.findByText('两次输入的新密码不一致，请重新输入')).toBeTruthy();
    expect(desk.invoke).not.toHaveBeenCalledWith('auth.changePassword', expect.anything());
  });
});
