import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../shared/contract';
import { createDesk } from '../../main/app/desk';
import { referral, setUpDesk, SETUP, tempDir, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await setUpDesk();
});
afterEach(() => t.close());

function count(table: string): number {
  return (t.desk.db.sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

describe('the dispatcher', () => {
  it('refuses an unknown channel', async () => {
    const r = await t.desk.dispatch('filing.delete_everything', {}, t.admin);
    expect(r).toEqual({ ok: false, code: 'UNKNOWN_CHANNEL', message: '未知的操作：filing.delete_everything' });
  });

  it('refuses prototype names that are not channels', async () => {
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const r = await t.desk.dispatch(name, {}, t.admin);
      expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
    }
  });

  it('answers bad input with Chinese messages per field and changes nothing', async () => {
    const before = [count('filings'), count('outbox'), count('audit_events')];
    const r = await t.desk.dispatch('filing.create', referral({ certNo: '110105194912310021', details: { ...referral().details, phone: '电话号码' } }), t.admin);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('INVALID_REQUEST');
    expect(r.fields).toEqual({
      certNo: '身份证号校验位不正确，请核对第18位',
      'details.phone': expect.stringContaining('联系电话格式不正确'),
    });
    expect(r.message).toContain('请修改以下2项');
    expect([count('filings'), count('outbox'), count('audit_events')]).toEqual(before);
  });

  it('answers a request that is not an object', async () => {
    const r = await t.desk.dispatch('filing.create', 'hello', t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('rejects unexpected keys on strict requests', async () => {
    const r = await t.desk.dispatch('queue.stats', { drop: true }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST' });
  });

  it('requires a session for everything but the public channels', async () => {
    const publicOnes = CHANNEL_NAMES.filter((c) => channels[c].access === 'public');
    expect(publicOnes.sort()).toEqual(['app.info', 'auth.login', 'setup.initialize']);
    for (const name of CHANNEL_NAMES.filter((c) => channels[c].access !== 'public')) {
      const r = await t.desk.dispatch(name, {}, null);
      expect(r, name).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' });
    }
  });

  it('refuses a reviewer filing, and names the roles that may', async () => {
    const reviewer = await t.addOperator('fuhe01', 'reviewer');
    const r = await t.desk.dispatch('filing.create', referral(), reviewer);
    expect(r).toEqual({ ok: false, code: 'FORBIDDEN', message: '当前账号（复核员）无权执行此操作，需要经办员、管理员权限' });
    expect(count('filings')).toBe(0);
  });

  it('refuses an operator creating accounts', async () => {
    const operator = await t.addOperator('jingban01', 'operator');
    const r = await t.desk.dispatch('operator.create', { username: 'x1', displayName: '某人', role: 'admin', password: 'pass12345' }, operator);
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets an operator file and anyone logged in list', async () => {
    const operator = await t.addOperator('jingban01', 'operator');
    const reviewer = await t.addOperator('fuhe01', 'reviewer');
    expect((await t.desk.dispatch('filing.create', referral(), operator)).ok).toBe(true);
    const list = await t.desk.dispatch('filing.list', {}, reviewer);
    expect(list.ok && list.value.total).toBe(1);
  });

  it('never returns password hashes', async () => {
    const r = await t.desk.dispatch('operator.list', {}, t.admin);
    expect(JSON.stringify(r)).not.toContain('scrypt');
  });

  it('turns a handler crash into INTERNAL without leaking details', async () => {
    t.desk.db.sqlite.exec('drop table filings');
    const r = await t.desk.dispatch('filing.list', {}, t.admin);
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '系统内部错误，操作未完成，请重试或联系管理员' });
  });
});

describe('set-up and login', () => {
  it('sets up only once', async () => {
    const again = await t.desk.dispatch('setup.initialize', SETUP, null);
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '本工作台已完成初始设置，请直接登录' });
  });

  it('reports the institution and training mode', async () => {
    const info = await t.desk.dispatch('app.info', {}, null);
    expect(info).toMatchObject({ ok: true, value: { initialized: true, mode: 'training', institution: { code: 'H34010100001' } } });
  });

  it('gives one message for a wrong password and an unknown name', async () => {
    const a = await t.desk.dispatch('auth.login', { username: 'admin', password: 'wrong1234' }, null);
    const b = await t.desk.dispatch('auth.login', { username: 'nobody', password: 'wrong1234' }, null);
    expect(a).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: '登录名或密码不正确，请重新输入' });
    expect(b).toEqual(a);
  });

  it('ends the session at logout', async () => {
    const s = await t.login('admin', SETUP.adminPassword);
    expect((await t.desk.dispatch('auth.logout', {}, s)).ok).toBe(true);
    expect(t.desk.sessions.get(s.token)).toBeNull();
  });

  it('stores passwords as salted scrypt hashes', () => {
    const row = t.desk.db.sqlite.prepare("select password_hash as h from operators where username='admin'").get() as { h: string };
    expect(row.h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row.h).not.toContain(SETUP.adminPassword);
  });

  it('refuses a weak admin password with the rule', async () => {
    const fresh = tempDir();
    const desk = await createDesk({ dataDir: fresh.path, mode: 'training' });
    const r = await desk.dispatch('setup.initialize', { ...SETUP, adminPassword: 'onlyletters' }, null);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { adminPassword: '密码须同时包含字母和数字' } });
    desk.close();
    fresh.remove();
  });
});
