// One exchange with the platform: allocate and persist the msgid (with a redacted excerpt) before
// anything leaves, build the common envelope, send, classify, settle the log row. Never throws for
// network or platform problems.
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { beginExchange, settleExchange } from '../../db/repositories/platformExchanges';
import type { Exec } from '../../db/repositories/types';
import { businessDateTime } from '../../shared/domain/time';
import { classify, type Classified } from './classify';
import { allocateMsgid, MsgidExhaustedError } from './msgid';
import { pathFor, recerSysCodeFor, type InterfaceProfile } from './profiles';
import { excerpt, excerptText, namesIn } from './redact';
import { gatewayHeaders, type GatewayCredentials } from './signing';
import type { Transport } from './transport';
import type { CallOptions, PlatformOperator } from './types';
import { inputNodeFor, type RequestEnvelope } from './wire';

export interface InstitutionIdentity {
  code: string;
  name: string;
  regionCode: string;
}

export interface DeviceIdentity {
  /** dev_no; empty unless the province assigns device numbers. */
  no: string;
  mac: string;
  ip: string;
}

export interface ExchangeContext {
  db: Exec;
  sqlite: Database.Database;
  institution: InstitutionIdentity;
  profile: InterfaceProfile;
  baseUrl: string;
  credentials: GatewayCredentials | undefined;
  /** Business clock: msgid stamp, inf_time, the CST day. */
  clock: () => Date;
  transport: Transport;
  device: DeviceIdentity;
  /** Told when the platform could not be reached or answered without its envelope (an outage sign). */
  onOutage: () => void;
}

/** What a transaction makes of a successful reply: its value, or why it is not a success after all. */
export type Interpretation<T> =
  | { ok: true; value: T }
  | { ok: false; outcome: 'unknown' | 'rejected' | 'auth'; message: string; reason: string };

export interface ExchangeRequest<T> {
  infno: string;
  input: Record<string, unknown>;
  operator: PlatformOperator;
  signNo: string;
  /** 参保地医保区划; required whenever input carries psn_no (§1.1 row 4). */
  insuredRegion?: string;
  /** For recer_sys_code rules (e.g. 340 -> LXXT). */
  insutype?: string;
  interpret: (output: unknown) => Interpretation<T>;
  call?: CallOptions;
}

export type ExchangeResult<T> =
  | { outcome: 'ok'; value: T; msgid: string; message: string; reason?: undefined; warning: string | null; refMsgid: string | null; durationMs: number }
  | {
      outcome: 'rejected' | 'not_sent' | 'unknown' | 'auth';
      value?: undefined;
      msgid: string | null;
      message: string;
      reason: string;
      warning?: undefined;
      refMsgid: string | null;
      durationMs: number;
    };

/** opter / opter_no: the platform registers operator codes of at most 20 characters (§2.1). */
export function operatorCode(operator: PlatformOperator): string {
  if (operator.code) return operator.code;
  return operator.id.replace(/[^0-9A-Za-z]/g, '').slice(0, 20);
}

export function buildEnvelope(ctx: ExchangeContext, request: ExchangeRequest<unknown>, msgid: string, at: Date): RequestEnvelope {
  return {
    infno: request.infno,
    msgid,
    mdtrtarea_admvs: ctx.institution.regionCode,
    insuplc_admdvs: request.insuredRegion ?? '',
    recer_sys_code: recerSysCodeFor(ctx.profile, request.insutype),
    dev_no: ctx.device.no,
    dev_safe_info: '',
    cainfo: '',
    signtype: '',
    infver: ctx.profile.infver,
    opter_type: '1',
    opter: operatorCode(request.operator),
    opter_name: request.operator.name,
    inf_time: businessDateTime(at),
    fixmedins_code: ctx.institution.code,
    fixmedins_name: ctx.institution.name,
    sign_no: request.signNo,
    input: { [inputNodeFor(request.infno)]: request.input },
  };
}

function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

const OUTAGE_REASONS = /^(http_5\d\d|gateway_envelope|malformed_reply)$/;

