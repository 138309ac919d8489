// /__sim/… : run-time control and inspection of the simulator over HTTP (docs/platform.md lists them).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { faultPatch } from './faults';
import { SIM_DIAGNOSES, SIM_INSTITUTIONS, SIM_PERSONS } from './seed';
import type { Simulator } from './server';

const behaviourPatch = z
  .object({
    operators: z.array(z.string()).nullable(),
    includeSerialIn5304: z.boolean(),
    referralAExtra: z.enum(['refl_old_mdtrt_id', 'refl_used_flag']),
  })
  .partial();

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function json(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text === '' ? {} : (JSON.parse(text) as unknown);
}

export async function handleAdmin(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const path = url.pathname.slice('/__sim'.length);
  const method = req.method ?? 'GET';
  const personNo = url.searchParams.get('personNo') ?? undefined;
  try {
    if (path === '/health') return send(res, 200, { ok: true, url: sim.url });
    if (path === '/faults') {
      if (method === 'GET') return send(res, 200, sim.faults.state);
      if (method === 'PUT') return send(res, 200, sim.faults.replace(faultPatch.parse(await json(req))));
      if (method === 'PATCH' || method === 'POST') return send(res, 200, sim.faults.set(faultPatch.parse(await json(req))));
      if (method === 'DELETE') return send(res, 200, sim.faults.clear());
    }
    if (path === '/latency') {
      if (method === 'PUT' || method === 'POST') {
        const body = z.object({ latencyMs: z.number().int().min(0).max(600_000) }).parse(await json(req));
        sim.setLatency(body.latencyMs);
      }
      return send(res, 200, { latencyMs: sim.latency() });
    }
    if (path === '/behaviour') {
      if (method === 'PATCH' || method === 'POST' || method === 'PUT') Object.assign(sim.behaviour, behaviourPatch.parse(await json(req)));
      return send(res, 200, sim.behaviour);
    }
    if (path === '/sign-ins/expire' && method === 'POST') return send(res, 200, { expired: sim.expireSignIns() });
    if (path === '/reset' && method === 'POST') {
      sim.reset();
      return send(res, 200, { ok: true });
    }
    if (method === 'GET') {
      if (path === '/referrals') return send(res, 200, sim.inspect.referrals(personNo));
      if (path === '/out-of-area') return send(res, 200, sim.inspect.outOfArea(personNo));
      if (path === '/exchanges') {
        const limit = Number(url.searchParams.get('limit') ?? '') || undefined;
        const infno = url.searchParams.get('infno') ?? undefined;
        return send(res, 200, sim.inspect.exchanges({ ...(infno ? { infno } : {}), ...(limit ? { limit } : {}) }));
      }
      if (path === '/stats') return send(res, 200, sim.inspect.stats());
      if (path === '/persons') return send(res, 200, SIM_PERSONS);
      if (path === '/institutions') return send(res, 200, SIM_INSTITUTIONS);
      if (path === '/diagnoses') return send(res, 200, SIM_DIAGNOSES);
    }
    return send(res, 404, { error: `unknown admin route: ${method} ${url.pathname}` });
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return send(res, 400, { error: message });
  }
}
