// The app:// origin: files from the renderer build only, never anything beside or above it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/web/server';
import { APP_START_URL, isAllowedRequestUrl, isAppUrl, resolveAppPath, serveAppRequest } from '../../main/shell/protocol';

let base: string;
let root: string;
const SECRET = 'outside the renderer build';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'desk-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'renderer-evil.txt'), SECRET);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string) => serveAppRequest(root, { url, method: 'GET' });

describe('app:// path resolution', () => {
  it('maps the start URL and assets into the renderer build', () => {
    expect(resolveAppPath(root, APP_START_URL)).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://desk/assets/app.js?v=2#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://desk/')).toBe(join(root, 'index.html'));
  });

  it('keeps app://desk/../../etc/passwd inside the build (the URL parser folds the dots)', () => {
    const resolved = resolveAppPath(root, 'app://desk/../../etc/passwd');
    expect(resolved === null || resolved.startsWith(root + sep)).toBe(true);
    expect(resolved).not.toBe('/etc/passwd');
  });

  it.each([
    'app://desk/..%2f..%2fetc%2fpasswd',
    'app://desk/..%2fsecret.txt',
    'app://desk/assets/..%2f..%2fsecret.txt',
    'app://desk/..%5csecret.txt',
    'app://desk/%2e%2e%2fsecret.txt',
    'app://desk/index.html%00.js',
    'app://desk/C:%5cWindows%5cwin.ini',
    'app://desk/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppPath(root, 'app://evil/index.html')).toBeNull();
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'https://desk/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  it('does not treat a sibling folder sharing the prefix as inside', () => {
    // root is …/renderer; …/renderer-evil.txt must not pass a naive startsWith(root) check.
    expect(resolveAppPath(root, 'app://desk/..%2frenderer-evil.txt')).toBeNull();
  });
});

describe('app:// responses', () => {
  it('serves index.html with the browser-mode CSP and strict headers', async () => {
    const res = await get(APP_START_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>desk</title>');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves a script with its type', async () => {
    const res = await get('app://desk/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers client-side routes with index.html', async () => {
    expect(await (await get('app://desk/filings/new')).text()).toContain('<title>desk</title>');
  });

  it.each(['app://desk/../../secret.txt', 'app://desk/..%2fsecret.txt', 'app://desk/%2e%2e/secret.txt', 'app://desk/missing.js'])(
    'never serves a file outside the build: %s',
    async (url) => {
      const res = await get(url);
      expect(await res.text()).not.toContain(SECRET);
      expect(res.status).toBe(404);
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    expect((await serveAppRequest(root, { url: APP_START_URL, method: 'POST' })).status).toBe(405);
    const head = await serveAppRequest(root, { url: APP_START_URL, method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('navigation and request allow-lists', () => {
  it('accepts only our own origin as a page', () => {
    expect(isAppUrl('app://desk/index.html')).toBe(true);
    expect(isAppUrl('app://desk/filings?x=1')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://desk/index.html')).toBe(false);
    expect(isAppUrl('file:///C:/desk/index.html')).toBe(false);
    expect(isAppUrl('javascript:alert(1)')).toBe(false);
  });

  it('lets a window load its own files and inline data, nothing remote', () => {
    expect(isAllowedRequestUrl('app://desk/assets/app.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('https://cdn.example.com/x.js')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5180/api/auth.login')).toBe(false);
    expect(isAllowedRequestUrl('ws://127.0.0.1:9229/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
  });

  it("lets the page download a blob it made itself (the exported PDF), not another origin's", () => {
    expect(isAllowedRequestUrl('blob:app://desk/6f1c2a3e-0b6d-4d2c-9a57-2f0d1e8b9c11')).toBe(true);
    expect(isAllowedRequestUrl('blob:https://evil.example/6f1c2a3e')).toBe(false);
    expect(isAllowedRequestUrl('blob:app://other/6f1c2a3e')).toBe(false);
    expect(isAllowedRequestUrl('blob:app://desk.evil.example/6f1c2a3e')).toBe(false);
  });
});
