// The app:// origin the window loads from: one host, files from dist/renderer only, the same CSP
// as browser mode. Plain Node (no electron import), so the path checks are unit-tested.
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../web/server';

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

const parse = (url: string): URL | null => (URL.canParse(url) ? new URL(url) : null);

/** True for URLs of our own origin (app://desk/…): the only pages a window may show. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
}

/**
 * Requests a window may make: its own origin, inline data, blobs it made itself (the exported PDF's
 * download link) and devtools; nothing remote.
 */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || url.startsWith('data:') || url.startsWith(`blob:${APP_SCHEME}://${APP_HOST}/`) || url.startsWith('devtools:');
}

/**
 * The file under `root` that an app:// URL names, or null when it names none: another host, an
 * encoded '..', a backslash, colon or NUL, or anything that would resolve outside `root`. Paths without
 * an extension are client-side routes and get index.html.
 */
export function resolveAppPath(root: string, url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = path.split('/');
  if (segments.some((s) => s === '..' || s === '.') || /[\\:\0]/.test(path)) return null;
  const base = resolve(root);
  const target = resolve(base, `.${path}`);
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target === base || !extname(target) ? join(base, 'index.html') : target;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** The protocol handler's body: a file from `root` with strict headers, or 404. */
export async function serveAppRequest(root: string, request: { url: string; method: string }): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveAppPath(root, request.url);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
  if (extname(file) === '.html') headers['cache-control'] = 'no-store';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
