// Gateway credentials kept on this computer, encrypted by the system (main/app/credential-store.ts):
// the store's file holds only ciphertext with mode 0600; a damaged or foreign file reads as 'invalid'
// with a message; the store comes before the credentials file and the environment; unavailable
// encryption refuses to store; the channels never return or audit a secret; browser mode refuses.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { auditFor } from '../../db/repositories/audit';
import { createEncryptedCredentialStore, systemCipher, type CredentialCipher } from '../../main/app/credential-store';
import { lookUpCredentials, platformFor } from '../../main/app/platform-wiring';
import { GUANGDONG_XTIF, JIANGSU_CSB } from '../../main/platform/profiles';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { openSimDesk, type SimDesk } from '../sync/sim';

const XTIF = { scheme: 'x-tif' as const, paasId: 'store-test-paas', secret: 'store-secret-not-real' };
const CSB = { scheme: 'csb' as const, accessKey: 'store-test-key', secretKey: 'store-csb-secret-not-real' };
const ENV_XTIF = { DESK_PLATFORM_XTIF_PAASID: 'env-paas', DESK_PLATFORM_XTIF_SECRET: 'env-secret-not-real' };

/** AES-256-GCM under a key of its own: another "computer" (another key) cannot decrypt. */
function aesCipher(state = { available: true }): CredentialCipher & { state: { available: boolean } } {
  const key = randomBytes(32);
  return {
    state,
    available: () => state.available,
    encrypt(text) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

const dir = mkdtempSync(join(tmpdir(), 'desk-cred-store-'));
let n = 0;
const nextFile = () => join(dir, `store-${++n}.json`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encrypted credential store', () => {
  it('round-trips credentials through a 0600 file that holds only ciphertext, leaving no temp file', () => {
    const file = nextFile();
    const store = createEncryptedCredentialStore(file, aesCipher());
    store.write('guangdong-xtif', XTIF);
    store.write('jiangsu-csb', CSB);
    expect(store.read('guangdong-xtif')).toEqual({ status: 'available', credentials: XTIF });
    expect(store.read('jiangsu-csb')).toEqual({ status: 'available', credentials: CSB });
    expect(store.read('national-default')).toEqual({ status: 'none' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(XTIF.secret);
    expect(text).not.toContain(XTIF.paasId);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['guangdong-xtif', 'jiangsu-csb']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(store.status()).toEqual({ available: true, profiles: ['guangdong-xtif', 'jiangsu-csb'] });
    expect(store.clear('guangdong-xtif')).toBe(true);
    expect(store.clear('guangdong-xtif')).toBe(false);
    expect(store.read('guangdong-xtif')).toEqual({ status: 'none' });
    expect(store.status().profiles).toEqual(['jiangsu-csb']);
  });

  it('validates what it stores with the credentials-file rules', () => {
    const store = createEncryptedCredentialStore(nextFile(), aesCipher());
    expect(() => store.write('jiangsu-csb', { scheme: 'csb', accessKey: 'k' })).toThrow(/secretKey/);
    expect(() => store.write('jiangsu-csb', XTIF)).toThrow(/accessKey/);
    expect(() => store.write('national-default', XTIF)).toThrow(/不需要网关凭据/);
    expect(() => store.write('no-such-profile', XTIF)).toThrow(/没有名为/);
    expect(existsSync(store.file)).toBe(false);
  });

  it('reads a damaged file or one sealed on another computer as invalid, saying to re-enter', () => {
    const damaged = nextFile();
    writeFileSync(damaged, '{"guangdong-xtif": ');
    const broken = createEncryptedCredentialStore(damaged, aesCipher()).read('guangdong-xtif');
    expect(broken.status === 'invalid' && broken.message).toContain('已损坏');

    const file = nextFile();
    createEncryptedCredentialStore(file, aesCipher()).write('guangdong-xtif', XTIF);
    const elsewhere = createEncryptedCredentialStore(file, aesCipher()).read('guangdong-xtif');
    expect(elsewhere.status).toBe('invalid');
    expect(elsewhere.status === 'invalid' && elsewhere.message).toContain('重新录入');
    expect(lookUpCredentials(GUANGDONG_XTIF, ENV_XTIF, createEncryptedCredentialStore(file, aesCipher()))).toMatchObject({ status: 'invalid' });
  });

  it('refuses to store when the system encryption is unavailable and then reads nothing', () => {
    const file = nextFile();
    const cipher = aesCipher();
    const store = createEncryptedCredentialStore(file, cipher);
    store.write('guangdong-xtif', XTIF);
    cipher.state.available = false;
    expect(() => store.write('jiangsu-csb', CSB)).toThrow(/系统加密服务不可用/);
    expect(store.read('guangdong-xtif')).toEqual({ status: 'none' });
    expect(store.status()).toEqual({ available: false, profiles: [] });
    // The file and environment sources still apply.
    expect(lookUpCredentials(GUANGDONG_XTIF, ENV_XTIF, store)).toMatchObject({ status: 'available', source: 'env' });
  });

  it('takes the store ahead of the credentials file, and the file ahead of the environment', () => {
    const credFile = join(dir, 'credentials.json');
    writeFileSync(credFile, JSON.stringify({ 'guangdong-xtif': { scheme: 'x-tif', paasId: 'from-file', secret: 's' } }));
    chmodSync(credFile, 0o600);
    const env = { ...ENV_XTIF, DESK_PLATFORM_CREDENTIALS_FILE: credFile };
    const store = createEncryptedCredentialStore(nextFile(), aesCipher());
    expect(lookUpCredentials(GUANGDONG_XTIF, env, store)).toMatchObject({ status: 'available', source: 'file', credentials: { paasId: 'from-file' } });
    store.write('guangdong-xtif', XTIF);
    expect(lookUpCredentials(GUANGDONG_XTIF, env, store)).toMatchObject({ status: 'available', source: 'store', credentials: XTIF });
    expect(lookUpCredentials(GUANGDONG_XTIF, ENV_XTIF, null)).toMatchObject({ status: 'available', source: 'env' });
    expect(lookUpCredentials(JIANGSU_CSB, {}, store).status).toBe('missing');
  });

  it("adapts Electron's safeStorage shape", () => {
    const sealed: string[] = [];
    const cipher = systemCipher({
      isEncryptionAvailable: () => true,
      encryptString: (t) => (sealed.push(t), Buffer.from(t.split('').reverse().join(''))),
      decryptString: (b) => b.toString().split('').reverse().join(''),
    });
    const store = createEncryptedCredentialStore(nextFile(), cipher);
    store.write('jiangsu-csb', CSB);
    expect(store.read('jiangsu-csb')).toEqual({ status: 'available', credentials: CSB });
    expect(sealed).toHaveLength(1);
  });
});

describe('credentials channels', () => {
  let sim: Simulator;
  let d: SimDesk | null = null;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });
  afterEach(() => {
    d?.close();
    d = null;
  });

  async function open(store: ReturnType<typeof createEncryptedCredentialStore> | null, env: NodeJS.ProcessEnv = ENV_XTIF) {
    const { client, switcher, operator } = platformFor(sim.url, env, true, store);
    d = await openSimDesk(sim, { client, switcher: switcher!, operator });
    return d;
  }

  it('stores, reports and clears credentials without ever returning or auditing a secret', async () => {
    const cipher = aesCipher();
    const desk = await open(createEncryptedCredentialStore(nextFile(), cipher));
    const before = value(await desk.desk.dispatch('cutover.credentials.status', {}, desk.admin));
    expect(before.map((p) => [p.profileId, p.source, p.storeAvailable, p.stored])).toEqual([
      ['guangdong-xtif', 'env', true, false],
      ['jiangsu-csb', 'missing', true, false],
    ]);
    expect(before[1]!.message).toContain('DESK_PLATFORM_CSB_ACCESS_KEY');

    const after = value(await desk.desk.dispatch('cutover.credentials.set', { profileId: 'jiangsu-csb', credentials: CSB }, desk.admin));
    expect(after.find((p) => p.profileId === 'jiangsu-csb')).toMatchObject({ source: 'store', stored: true, message: null });
    const profiles = value(await desk.desk.dispatch('cutover.profile.get', {}, desk.admin)).profiles;
    expect(profiles.find((p) => p.id === 'jiangsu-csb')).toMatchObject({ credentials: 'available', credentialsNote: '来自本机加密保存' });

    const cleared = value(await desk.desk.dispatch('cutover.credentials.clear', { profileId: 'jiangsu-csb' }, desk.admin));
    expect(cleared.find((p) => p.profileId === 'jiangsu-csb')).toMatchObject({ source: 'missing', stored: false });
    const again = await desk.desk.dispatch('cutover.credentials.clear', { profileId: 'jiangsu-csb' }, desk.admin);
    expect(again.ok).toBe(false);

    const audit = auditFor(desk.desk.ctx.db, 'platform_profile', 'jiangsu-csb');
    expect(audit.map((a) => a.action)).toEqual(['platform.credentials.set', 'platform.credentials.clear']);
    const seen = JSON.stringify([before, after, profiles, cleared, audit]);
    for (const secret of [CSB.secretKey, CSB.accessKey, ENV_XTIF.DESK_PLATFORM_XTIF_SECRET, ENV_XTIF.DESK_PLATFORM_XTIF_PAASID]) expect(seen).not.toContain(secret);
  });

  it('names the missing field and refuses credentials of the other gateway scheme', async () => {
    const desk = await open(createEncryptedCredentialStore(nextFile(), aesCipher()));
    const empty = await desk.desk.dispatch('cutover.credentials.set', { profileId: 'jiangsu-csb', credentials: { scheme: 'csb', accessKey: 'k', secretKey: '' } }, desk.admin);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.message).toContain('secretKey');
    const wrong = await desk.desk.dispatch('cutover.credentials.set', { profileId: 'jiangsu-csb', credentials: XTIF }, desk.admin);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toContain('csb');
  });

  it('refuses to store when the system encryption is unavailable', async () => {
    const desk = await open(createEncryptedCredentialStore(nextFile(), aesCipher({ available: false })));
    expect(value(await desk.desk.dispatch('cutover.credentials.status', {}, desk.admin)).every((p) => !p.storeAvailable)).toBe(true);
    const r = await desk.desk.dispatch('cutover.credentials.set', { profileId: 'guangdong-xtif', credentials: XTIF }, desk.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('系统加密服务不可用');
  });

  it('refuses in browser mode, naming the credentials file and environment variables', async () => {
    const desk = await open(null);
    expect(value(await desk.desk.dispatch('cutover.credentials.status', {}, desk.admin)).map((p) => [p.source, p.storeAvailable])).toEqual([
      ['env', false],
      ['missing', false],
    ]);
    const r = await desk.desk.dispatch('cutover.credentials.set', { profileId: 'guangdong-xtif', credentials: XTIF }, desk.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('浏览器模式下请通过凭据文件或环境变量配置网关凭据');
      expect(r.message).toContain('DESK_PLATFORM_CREDENTIALS_FILE');
    }
    expect(auditFor(desk.desk.ctx.db, 'platform_profile', 'guangdong-xtif')).toEqual([]);
  });
});
