// The platform simulator: a real HTTP server on 127.0.0.1 speaking the platform's interface in both
// endpoint styles, with its own SQLite state, run-time fault injection and an inspection API under
// /__sim/ (docs/platform.md §Simulator). Started in process by tests and training mode, and by
// `npm run platform:sim`.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyGateway, type GatewayCredentials } from '../signing';
import { handleAdmin } from './admin';
import { Capacity } from './capacity';
import { FaultController, seededRandom, type FaultPatch } from './faults';
import { SimPlatform } from './platform';
import { SimStore, type SimExchange, type SimFiling } from './store';
import type { SimBehaviour } from './tx/context';
import { SIM_TRANSACTIONS } from './validate';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** SQLite file for the simulator's state; default in memory. */
  dbPath?: string;
  /** Latency added to every platform request, in ms (default 0). */
  latencyMs?: number;
  /** Seed for injected-fault randomness (default 1). */
  seed?: number;
  /** The platform's business clock (sign-in day, filing times, maintenance windows). */
  clock?: () => Date;
  /** Faults active from the start. */
  faults?: FaultPatch;
  /** Verify gateway signing as a province's gateway would (x-tif or CSB); none by default. */
  gateway?: GatewayCredentials;
  behaviour?: Partial<SimBehaviour>;
  /** A second listener serving only /__sim/, reachable while the platform port refuses connections. */
  adminPort?: number;
}

export interface SimStats {
  requests: number;
  byInfno: Record<string, number>;
  active: number;
  peakConcurrent: number;
  queued: number;
  peakQueued: number;
  msgids: number;
  signIns: number;
  listening: boolean;
}

export interface SimInspector {
  /** Referral filings (active and cancelled), optionally for one person. */
  referrals(personNo?: string): SimFiling[];
  outOfArea(personNo?: string): SimFiling[];
  exchanges(filter?: { infno?: string; limit?: number }): SimExchange[];
  stats(): SimStats;
}

