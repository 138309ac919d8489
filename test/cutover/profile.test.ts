// Switching the platform profile at a cut-over: a dry-run sign-in against the candidate without
// switching; a switch refused while uploads are in flight or uncertain under the current profile;
// pending uploads moved only when confirmed, then sent to the new platform and never to the old one.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { auditFor } from '../../db/repositories/audit';
import { lookUpCredentials, platformFor } from '../../main/app/platform-wiring';
import { GUANGDONG_XTIF, JIANGSU_CSB } from '../../main/platform/profiles';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { setUpDesk } from '../helpers/desk';
import { drained, openSimDesk, simReferral, type SimDesk } from '../sync/sim';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

const XTIF = { scheme: 'x-tif' as const, paasId: 'desk-test-paas', secret: 'test-secret-not-real' };
const CSB = { scheme: 'csb' as const, accessKey: 'desk-test-key', secretKey: 'test-csb-secret-not-real' };
const ENV = { DESK_PLATFORM_XTIF_PAASID: XTIF.paasId, DESK_PLATFORM_XTIF_SECRET: XTIF.secret, DESK_PLATFORM_CSB_ACCESS_KEY: CSB.accessKey, DESK_PLATFORM_CSB_SECRET_KEY: CSB.secretKey };

let oldPlatform: Simulator;
/** A Guangdong-style platform behind an x-tif gateway (dry runs). */
let xtifPlatform: Simulator;
/** A Jiangsu-style platform behind a CSB gateway: the new platform the desk is switched to. */
let newPlatform: Simulator;
let d: SimDesk | null = null;

beforeAll(async () => {
  oldPlatform = await startSimulator({ port: 0 });
  xtifPlatform = await startSimulator({ port: 0, gateway: XTIF });
  newPlatform = await startSimulator({ port: 0, gateway: CSB });
});
afterAll(async () => {
  await oldPlatform.close();
  await xtifPlatform.close();
  await newPlatform.close();
});
afterEach(() => {
  d?.close();
  d = null;
  oldPlatform.reset();
  xtifPlatform.reset();
  newPlatform.reset();
});

async function openDesk(env: NodeJS.ProcessEnv = ENV): Promise<SimDesk> {
  const { client, switcher, operator } = platformFor(oldPlatform.url, env);
  return openSimDesk(oldPlatform, { client, switcher: switcher!, operator });
}

async function holdQueue(desk: SimDesk): Promise<string> {
  const now = Date.now();
  const w = value(
    await desk.desk.dispatch('maintenance.schedule', { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), note: '切换到新平台（测试）' }, desk.admin),
  );
  return w.id;
}

describe('profile state', () => {
  it('shows the start-up profile and which profiles have credentials, never the secrets', async () => {
    d = await openDesk();
    const state = value(await d.desk.dispatch('cutover.profile.get', {}, d.admin));
    expect(state).toMatchObject({ switchable: true, active: { profileId: 'national-default', baseUrl: oldPlatform.url, source: 'startup' } });
    const byId = Object.fromEntries(state.profiles.map((p) => [p.id, p.credentials]));
    expect(byId).toEqual({ 'national-default': 'not_needed', 'guangdong-xtif': 'available', 'jiangsu-csb': 'available' });
    expect(JSON.stringify(state)).not.toContain(XTIF.secret);
    expect(JSON.stringify(state)).not.toContain(CSB.secretKey);
  });

  it('says a desk with a fixed test client cannot switch', async () => {
    const t = await setUpDesk();
    try {
      expect(value(await t.desk.dispatch('cutover.profile.get', {}, t.admin)).switchable).toBe(false);
      const r = await t.desk.dispatch('cutover.profile.switch', { profileId: 'guangdong-xtif', movePending: true }, t.admin);
      expect(r.ok).toBe(false);
    } finally {
      t.close();
    }
  });
});

