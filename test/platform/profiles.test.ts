// Provincial interface profiles against the simulator: endpoint style, gateway signing, infver,
// recer_sys_code; credentials never in the log.
import { createHash, createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { csbSignature, PlatformConfigError, xTifSignature } from '../../main/platform/signing';
import { GUANGDONG_XTIF, JIANGSU_CSB, NATIONAL_DEFAULT, PROFILES, pathFor } from '../../main/platform/profiles';
import { Harness, OPERATOR, person, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

const XTIF = { scheme: 'x-tif', paasId: 'sim_paas', secret: 'not-a-real-secret-1' } as const;
const CSB = { scheme: 'csb', accessKey: 'sim-access-key', secretKey: 'not-a-real-secret-2' } as const;
const fast = { connectMs: 2_000, responseMs: 2_000 };

describe('gateway signatures follow the reference formulas', () => {
  it('x-tif: sha256 hex of timestamp + secret + nonce + timestamp', () => {
    const expected = createHash('sha256').update('1700000000' + 's3cret' + 'abc' + '1700000000').digest('hex');
    expect(xTifSignature('1700000000', 's3cret', 'abc')).toBe(expected);
  });

  it('CSB: base64 HMAC-SHA1 over the _api_* parameters sorted by key', () => {
    const params = { _api_version: '1.0.0', _api_name: 'hssServives', _api_timestamp: '1700000000000', _api_access_key: 'ak' };
    const canonical = '_api_access_key=ak&_api_name=hssServives&_api_timestamp=1700000000000&_api_version=1.0.0';
    expect(csbSignature(params, 'sk')).toBe(createHmac('sha1', 'sk').update(canonical).digest('base64'));
  });
});

describe('profiles', () => {
  it('each name a source and a known endpoint style', () => {
    for (const p of PROFILES) {
      expect(p.source).toMatch(/nhsa-interface\.md/);
      expect(pathFor(p, '2501')).toMatch(/^\//);
    }
    expect(pathFor(GUANGDONG_XTIF, '2501A')).toBe('/ebus/gdyb_api/prd/hsa/hgs/2501A');
    expect(pathFor(NATIONAL_DEFAULT, '2501')).toBe('/fsi/api/rsfComIfsService/callService');
  });

  it('refuse to start without the credentials their gateway needs', async () => {
    const desk = await h.desk();
    expect(() => h.client(desk, { url: 'http://127.0.0.1:1' }, { profile: GUANGDONG_XTIF })).toThrow(PlatformConfigError);
    expect(() => h.client(desk, { url: 'http://127.0.0.1:1' }, { profile: JIANGSU_CSB, credentials: XTIF })).toThrow(PlatformConfigError);
  });

  it('guangdong-xtif posts each transaction to its own path with valid x-tif headers', async () => {
    const sim = await h.sim({ gateway: XTIF, behaviour: { referralAExtra: 'refl_old_mdtrt_id' } });
    const desk = await h.desk();
    const client = h.client(desk, sim, { profile: { ...GUANGDONG_XTIF, timeouts: fast }, credentials: XTIF });
    const r = await client.fileReferral(referralFor(person('王演练'), { previousVisitId: 'V001' }), OPERATOR);
    expect(r.outcome).toBe('ok');
    const seen = sim.inspect.exchanges();
    expect(seen.map((e) => e.path)).toEqual(['/ebus/gdyb_api/prd/hsa/hgs/9001', '/ebus/gdyb_api/prd/hsa/hgs/2501A']);
    expect(seen[1]!.envelope).toMatchObject({ infver: '1.0.0', recer_sys_code: 'HIS' });
    const logText = JSON.stringify(desk.sqlite.prepare('select * from platform_exchanges').all());
    expect(logText).not.toContain(XTIF.secret);
  });

  it('guangdong-xtif with a wrong secret is an auth outcome', async () => {
    const sim = await h.sim({ gateway: XTIF });
    const client = h.client(await h.desk(), sim, { profile: { ...GUANGDONG_XTIF, timeouts: fast }, credentials: { ...XTIF, secret: 'wrong' } });
    const r = await client.probe(OPERATOR);
    expect(r.outcome).toBe('auth');
    expect(r.reason).toBe('gateway_http_401');
    expect(sim.inspect.exchanges().at(-1)?.fault).toBe('gateway:bad signature');
  });

  it('jiangsu-csb posts to the single CSB endpoint with valid _api_* headers', async () => {
    const sim = await h.sim({ gateway: CSB });
    const desk = await h.desk();
    const client = h.client(desk, sim, { profile: { ...JIANGSU_CSB, timeouts: fast }, credentials: CSB });
    const r = await client.fileReferral(referralFor(person('王演练')), OPERATOR);
    expect(r.outcome).toBe('ok');
    const seen = sim.inspect.exchanges();
    expect(new Set(seen.map((e) => e.path))).toEqual(new Set(['/CSB']));
    const refmedin = (seen[1]!.envelope!.input as { refmedin: Record<string, string> }).refmedin;
    // jiangsu-csb fills insu_optins with the hospital's region (S2/S3 practice).
    expect(refmedin.insu_optins).toBe('340100');
    expect(seen[1]!.envelope).toMatchObject({ recer_sys_code: 'MBS_LOCAL', infver: 'V1.0' });
    expect(JSON.stringify(desk.sqlite.prepare('select * from platform_exchanges').all())).not.toContain(CSB.secretKey);
  });

  it('jiangsu-csb without the gateway\'s access key is refused as auth', async () => {
    const sim = await h.sim({ gateway: CSB });
    const client = h.client(await h.desk(), sim, { profile: { ...JIANGSU_CSB, timeouts: fast }, credentials: { ...CSB, accessKey: 'other' } });
    expect((await client.probe(OPERATOR)).outcome).toBe('auth');
  });

  it('the simulator refuses a per-transaction path that does not match the body', async () => {
    const sim = await h.sim();
    const client = h.client(await h.desk(), sim, {
      profile: { ...NATIONAL_DEFAULT, timeouts: fast, endpoint: { style: 'per_transaction', pathTemplate: '/hsa/hgs/{infno}', paths: { '9001': '/hsa/hgs/1101' } } },
    });
    const r = await client.probe(OPERATOR);
    expect(r).toMatchObject({ outcome: 'unknown', reason: 'http_400' });
  });
});