export interface Simulator {
  url: string;
  port: number;
  adminUrl: string | null;
  faults: FaultController;
  inspect: SimInspector;
  behaviour: SimBehaviour;
  setLatency(ms: number): void;
  latency(): number;
  /** Invalidates every sign_no (as a platform restart or a sign-in lifetime would). */
  expireSignIns(): number;
  /** Forgets msgids, sign-ins, filings and exchanges; clears faults. */
  reset(): void;
  /** Resolves once the listener reflects the current faults (after setting or clearing `down: refuse`). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/** Paths of the single-endpoint style (infno in the body). */
const SINGLE_PATHS = [/\/callService$/, /\/CSB$/];
/** Per-transaction style: …/hsa/hgs/<infno> (Guangdong) or …/<infno>. */
const PER_TRANSACTION = /\/([0-9A-Z]{4,6})$/;

function route(pathname: string): { style: 'single' } | { style: 'per_transaction'; infno: string } | null {
  if (SINGLE_PATHS.some((p) => p.test(pathname))) return { style: 'single' };
  const m = PER_TRANSACTION.exec(pathname);
  return m && (SIM_TRANSACTIONS as readonly string[]).includes(m[1]!) ? { style: 'per_transaction', infno: m[1]! } : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function gatewayEnvelope(style: 'code_msg' | 'code_type_message', code: string, message: string): Record<string, unknown> {
  return style === 'code_msg' ? { code, msg: message } : { code, type: 'error', message, data: null };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const store = new SimStore(options.dbPath);
  const random = seededRandom(options.seed ?? 1);
  const faults = new FaultController(random);
  const clock = options.clock ?? (() => new Date());
  const behaviour: SimBehaviour = {
    operators: options.behaviour?.operators ?? null,
    includeSerialIn5304: options.behaviour?.includeSerialIn5304 ?? false,
    referralAExtra: options.behaviour?.referralAExtra ?? 'refl_old_mdtrt_id',
  };
  const platform = new SimPlatform(store, faults, behaviour, clock, random);
  const capacity = new Capacity();
  let latencyMs = options.latencyMs ?? 0;
  let port = options.port ?? 0;
  let requests = 0;
  const byInfno: Record<string, number> = {};

  const record = (e: Omit<SimExchange, 'id'>) => store.addExchange(e);

  async function servePlatform(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const started = performance.now();
    const receivedAt = clock();
    const raw = await readBody(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = raw;
    }
    const infno = SimPlatform.peek(parsed);
    requests += 1;
    if (infno) byInfno[infno] = (byInfno[infno] ?? 0) + 1;
    const envelope = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
    const text = (v: unknown) => (typeof v === 'string' ? v : null);
    const base = { receivedAt: receivedAt.toISOString(), path: pathname, infno, msgid: text(envelope?.msgid), operator: text(envelope?.opter), infcode: null, errMsg: null };
    const finish = (httpStatus: number, fault: string | null, extra: Partial<SimExchange> = {}) =>
      record({ ...base, envelope, httpStatus, fault, durationMs: Math.round(performance.now() - started), ...extra });

    if (faults.peek('down')?.mode === 'reset') {
      finish(0, 'down:reset');
      req.socket.resetAndDestroy();
      return;
    }
    const r = route(pathname);
    if (!r || req.method !== 'POST') {
      finish(404, null);
      return sendJson(res, 404, gatewayEnvelope('code_msg', '404', `服务不存在：${pathname}`));
    }
    if (r.style === 'per_transaction' && infno !== r.infno) {
      finish(400, null);
      return sendJson(res, 400, gatewayEnvelope('code_msg', '400', '请求路径中的交易编号与报文infno不一致'));
    }
    if (options.gateway) {
      const refused = verifyGateway(options.gateway, (name) => {
        const v = req.headers[name.toLowerCase()];
        return Array.isArray(v) ? v[0] : v;
      }, new Date());
      if (refused) {
        finish(401, `gateway:${refused}`);
        return sendJson(res, 401, gatewayEnvelope('code_msg', '401', '网关鉴权失败'));
      }
    }
    const maintenance = faults.maintenanceAt(clock());
    if (maintenance) {
      finish(503, 'maintenance');
      return sendJson(res, 503, gatewayEnvelope('code_msg', '503', maintenance));
    }
    const slot = await capacity.acquire(faults.peek('capacity'));
    if (!slot) {
      finish(503, 'capacity');
      return sendJson(res, 503, gatewayEnvelope('code_msg', '503', '系统繁忙，请稍后再试'));
    }
    const applied: string[] = [];
    try {
      const slow = faults.peek('slow');
      const extra = slow && faults.fires('slow', infno) ? (applied.push('slow'), slow.delayMs) : 0;
      if (latencyMs + extra > 0) await sleep(latencyMs + extra);
      const gateway = faults.peek('gateway');
      if (gateway && faults.fires('gateway', infno)) {
        finish(200, 'gateway');
        return sendJson(res, 200, gatewayEnvelope(gateway.style, '999', gateway.message ?? '网关转发失败：后端服务不可用'));
      }
      const httpError = faults.peek('httpError');
      if (httpError && !httpError.afterCommit && faults.fires('httpError', infno)) {
        finish(httpError.status, 'httpError');
        res.writeHead(httpError.status, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(`<html><body><h1>${httpError.status}</h1>Bad Gateway</body></html>`);
      }
      const processed = platform.process(parsed, receivedAt);
      applied.push(...processed.faults);
      const outcome = { infcode: Number(processed.body.infcode), errMsg: processed.body.err_msg ?? null };
      const reply = JSON.stringify(processed.body);
      if (faults.peek('drop') && faults.fires('drop', infno)) {
        finish(0, [...applied, 'drop'].join(','), outcome);
        req.socket.destroy();
        return;
      }
      const malformed = faults.peek('malformed');
      if (malformed && faults.fires('malformed', infno)) {
        finish(200, [...applied, `malformed:${malformed.mode}`].join(','), outcome);
        if (malformed.mode === 'garbage') {
          res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
          return void res.end('<html>Service Unavailable</html>{"infcode":');
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
        res.write(reply.slice(0, Math.floor(reply.length / 2)));
        setImmediate(() => req.socket.destroy());
        return;
      }
      if (httpError?.afterCommit && faults.fires('httpError', infno)) {
        finish(httpError.status, [...applied, 'httpError'].join(','), outcome);
        res.writeHead(httpError.status, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end(`<html><body><h1>${httpError.status}</h1>Gateway Timeout</body></html>`);
      }
      finish(200, applied.length ? applied.join(',') : null, outcome);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply) });
      res.end(reply);
    } finally {
      slot.release();
    }
  }

  const inspect: SimInspector = {
    referrals: (personNo) => store.filings({ kind: 'referral', ...(personNo ? { personNo } : {}) }),
    outOfArea: (personNo) => store.filings({ kind: 'out_of_area', ...(personNo ? { personNo } : {}) }),
    exchanges: (filter) => store.exchanges(filter),
    stats: () => ({
      requests,
      byInfno: { ...byInfno },
      active: capacity.active,
      peakConcurrent: capacity.peak,
      queued: capacity.queued,
      peakQueued: capacity.peakQueued,
      msgids: store.msgidCount(),
      signIns: store.signInCount(),
      listening: listener !== null,
    }),
  };

  const httpServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const work = url.pathname.startsWith('/__sim/') ? handleAdmin(sim, req, res, url) : servePlatform(req, res, url.pathname);
    work.catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: '500', msg: `simulator error: ${error instanceof Error ? error.message : String(error)}` });
      else res.destroy();
    });
  });

  // The platform port is a separate net.Server feeding the HTTP server, so "down: refuse" can stop
  // accepting connections (ECONNREFUSED) and resume on the same port later.
  let listener: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  async function listen(): Promise<void> {
    if (listener) return;
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      httpServer.emit('connection', socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    listener = server;
    port = (server.address() as AddressInfo).port;
  }
  /** Stops accepting at once (close() drops the listening socket now; its callback waits for connections). */
  function unlisten(): void {
    listener?.close();
    listener = null;
  }
  /** The HTTP server never listens itself, so it does not track connections: we do. */
  function dropConnections(): void {
    for (const socket of sockets) socket.destroy();
  }
  let switching: Promise<void> = Promise.resolve();
  const applyDown = () => {
    const refuse = faults.peek('down')?.mode === 'refuse';
    switching = switching.then(async () => {
      if (refuse) {
        unlisten();
        dropConnections();
      } else await listen();
    });
    return switching;
  };
  faults.onChange(() => {
    void applyDown().catch(() => undefined);
    capacity.pump(faults.peek('capacity'));
  });

  await listen();
  let admin: http.Server | null = null;
  if (options.adminPort !== undefined) {
    const adminServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!url.pathname.startsWith('/__sim/')) return sendJson(res, 404, { code: '404', msg: 'admin port serves /__sim/ only' });
      handleAdmin(sim, req, res, url).catch(() => res.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      adminServer.once('error', reject);
      adminServer.listen(options.adminPort, '127.0.0.1', () => resolve());
    });
    admin = adminServer;
  }
  if (options.faults) faults.set(options.faults);
  await switching;

  const sim: Simulator = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    adminUrl: admin ? `http://127.0.0.1:${(admin.address() as AddressInfo).port}` : null,
    faults,
    inspect,
    behaviour,
    setLatency: (ms) => {
      latencyMs = Math.max(0, Math.floor(ms));
    },
    latency: () => latencyMs,
    expireSignIns: () => store.expireAllSignIns(),
    settled: () => switching,
    reset: () => {
      store.reset();
      faults.clear();
      requests = 0;
      for (const k of Object.keys(byInfno)) delete byInfno[k];
      capacity.resetPeaks();
    },
    close: async () => {
      faults.dispose();
      await switching.catch(() => undefined);
      unlisten();
      dropConnections();
      if (admin) {
        admin.closeAllConnections();
        await new Promise<void>((resolve) => admin!.close(() => resolve()));
      }
      capacity.pump({ maxConcurrent: Number.MAX_SAFE_INTEGER });
      store.close();
    },
  };
  return sim;
}