export async function exchange<T>(ctx: ExchangeContext, request: ExchangeRequest<T>): Promise<ExchangeResult<T>> {
  const started = performance.now();
  const at = ctx.clock();
  const elapsed = () => Math.round(performance.now() - started);
  let msgid: string;
  let envelope: RequestEnvelope;
  try {
    ({ msgid, envelope } = ctx.sqlite
      .transaction(() => {
        const id = allocateMsgid(ctx.db, ctx.institution.code, at);
        const env = buildEnvelope(ctx, request as ExchangeRequest<unknown>, id, at);
        beginExchange(ctx.db, {
          msgid: id,
          infno: request.infno,
          operatorId: request.operator.id,
          correlationId: request.call?.correlationId ?? null,
          startedAt: at.toISOString(),
          requestExcerpt: excerpt(env),
        });
        return { msgid: id, envelope: env };
      })
      .immediate());
  } catch (error) {
    if (!(error instanceof MsgidExhaustedError)) throw error;
    return {
      outcome: 'not_sent',
      msgid: null,
      message: '今日医保报文序号已用尽（每日9999笔），请求未发出，请明日再上传',
      reason: 'msgid_exhausted',
      refMsgid: null,
      durationMs: elapsed(),
    };
  }

  const settle = (result: ExchangeResult<T>, httpStatus: number | null, responseExcerpt: string | null) => {
    settleExchange(ctx.db, msgid, {
      finishedAt: ctx.clock().toISOString(),
      durationMs: result.durationMs,
      outcome: result.outcome,
      reason: result.reason ?? null,
      httpStatus,
      refMsgid: result.refMsgid,
      message: result.message,
      responseExcerpt,
    });
    return result;
  };

  try {
    request.call?.onMsgid?.(msgid);
  } catch {
    // The caller could not record the msgid: do not send what it cannot account for.
    return settle({ outcome: 'not_sent', msgid, message: '本地记录报文编号失败，请求未发出', reason: 'caller_refused', refMsgid: null, durationMs: elapsed() }, null, null);
  }

  const body = JSON.stringify(envelope);
  let headers: Record<string, string>;
  try {
    // The gateway checks its timestamps against real time, not the business clock.
    headers = { 'content-type': `${ctx.profile.contentType}; charset=utf-8`, ...gatewayHeaders(ctx.profile.gateway, ctx.credentials, new Date()) };
  } catch {
    return settle({ outcome: 'auth', msgid, message: '医保网关凭证未配置，请求未发出', reason: 'credentials_missing', refMsgid: null, durationMs: elapsed() }, null, null);
  }
  const sent = await ctx.transport({
    url: joinUrl(ctx.baseUrl, pathFor(ctx.profile, request.infno)),
    headers,
    body,
    connectTimeoutMs: ctx.profile.timeouts.connectMs,
    responseTimeoutMs: ctx.profile.timeouts.responseMs,
  });
  const classified: Classified = classify(sent, new RegExp(ctx.profile.signInErrorPattern));
  const durationMs = elapsed();
  const names = namesIn(envelope);
  const responseExcerpt = sent.kind === 'response' ? excerptText(sent.body, names) : null;
  if (classified.outcome === 'not_sent' || (classified.outcome === 'unknown' && (sent.kind === 'failed' || OUTAGE_REASONS.test(classified.reason)))) {
    ctx.onOutage();
  }
  if (classified.outcome !== 'ok') {
    const { outcome, message, reason, refMsgid, httpStatus } = classified;
    return settle({ outcome, msgid, message, reason, refMsgid, durationMs }, httpStatus, responseExcerpt);
  }
  const interpreted = request.interpret(classified.output);
  if (!interpreted.ok) {
    const { outcome, message, reason } = interpreted;
    return settle({ outcome, msgid, message, reason, refMsgid: classified.refMsgid, durationMs }, classified.httpStatus, responseExcerpt);
  }
  return settle(
    {
      outcome: 'ok',
      value: interpreted.value,
      msgid,
      message: classified.warning ? `交易成功（平台提示：${classified.warning}）` : '交易成功',
      warning: classified.warning,
      refMsgid: classified.refMsgid,
      durationMs,
    },
    classified.httpStatus,
    responseExcerpt,
  );
}
