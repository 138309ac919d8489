// From what came back (or did not) to an outcome class (nhsa-interface.md §1.3, §6): transport failure
// before sending -> not_sent; anything that may have reached the platform without a platform answer
// -> unknown; infcode -1 -> rejected, or auth when it is about sign-in; infcode 0 -> ok.
import type { OutcomeClass } from './types';
import type { TransportResult } from './transport';
import { isGatewayEnvelope, type ResponseEnvelope } from './wire';

export type Classified =
  | { outcome: 'ok'; output: unknown; refMsgid: string | null; warning: string | null; httpStatus: number }
  | {
      outcome: Exclude<OutcomeClass, 'ok'>;
      message: string;
      reason: string;
      refMsgid: string | null;
      httpStatus: number | null;
    };

export const MESSAGES = {
  notSent: (reason: string) => `未能连接医保平台（${reason}），请求未发出，可稍后重试`,
  unknown: (what: string) => `${what}，该交易是否已被医保平台受理待核实，请勿直接重复提交`,
  gatewayAuth: '医保网关拒绝了本院的接入凭证，请管理员核对网关配置（paasid/密钥）',
  rejectedNoText: '医保平台拒绝了该交易，但未说明原因',
};

function describeFailure(reason: string): string {
  if (reason === 'timeout_after_send') return '等待医保平台应答超时';
  if (reason === 'truncated_reply') return '医保平台应答不完整（连接中断）';
  if (reason === 'ECONNRESET' || reason === 'EPIPE') return '与医保平台的连接被重置';
  return `与医保平台的通信中断（${reason}）`;
}

function gatewayText(value: Record<string, unknown>): string {
  const text = value.msg ?? value.message;
  return typeof text === 'string' && text.trim() !== '' ? text.trim().slice(0, 200) : `代码 ${String(value.code)}`;
}

/** A gateway envelope may carry the platform's real envelope in `data` (Guangzhou, S5). */
function unwrap(value: Record<string, unknown>): Record<string, unknown> | null {
  let data = value.data;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return null;
    }
  }
  return data && typeof data === 'object' && !Array.isArray(data) && 'infcode' in data ? (data as Record<string, unknown>) : null;
}

export function classify(result: TransportResult, signInErrorPattern: RegExp): Classified {
  if (result.kind === 'failed') {
    return result.sent
      ? { outcome: 'unknown', message: MESSAGES.unknown(describeFailure(result.reason)), reason: result.reason, refMsgid: null, httpStatus: null }
      : { outcome: 'not_sent', message: MESSAGES.notSent(result.reason), reason: result.reason, refMsgid: null, httpStatus: null };
  }
  const status = result.status;
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.body);
  } catch {
    parsed = undefined;
  }
  const object = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  if (status === 401 || status === 403) {
    return { outcome: 'auth', message: MESSAGES.gatewayAuth, reason: `gateway_http_${status}`, refMsgid: null, httpStatus: status };
  }
  if (status !== 200) {
    const detail = object && isGatewayEnvelope(object) ? `：${gatewayText(object)}` : '';
    return {
      outcome: 'unknown',
      message: MESSAGES.unknown(`医保平台返回 HTTP ${status}${detail}`),
      reason: `http_${status}`,
      refMsgid: null,
      httpStatus: status,
    };
  }
  if (!object) {
    return { outcome: 'unknown', message: MESSAGES.unknown('医保平台应答格式无法识别'), reason: 'malformed_reply', refMsgid: null, httpStatus: status };
  }
  let envelope: Record<string, unknown> | null = object;
  if (isGatewayEnvelope(object)) {
    envelope = unwrap(object);
    if (!envelope) {
      return {
        outcome: 'unknown',
        message: MESSAGES.unknown(`医保网关返回：${gatewayText(object)}`),
        reason: 'gateway_envelope',
        refMsgid: null,
        httpStatus: status,
      };
    }
  }
  return classifyEnvelope(envelope as unknown as ResponseEnvelope, signInErrorPattern, status);
}

function classifyEnvelope(envelope: ResponseEnvelope, signInErrorPattern: RegExp, status: number): Classified {
  const refMsgid = typeof envelope.inf_refmsgid === 'string' && envelope.inf_refmsgid !== '' ? envelope.inf_refmsgid : null;
  const text = String(envelope.infcode ?? '').trim();
  const infcode = text === '' ? Number.NaN : Number(text);
  if (infcode === 0) {
    const warning = typeof envelope.warn_msg === 'string' && envelope.warn_msg.trim() !== '' ? envelope.warn_msg.trim() : null;
    return { outcome: 'ok', output: envelope.output, refMsgid, warning, httpStatus: status };
  }
  if (Number.isInteger(infcode) && infcode < 0) {
    // -1 is the platform's failure; the Chongqing DLL also uses -2 for business errors (§1.3). Both
    // mean the platform looked at the request and refused it.
    const errMsg = typeof envelope.err_msg === 'string' && envelope.err_msg.trim() !== '' ? envelope.err_msg.trim() : '';
    if (errMsg !== '' && signInErrorPattern.test(errMsg)) {
      return { outcome: 'auth', message: `医保平台签到无效：${errMsg}`, reason: 'sign_in_refused', refMsgid, httpStatus: status };
    }
    return { outcome: 'rejected', message: errMsg || MESSAGES.rejectedNoText, reason: `infcode_${infcode}`, refMsgid, httpStatus: status };
  }
  return {
    outcome: 'unknown',
    message: MESSAGES.unknown(`医保平台返回了无法识别的状态码（${text || '空'}）`),
    reason: 'unrecognised_infcode',
    refMsgid,
    httpStatus: status,
  };
}
