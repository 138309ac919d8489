import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../main/web/server';
import { dataDirFor, parseHostOptions } from '../../main/web/options';
import { referral, setUpDesk, SETUP, type TestDesk } from '../helpers/desk';

let t: TestDesk;
let host: WebHost;
beforeEach(async () => {
  t = await setUpDesk();
  const staticDir = join(t.dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<html><head><title>desk</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  host = await startWebHost({ desk: t.desk, port: 0, staticDir });
});
afterEach(async () => {
  await host.close();
  t.close();
});

async function call(channel: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; value?: Record<string, unknown>; message?: string } };
}

/** A raw request, so the Host header can be set to anything. */
function rawGet(path: string, hostHeader: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses API calls without the per-start token', async () => {
    const r = await call('app.info', {}, { [TOKEN_HEADER]: 'guess' });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses other Host names (DNS rebinding)', async () => {
    expect((await rawGet('/', 'evil.example:80')).status).toBe(421);
    expect((await rawGet('/', `localhost:${host.port}`)).status).toBe(200);
  });

  it('carries the contract: login with a bearer token, then file and list', async () => {
    const login = await call('auth.login', { username: SETUP.adminUsername, password: SETUP.adminPassword });
    const token = String(login.body.value?.token);
    const auth = { authorization: `Bearer ${token}` };
    expect((await call('filing.create', referral(), auth)).body).toMatchObject({ ok: true, value: { uploadState: 'pending' } });
    const list = await call('filing.list', {}, auth);
    expect(list.body).toMatchObject({ ok: true, value: { total: 1 } });
    expect((await call('filing.list', {}, {})).body).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('answers malformed JSON and unknown channels as Results', async () => {
    const res = await fetch(`${host.url}api/app.info`, { method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, code: 'INVALID_REQUEST', message: '提交的内容不是有效的 JSON' });
    expect((await call('no.such', {})).body).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('refuses GET on the API', async () => {
    const res = await fetch(`${host.url}api/app.info`);
    expect(res.status).toBe(405);
  });

  it('serves the page with the token and a strict CSP, and assets', async () => {
    const page = await fetch(host.url);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain(`<meta name="desk-token" content="${host.token}">`);
    const asset = await fetch(`${host.url}assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await rawGet(path, `127.0.0.1:${host.port}`);
      expect(res.body, path).not.toContain('do not serve');
    }
  });

  it('streams events to holders of the token', async () => {
    const denied = await fetch(`${host.url}api/events?token=wrong`);
    expect(denied.status).toBe(403);
    const controller = new AbortController();
    const res = await fetch(`${host.url}api/events?token=${host.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    const login = await call('auth.login', { username: SETUP.adminUsername, password: SETUP.adminPassword });
    await call('filing.create', referral(), { authorization: `Bearer ${String(login.body.value?.token)}` });
    let text = '';
    while (!text.includes('event: queue.changed')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: filing.changed');
    expect(text).toMatch(/event: queue.changed\ndata: \{"pending":1/);
    controller.abort();
  });
});

describe('host options', () => {
  it('takes flags over environment and keeps training and live data apart', () => {
    const o = parseHostOptions(['--port', '6001', '--data-dir=/srv/desk'], { DESK_PORT: '7000', DESK_PLATFORM_URL: 'http://127.0.0.1:9100/' });
    expect(o).toMatchObject({ port: 6001, dataRoot: '/srv/desk', platformUrl: 'http://127.0.0.1:9100/' });
    expect(dataDirFor(o)).toBe('/srv/desk/live');
    expect(dataDirFor({ ...o, platformUrl: null })).toBe('/srv/desk/training');
  });

  it('rejects a bad port', () => {
    expect(() => parseHostOptions(['--port', 'abc'], {})).toThrow(/invalid port/);
  });
});
