// Sign-in security: the login attempt limit and lockout, the idle screen lock held on the server,
// and the settings that configure both (audited).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../db/repositories/audit';
import { setUpDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let now: Date;
beforeEach(async () => {
  now = new Date('2026-11-23T01:00:00Z'); // 09:00 in China
  t = await setUpDesk({ clock: () => now });
});
afterEach(() => t.close());

const login = (password: string) => t.desk.dispatch('auth.login', { username: 'clerk', password }, null);

describe('login attempt limit', () => {
  it('locks the account after the configured wrong passwords and says when it unlocks (CST)', async () => {
    await t.addOperator('clerk', 'operator');
    expect((await t.desk.dispatch('settings.security.set', { loginMaxAttempts: 3, lockoutMinutes: 30, idleLockMinutes: 10 }, t.admin)).ok).toBe(true);
    expect(await login('wrong1234')).toMatchObject({ ok: false, message: '登录名或密码不正确，请重新输入' });
    expect(await login('wrong1234')).toMatchObject({ ok: false, message: '登录名或密码不正确，请重新输入' });
    const third = await login('wrong1234');
    expect(third).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '密码连续错误3次，账号已锁定，将于 2026-11-23 09:30（北京时间）自动解锁；如需提前解锁请联系管理员' });
    // The right password does not get in while locked.
    expect(await login('pass12345')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    now = new Date('2026-11-23T01:30:01Z');
    expect((await login('pass12345')).ok).toBe(true);
  });

  it('answers a name that is no operator exactly like a real one, lock included, so names cannot be probed', async () => {
    await t.addOperator('clerk', 'operator');
    expect((await t.desk.dispatch('settings.security.set', { loginMaxAttempts: 3, lockoutMinutes: 30, idleLockMinutes: 10 }, t.admin)).ok).toBe(true);
    const attempt = (username: string) => t.desk.dispatch('auth.login', { username, password: 'wrong1234' }, null);
    const answers = async (username: string) => {
      const seen = [];
      for (let i = 0; i < 4; i += 1) seen.push(await attempt(username));
      return seen;
    };
    const real = await answers('clerk');
    const unknown = await answers('nobody');
    expect(unknown).toEqual(real);
    expect(unknown.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN']);
    expect(unknown[2]).toMatchObject({ message: '密码连续错误3次，账号已锁定，将于 2026-11-23 09:30（北京时间）自动解锁；如需提前解锁请联系管理员' });
    // Case and spaces do not make a fresh name; the lock runs out like a real one.
    expect(await attempt(' NOBODY ')).toMatchObject({ code: 'FORBIDDEN' });
    now = new Date('2026-11-23T01:30:01Z');
    expect(await attempt('nobody')).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录名或密码不正确，请重新输入' });
  });

  it('audits each failure and the lockout', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    for (let i = 0; i < 5; i += 1) await login('wrong1234');
    const actions = auditFor(t.desk.db.db, 'operator', clerk.operatorId).map((a) => a.action);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked_out');
  });

  it('starts counting again after a good login', async () => {
    await t.addOperator('clerk', 'operator');
    for (let i = 0; i < 4; i += 1) await login('wrong1234');
    expect((await login('pass12345')).ok).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(await login('wrong1234')).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets an admin lift the lock early', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    for (let i = 0; i < 5; i += 1) await login('wrong1234');
    const accounts = await t.desk.dispatch('operator.accounts', {}, t.admin);
    expect(accounts.ok && accounts.value.find((a) => a.id === clerk.operatorId)?.lockedUntil).toBe('2026-11-23T01:15:00.000Z');
    expect(await t.desk.dispatch('operator.unlock', { id: clerk.operatorId }, t.admin)).toMatchObject({ ok: true, value: { lockedUntil: null } });
    expect((await login('pass12345')).ok).toBe(true);
  });
});

describe('idle screen lock', () => {
  it('holds every call but unlock and logout while locked, and unlocks with the password', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    expect(await t.desk.dispatch('auth.lock', {}, clerk)).toMatchObject({ ok: true, value: { locked: true, idleLockMinutes: 10 } });
    expect(await t.desk.dispatch('filing.list', {}, clerk)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '屏幕已锁定，请输入密码解锁后继续' });
    expect(await t.desk.dispatch('auth.unlock', { password: 'nope12345' }, clerk)).toMatchObject({ ok: false, fields: { password: '密码不正确' } });
    expect(await t.desk.dispatch('auth.unlock', { password: 'pass12345' }, clerk)).toMatchObject({ ok: true, value: { locked: false } });
    expect((await t.desk.dispatch('filing.list', {}, clerk)).ok).toBe(true);
    const actions = auditFor(t.desk.db.db, 'operator', clerk.operatorId).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.screen_locked', 'auth.screen_unlocked']));
  });

  it('ends the session and locks the account after too many wrong passwords at the lock screen', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    await t.desk.dispatch('auth.lock', {}, clerk);
    for (let i = 0; i < 4; i += 1) await t.desk.dispatch('auth.unlock', { password: 'nope12345' }, clerk);
    const last = await t.desk.dispatch('auth.unlock', { password: 'nope12345' }, clerk);
    expect(last).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(t.desk.sessions.get(clerk.token)).toBeNull();
    expect(await login('pass12345')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('still serves the session state and logout while locked', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    await t.desk.dispatch('auth.lock', {}, clerk);
    expect(await t.desk.dispatch('auth.me', {}, clerk)).toMatchObject({ ok: true, value: { username: 'clerk' } });
    expect(await t.desk.dispatch('auth.session', {}, clerk)).toMatchObject({ ok: true, value: { locked: true } });
    expect((await t.desk.dispatch('auth.logout', {}, clerk)).ok).toBe(true);
    expect(t.desk.sessions.get(clerk.token)).toBeNull();
  });

  it('serves the idle minutes an admin set', async () => {
    const clerk = await t.addOperator('clerk', 'operator');
    await t.desk.dispatch('settings.security.set', { loginMaxAttempts: 5, lockoutMinutes: 15, idleLockMinutes: 3 }, t.admin);
    expect(await t.desk.dispatch('auth.session', {}, clerk)).toMatchObject({ ok: true, value: { idleLockMinutes: 3, locked: false } });
  });
});

describe('security settings', () => {
  it('start from the defaults and are audited with before/after', async () => {
    expect(await t.desk.dispatch('settings.security.get', {}, t.admin)).toMatchObject({ ok: true, value: { loginMaxAttempts: 5, lockoutMinutes: 15, idleLockMinutes: 10 } });
    await t.desk.dispatch('settings.security.set', { loginMaxAttempts: 6, lockoutMinutes: 20, idleLockMinutes: 5 }, t.admin);
    const row = auditFor(t.desk.db.db, 'settings', 'security').at(-1);
    expect(row).toMatchObject({ action: 'settings.security', before: { loginMaxAttempts: 5 }, after: { loginMaxAttempts: 6, lockoutMinutes: 20, idleLockMinutes: 5 } });
  });

  it('refuse values out of range with the field named', async () => {
    const r = await t.desk.dispatch('settings.security.set', { loginMaxAttempts: 1, lockoutMinutes: 15, idleLockMinutes: 0 }, t.admin);
    expect(r).toMatchObject({ ok: false, fields: { loginMaxAttempts: '连续错误次数上限不能小于3', idleLockMinutes: '无操作锁屏时间（分钟）不能小于1' } });
  });
});