describe('dry-run connection test', () => {
  it('signs in at the candidate with its gateway signing and leaves the desk on its profile', async () => {
    d = await openDesk();
    const result = value(await d.desk.dispatch('cutover.profile.test', { profileId: 'guangdong-xtif', baseUrl: xtifPlatform.url }, d.admin));
    expect(result).toMatchObject({ ok: true, outcome: 'ok', profileId: 'guangdong-xtif', baseUrl: xtifPlatform.url });
    expect(xtifPlatform.inspect.exchanges().map((e) => [e.infno, e.httpStatus, e.path])).toEqual([['9001', 200, '/ebus/gdyb_api/prd/hsa/hgs/9001']]);
    expect(value(await d.desk.dispatch('cutover.profile.get', {}, d.admin)).active?.profileId).toBe('national-default');
    expect(auditFor(d.desk.ctx.db, 'platform_profile', 'guangdong-xtif').map((a) => a.action)).toEqual(['platform.profile.test']);
  });

  it('reports a gateway that refuses the credentials as a failed test', async () => {
    d = await openDesk({ ...ENV, DESK_PLATFORM_XTIF_SECRET: 'wrong-secret' });
    const result = value(await d.desk.dispatch('cutover.profile.test', { profileId: 'guangdong-xtif', baseUrl: xtifPlatform.url }, d.admin));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^连接测试未通过：/);
  });

  it('refuses a profile whose credentials are missing, saying which variables to set', async () => {
    d = await openDesk({ DESK_PLATFORM_XTIF_PAASID: XTIF.paasId, DESK_PLATFORM_XTIF_SECRET: XTIF.secret });
    const r = await d.desk.dispatch('cutover.profile.test', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url }, d.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('DESK_PLATFORM_CSB_ACCESS_KEY');
  });
});

