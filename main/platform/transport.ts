// One POST to the platform, reporting precisely whether the request can have arrived.
// The default uses node:http with a fresh connection per request (no keep-alive): a reset on a
// reused idle socket would otherwise turn a request that never arrived into an "unknown" one, and
// a reset on a fresh socket after the body was written is a real "may have arrived".
import http from 'node:http';
import https from 'node:https';

export interface TransportRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  connectTimeoutMs: number;
  /** From the moment the connection is up until the whole reply has arrived. */
  responseTimeoutMs: number;
}

export type TransportResult =
  | { kind: 'response'; status: number; body: string }
  /** sent = false only when the request provably did not leave (the connection never came up). */
  | { kind: 'failed'; sent: boolean; reason: string };

export type Transport = (request: TransportRequest) => Promise<TransportResult>;

function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (error as { cause?: unknown }).cause;
    if (cause) return errorCode(cause);
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string') return name;
  }
  return 'error';
}

export function httpTransport(): Transport {
  return (request) =>
    new Promise<TransportResult>((resolve) => {
      const url = new URL(request.url);
      const body = Buffer.from(request.body, 'utf8');
      // Once the connection is up the body is on its way: from then on a failure means "may have arrived".
      let connected = false;
      let settled = false;
      let responseTimer: NodeJS.Timeout | undefined;
      const settle = (result: TransportResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(responseTimer);
        resolve(result);
      };
      const send = url.protocol === 'https:' ? https.request : http.request;
      const req = send(url, {
        method: 'POST',
        agent: false,
        headers: { ...request.headers, 'content-length': String(body.length), connection: 'close' },
      });
      const connectTimer = setTimeout(() => {
        settle({ kind: 'failed', sent: false, reason: 'connect_timeout' });
        req.destroy();
      }, request.connectTimeoutMs);
      const onConnect = () => {
        connected = true;
        clearTimeout(connectTimer);
        responseTimer = setTimeout(() => {
          settle({ kind: 'failed', sent: true, reason: 'timeout_after_send' });
          req.destroy();
        }, request.responseTimeoutMs);
      };
      req.on('socket', (socket) => {
        if (!socket.connecting && !socket.destroyed) onConnect();
        else socket.once('connect', onConnect);
      });
      req.on('error', (error) => {
        settle({ kind: 'failed', sent: connected, reason: errorCode(error) });
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => settle({ kind: 'failed', sent: true, reason: 'truncated_reply' }));
        res.on('close', () => {
          if (!res.complete) settle({ kind: 'failed', sent: true, reason: 'truncated_reply' });
        });
        res.on('end', () => {
          if (!res.complete) return settle({ kind: 'failed', sent: true, reason: 'truncated_reply' });
          settle({ kind: 'response', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.end(body);
    });
}

/** Errors that mean the connection never came up, so the request cannot have left. */
const BEFORE_SEND = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * A transport over a fetch implementation (e.g. an injected one). fetch does not say whether the body
 * was written, so only errors that mean "no connection" count as not sent; everything else is unknown.
 */
export function fetchTransport(fetchImpl: typeof fetch): Transport {
  return async (request) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), request.connectTimeoutMs + request.responseTimeoutMs);
    try {
      const res = await fetchImpl(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: controller.signal });
      try {
        return { kind: 'response', status: res.status, body: await res.text() };
      } catch {
        return { kind: 'failed', sent: true, reason: controller.signal.aborted ? 'timeout_after_send' : 'truncated_reply' };
      }
    } catch (error) {
      if (controller.signal.aborted) return { kind: 'failed', sent: true, reason: 'timeout_after_send' };
      const code = errorCode(error);
      return { kind: 'failed', sent: !BEFORE_SEND.has(code), reason: code };
    } finally {
      clearTimeout(timer);
    }
  };
}
