// A transport carries contract calls and events to the main side. It is untyped on purpose:
// the typed surface is the client (client.ts), which derives every type from the contract.
import type { ChannelName, ErrorCode, EventName, Failure, Result } from '../../../shared/contract';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  invoke(channel: ChannelName, request: unknown): Promise<Result<unknown>>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Browser mode keeps the session token; Electron tracks the session per window in main. */
  setSession(token: string | null): void;
}

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, code, message };
}

export const UNREACHABLE_MESSAGE = '无法连接工作台服务，请确认工作台程序正在运行后重试';
export const MALFORMED_MESSAGE = '工作台服务返回的内容无法识别，请刷新页面后重试';

/** Only a well-formed Result crosses into the UI; anything else becomes a Failure. */
export function asResult(body: unknown): Result<unknown> {
  if (typeof body !== 'object' || body === null) return failure('INTERNAL', MALFORMED_MESSAGE);
  const r = body as { ok?: unknown; code?: unknown; message?: unknown };
  if (r.ok === true && 'value' in r) return body as Result<unknown>;
  if (r.ok === false && typeof r.code === 'string' && typeof r.message === 'string') return body as Failure;
  return failure('INTERNAL', MALFORMED_MESSAGE);
}
