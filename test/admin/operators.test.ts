// Operators and roles (admin only): role change, disable/enable, password reset, and the guard
// that the desk always keeps an active admin and no admin locks themselves out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../main/app/sessions';
import { auditFor } from '../../db/repositories/audit';
import * as operators from '../../main/services/operators';
import { setUpDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await setUpDesk();
});
afterEach(() => t.close());

function idOf(session: Session): string {
  return session.operatorId;
}

describe('role change', () => {
  it('changes a role, applies it to the open session and audits before/after', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const r = await t.desk.dispatch('operator.setRole', { id: idOf(clerk), role: 'reviewer' }, t.admin);
    expect(r).toMatchObject({ ok: true, value: { role: 'reviewer' } });
    expect(t.desk.sessions.get(clerk.token)?.role).toBe('reviewer');
    const row = auditFor(t.desk.db.db, 'operator', idOf(clerk)).find((a) => a.action === 'operator.role');
    expect(row?.before).toMatchObject({ role: 'operator' });
    expect(row?.after).toMatchObject({ role: 'reviewer' });
    expect(JSON.stringify(row)).not.toContain('scrypt');
  });

  it('lets one admin demote another while an admin remains, but never themselves', async () => {
    const other = await t.addOperator('admin2', 'admin');
    expect((await t.desk.dispatch('operator.setRole', { id: t.admin.operatorId, role: 'operator' }, other)).ok).toBe(true);
    const self = await t.desk.dispatch('operator.setRole', { id: other.operatorId, role: 'operator' }, other);
    expect(self).toMatchObject({ ok: false, code: 'BUSINESS_RULE', message: '不能修改自己的角色，请由其他管理员操作' });
  });

  it('keeps the last active admin even when the service is called past the role check', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const demote = () => operators.setRole(t.desk.ctx, { id: t.admin.operatorId, role: 'operator' }, clerk);
    expect(demote).toThrow('“系统管理员”是最后一位在用的管理员，不能改为经办员；请先为其他操作员设置管理员角色');
    const disable = () => operators.setActive(t.desk.ctx, { id: t.admin.operatorId, active: false }, clerk);
    expect(disable).toThrow('不能停用');
  });

  it('is refused to non-admins', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const r = await t.desk.dispatch('operator.setRole', { id: idOf(clerk), role: 'admin' }, clerk);
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('disable and enable', () => {
  it('ends the disabled operator\'s sessions and refuses their login', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    expect((await t.desk.dispatch('operator.setActive', { id: idOf(clerk), active: false }, t.admin)).ok).toBe(true);
    expect(t.desk.sessions.get(clerk.token)).toBeNull();
    const login = await t.desk.dispatch('auth.login', { username: 'clerk', password: 'pass12345' }, null);
    expect(login).toMatchObject({ ok: false, message: '该账号已停用，请联系管理员' });
    expect((await t.desk.dispatch('operator.setActive', { id: idOf(clerk), active: true }, t.admin)).ok).toBe(true);
    expect((await t.desk.dispatch('auth.login', { username: 'clerk', password: 'pass12345' }, null)).ok).toBe(true);
  });

  it('refuses an admin disabling their own account', async () => {
    await t.addOperator('admin2', 'admin');
    const r = await t.desk.dispatch('operator.setActive', { id: t.admin.operatorId, active: false }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE', message: '不能停用自己的账号，请由其他管理员操作' });
  });
});

describe('password reset', () => {
  it('sets a temporary password, ends sessions, and holds the next session until a new password is chosen', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const reset = await t.desk.dispatch('operator.resetPassword', { id: idOf(clerk), password: 'Temp2026x' }, t.admin);
    expect(reset).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(t.desk.sessions.get(clerk.token)).toBeNull();
    expect((await t.desk.dispatch('auth.login', { username: 'clerk', password: 'pass12345' }, null)).ok).toBe(false);

    const held = await t.login('clerk', 'Temp2026x');
    expect(await t.desk.dispatch('auth.session', {}, held)).toMatchObject({ ok: true, value: { mustChangePassword: true } });
    expect(await t.desk.dispatch('filing.list', {}, held)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '管理员已重置您的密码，请先设置新密码后继续' });

    const changed = await t.desk.dispatch('auth.changePassword', { currentPassword: 'Temp2026x', newPassword: 'Mine2026ok' }, held);
    expect(changed).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    expect((await t.desk.dispatch('filing.list', {}, held)).ok).toBe(true);
    const next = await t.login('clerk', 'Mine2026ok');
    expect(next.mustChangePassword).toBe(false);
  });

  it('applies the password rules with Chinese messages', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const short = await t.desk.dispatch('operator.resetPassword', { id: idOf(clerk), password: 'ab12' }, t.admin);
    expect(short).toMatchObject({ ok: false, fields: { password: '密码至少8位，请加长' } });
    const letters = await t.desk.dispatch('operator.resetPassword', { id: idOf(clerk), password: 'abcdefghij' }, t.admin);
    expect(letters).toMatchObject({ ok: false, fields: { password: '密码须同时包含字母和数字' } });
    const name = await t.desk.dispatch('operator.resetPassword', { id: idOf(clerk), password: 'clerk2026' }, t.admin);
    expect(name).toMatchObject({ ok: false, fields: { password: '密码不能是登录名或登录名加数字，请换一个' } });
  });

  it('refuses a new password equal to the current one or to the login name', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    const same = await t.desk.dispatch('auth.changePassword', { currentPassword: 'pass12345', newPassword: 'pass12345' }, clerk);
    expect(same).toMatchObject({ ok: false, fields: { newPassword: '新密码不能与当前密码相同' } });
    const wrong = await t.desk.dispatch('auth.changePassword', { currentPassword: 'nope12345', newPassword: 'Other2026' }, clerk);
    expect(wrong).toMatchObject({ ok: false, fields: { currentPassword: '当前密码不正确' } });
    const name = await t.desk.dispatch('auth.changePassword', { currentPassword: 'pass12345', newPassword: 'CLERK1' + '234' }, clerk);
    expect(name).toMatchObject({ ok: false, fields: { newPassword: '密码不能是登录名或登录名加数字，请换一个' } });
  });

  it('refuses an admin resetting their own password here', async () => {
    const r = await t.desk.dispatch('operator.resetPassword', { id: t.admin.operatorId, password: 'Temp2026x' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'BUSINESS_RULE' });
  });
});

describe('operator.accounts', () => {
  it('lists accounts with their sign-in state and without hashes', async () => {
    await t.addOperator('clerk', 'operator');
    const r = await t.desk.dispatch('operator.accounts', {}, t.admin);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.map((a) => a.username)).toEqual(['admin', 'clerk']);
    expect(r.value[1]).toMatchObject({ active: true, mustChangePassword: false, failedLogins: 0, lockedUntil: null });
    expect(r.value[1]?.lastLoginAt).not.toBeNull();
    expect(JSON.stringify(r.value)).not.toContain('scrypt');
  });
});
