// Browser-mode host: the renderer build and the contract over HTTP on 127.0.0.1.
// POST /api/<channel> and GET /api/events (SSE) call the same dispatcher as Electron IPC.
// A per-start token, embedded in the served page, must accompany every API call, so other pages
// open in the same browser cannot drive the desk (they cannot read our page, and a custom header
// forces a CORS preflight we never grant).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fail } from '../../shared/contract';
import type { Desk } from '../app/desk';

export const TOKEN_HEADER = 'x-desk-token';
const MAX_BODY = 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

// antd injects its styles at run time, hence 'unsafe-inline' for styles only.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

export interface WebHostOptions {
  desk: Desk;
  /** 0 picks a free port. */
  port: number;
  /** The renderer build (index.html and assets); null serves the API only. */
  staticDir: string | null;
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { desk, staticDir } = options;
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    if (!staticDir) return sendJson(res, 404, fail('NOT_FOUND', '未提供界面文件'));
    const root = normalize(staticDir);
    const target = normalize(join(root, decodeURIComponent(pathname)));
    const inside = target === root || target.startsWith(root + sep);
    const file = inside && extname(target) ? target : join(root, 'index.html');
    try {
      let body: Buffer | string = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'content-type': type, 'x-content-type-options': 'nosniff' };
      if (file.endsWith('index.html')) {
        body = body.toString('utf8').replace('</head>', `<meta name="desk-token" content="${token}"></head>`);
        headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
        headers['cache-control'] = 'no-store';
        headers['x-frame-options'] = 'DENY';
        headers['referrer-policy'] = 'no-referrer';
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      sendJson(res, 404, fail('NOT_FOUND', '找不到该页面'));
    }
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    const unsubscribe = desk.events.subscribe((event) => {
      res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': ping\n\n'), 15_000);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS-rebinding guard: only our own loopback names.
    if (!allowedHosts().has(req.headers.host ?? '')) return sendJson(res, 421, fail('FORBIDDEN', '请求来源不被允许'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token') ?? undefined, token)) return sendJson(res, 403, fail('FORBIDDEN', '访问令牌无效，请刷新页面'));
      return serveEvents(req, res);
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, fail('INVALID_REQUEST', '请使用 POST 调用接口'));
      const header = req.headers[TOKEN_HEADER];
      if (!sameToken(Array.isArray(header) ? header[0] : header, token)) return sendJson(res, 403, fail('FORBIDDEN', '访问令牌无效，请刷新页面'));
      const raw = await readBody(req);
      if (raw === null) return sendJson(res, 413, fail('INVALID_REQUEST', '提交的内容过大'));
      let body: unknown = {};
      if (raw.trim() !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, fail('INVALID_REQUEST', '提交的内容不是有效的 JSON'));
        }
      }
      const auth = req.headers.authorization;
      const session = desk.sessions.get(auth?.startsWith('Bearer ') ? auth.slice(7) : null);
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      return sendJson(res, 200, await desk.dispatch(channel, body, session));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, fail('INVALID_REQUEST', '不支持的请求方法'));
    return serveStatic(url.pathname, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, fail('INTERNAL', '系统内部错误'));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