describe('switching', () => {
  it('is refused while an upload is uncertain under the current profile, and needs confirmation to move pending ones', async () => {
    d = await openDesk();
    await holdQueue(d);
    value(await d.desk.dispatch('filing.create', simReferral(0), d.admin));
    value(await d.desk.dispatch('filing.create', simReferral(1), d.admin));
    // An upload whose outcome is unknown belongs to the old platform until it is reconciled there.
    d.desk.ctx.sqlite.prepare("UPDATE outbox SET status = 'uncertain' WHERE seq = 1").run();
    const refused = await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url, movePending: true }, d.admin);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain('1 笔待核实');
    d.desk.ctx.sqlite.prepare("UPDATE outbox SET status = 'in_flight' WHERE seq = 1").run();
    expect((await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url, movePending: true }, d.admin)).ok).toBe(false);
    d.desk.ctx.sqlite.prepare("UPDATE outbox SET status = 'pending' WHERE seq = 1").run();

    const unconfirmed = await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url }, d.admin);
    expect(unconfirmed.ok).toBe(false);
    if (!unconfirmed.ok) expect(unconfirmed.fields).toEqual({ movePending: '请确认待上传备案改为上传到新平台' });
    expect(value(await d.desk.dispatch('cutover.profile.get', {}, d.admin)).active?.profileId).toBe('national-default');
  });

  it('moves pending uploads to the new platform when confirmed: audited, sent there and never to the old one', async () => {
    d = await openDesk();
    const windowId = await holdQueue(d);
    value(await d.desk.dispatch('filing.create', simReferral(2), d.admin));
    value(await d.desk.dispatch('filing.create', simReferral(3), d.admin));
    const state = value(await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url, movePending: true }, d.admin));
    expect(state.active).toMatchObject({ profileId: 'jiangsu-csb', baseUrl: newPlatform.url, source: 'setting' });
    const audit = auditFor(d.desk.ctx.db, 'platform_profile', 'jiangsu-csb').at(-1)!;
    expect(audit).toMatchObject({ action: 'platform.profile.switch', before: { profileId: 'national-default', baseUrl: oldPlatform.url }, after: { movedPending: 2 } });

    value(await d.desk.dispatch('maintenance.cancel', { id: windowId }, d.admin));
    await drained(d.desk);
    expect(oldPlatform.inspect.referrals()).toEqual([]);
    expect(newPlatform.inspect.referrals().map((f) => f.personNo).sort()).toEqual([simReferral(2), simReferral(3)].map((r) => r.details.personNo).sort());
    expect(newPlatform.inspect.exchanges({ infno: '2501' }).every((e) => e.path === '/CSB')).toBe(true);
  });

  it('signs in afresh at the new platform (the old sign_no is not carried over)', async () => {
    d = await openDesk();
    value(await d.desk.dispatch('filing.create', simReferral(4), d.admin));
    await drained(d.desk);
    expect(oldPlatform.inspect.stats().signIns).toBeGreaterThan(0);
    value(await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url }, d.admin));
    value(await d.desk.dispatch('filing.create', simReferral(5), d.admin));
    await drained(d.desk);
    const calls = newPlatform.inspect.exchanges().filter((e) => e.infno === '9001' || e.infno === '2501');
    expect(calls[0]?.infno).toBe('9001');
    expect(calls.filter((e) => e.infno === '2501').map((e) => e.infcode)).toEqual([0]);
  });

  it('sends nothing when the new profile’s credentials disappear after the switch; the filing waits', async () => {
    const env: NodeJS.ProcessEnv = { ...ENV };
    d = await openDesk(env);
    value(await d.desk.dispatch('cutover.profile.switch', { profileId: 'jiangsu-csb', baseUrl: newPlatform.url }, d.admin));
    delete env.DESK_PLATFORM_CSB_SECRET_KEY;
    const filing = value(await d.desk.dispatch('filing.create', simReferral(6), d.admin));
    await expect.poll(async () => value(await d!.desk.dispatch('platform.status', {}, d!.admin)).state, { timeout: 15_000 }).toBe('offline');
    expect(newPlatform.inspect.exchanges()).toEqual([]);
    expect(oldPlatform.inspect.exchanges({ infno: '2501' })).toEqual([]);
    const entry = d.desk.ctx.sqlite.prepare('SELECT status FROM outbox WHERE order_key = ?').get(filing.id) as { status: string };
    expect(entry.status).toBe('pending');
  });

  it('refuses switching to the profile already in force', async () => {
    d = await openDesk();
    const r = await d.desk.dispatch('cutover.profile.switch', { profileId: 'national-default' }, d.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('无需切换');
  });
});

describe('credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-cred-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a protected file keyed by profile id before the environment', () => {
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ 'guangdong-xtif': { scheme: 'x-tif', paasId: 'from-file', secret: 's' } }));
    chmodSync(file, 0o600);
    const found = lookUpCredentials(GUANGDONG_XTIF, { ...ENV, DESK_PLATFORM_CREDENTIALS_FILE: file });
    expect(found).toMatchObject({ status: 'available', source: 'file', credentials: { paasId: 'from-file' } });
  });

  it('refuses a credentials file others can read, saying how to fix it', () => {
    const file = join(dir, 'open.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o644);
    const found = lookUpCredentials(GUANGDONG_XTIF, { DESK_PLATFORM_CREDENTIALS_FILE: file });
    expect(found.status).toBe('invalid');
    if (found.status === 'invalid') expect(found.message).toContain('chmod 600');
  });

  it('names what an incomplete entry lacks', () => {
    const file = join(dir, 'partial.json');
    writeFileSync(file, JSON.stringify({ 'jiangsu-csb': { scheme: 'csb', accessKey: 'k' } }));
    chmodSync(file, 0o600);
    const found = lookUpCredentials(JIANGSU_CSB, { DESK_PLATFORM_CREDENTIALS_FILE: file });
    expect(found.status === 'invalid' && found.message).toContain('secretKey');
  });
});
