// What the simulator checks before it does anything, as the real platform would (nhsa-interface.md
// §1.1, §1.2): every envelope field present, formats and lengths, msgid shape and consistency.
// Failures are business rejections (infcode -1) with a Chinese err_msg naming the field.
import { isIsoDate } from '../../../shared/domain/time';
import { ENVELOPE_FIELDS, inputNodeFor, type RequestEnvelope } from '../wire';
import { simDictionary } from './seed';

export class Rejection extends Error {
  constructor(readonly errMsg: string) {
    super(errMsg);
  }
}

export function reject(errMsg: string): never {
  throw new Rejection(errMsg);
}

export const SIM_TRANSACTIONS = ['9001', '9002', '1101', '1201', '1901', '1307', '2501', '2501A', '2502', '5304', 'OA01', 'OA02', 'OA03'] as const;

export function isDateTime(value: string): boolean {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  return !!m && isIsoDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 60;
}

/** yyyyMMddHHmmss -> 'yyyy-MM-dd HH:mm:ss', or null when it is not a real time. */
export function stampToDateTime(stamp: string): string | null {
  if (!/^\d{14}$/.test(stamp)) return null;
  const text = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)} ${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`;
  return isDateTime(text) ? text : null;
}

/** Seconds between two 'yyyy-MM-dd HH:mm:ss' values of the same zone. */
function secondsBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a.replace(' ', 'T')}Z`) - Date.parse(`${b.replace(' ', 'T')}Z`)) / 1000;
}

const REQUIRED_ENVELOPE = new Set([
  'infno',
  'msgid',
  'mdtrtarea_admvs',
  'recer_sys_code',
  'infver',
  'opter_type',
  'opter',
  'opter_name',
  'inf_time',
  'fixmedins_code',
  'fixmedins_name',
]);

const ENVELOPE_MAX: Record<string, number> = {
  infno: 6,
  msgid: 30,
  mdtrtarea_admvs: 6,
  insuplc_admdvs: 6,
  recer_sys_code: 10,
  dev_no: 100,
  dev_safe_info: 2000,
  cainfo: 1024,
  signtype: 10,
  infver: 6,
  opter_type: 3,
  opter: 30,
  opter_name: 50,
  inf_time: 19,
  fixmedins_code: 30,
  fixmedins_name: 200,
  sign_no: 30,
};

/** Checks the common envelope; returns it typed, or throws a Rejection. */
export function checkEnvelope(raw: unknown): RequestEnvelope {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) reject('请求报文格式错误：应为JSON对象');
  const env = raw as Record<string, unknown>;
  for (const field of ENVELOPE_FIELDS) {
    if (!(field in env)) reject(`公共报文缺少字段：${field}`);
  }
  for (const [field, max] of Object.entries(ENVELOPE_MAX)) {
    const value = env[field];
    if (value !== null && typeof value !== 'string') reject(`公共报文字段${field}类型错误，应为字符串`);
    const text = (value as string | null) ?? '';
    if (REQUIRED_ENVELOPE.has(field) && text.trim() === '') reject(`公共报文字段${field}不能为空`);
    if ([...text].length > max) reject(`公共报文字段${field}长度超过${max}`);
  }
  const e = env as unknown as RequestEnvelope;
  if (!(SIM_TRANSACTIONS as readonly string[]).includes(e.infno)) reject(`交易编号[${e.infno}]不存在`);
  if (!/^\d{6}$/.test(e.mdtrtarea_admvs)) reject('就医地医保区划mdtrtarea_admvs应为6位数字');
  if ((e.insuplc_admdvs ?? '') !== '' && !/^\d{6}$/.test(e.insuplc_admdvs)) reject('参保地医保区划insuplc_admdvs应为6位数字');
  if (!['1', '2', '3'].includes(e.opter_type)) reject('经办人类别opter_type应为1、2或3');
  if (!isDateTime(e.inf_time)) reject('交易时间inf_time格式应为yyyy-MM-dd HH:mm:ss');
  if (!/^[A-Z]\d{11}$/.test(e.fixmedins_code)) reject(`定点医药机构编号[${e.fixmedins_code}]格式不正确`);
  checkMsgid(e);
  const input = e.input as unknown;
  const node = inputNodeFor(e.infno);
  if (!input || typeof input !== 'object' || Array.isArray(input)) reject('交易输入input应为JSON对象');
  const content = (input as Record<string, unknown>)[node];
  if (!content || typeof content !== 'object' || Array.isArray(content)) reject(`交易${e.infno}的输入节点应为input.${node}`);
  return e;
}

/** msgid = fixmedins_code (12) + yyyyMMddHHmmss (14) + 4-digit sequence (§1.2). */
function checkMsgid(e: RequestEnvelope): void {
  const msgid = e.msgid;
  if (msgid.length !== 30) reject(`报文ID[${msgid}]长度应为30位`);
  if (msgid.slice(0, 12) !== e.fixmedins_code) reject(`报文ID[${msgid}]前12位应为定点医药机构编号`);
  const stamp = stampToDateTime(msgid.slice(12, 26));
  if (!stamp) reject(`报文ID[${msgid}]第13-26位应为有效时间yyyyMMddHHmmss`);
  if (!/^\d{4}$/.test(msgid.slice(26)) || msgid.slice(26) === '0000') reject(`报文ID[${msgid}]末4位应为0001-9999的顺序号`);
  // Both come from the sender's clock at the same moment; a large gap means a stale or forged msgid.
  if (secondsBetween(stamp, e.inf_time) > 300) reject(`报文ID[${msgid}]中的时间与交易时间inf_time不一致`);
}

export function nodeOf(e: RequestEnvelope): Record<string, unknown> {
  return e.input[inputNodeFor(e.infno)] as Record<string, unknown>;
}

export interface FieldRule {
  label: string;
  max: number;
  required?: boolean;
  format?: 'date' | 'datetime' | 'admdvs';
  /** A dictionary type the value must belong to (checked for the given region). */
  dict?: string;
}

export type FieldRules = Record<string, FieldRule>;

/** Checks one input node against its field rules; returns the values as trimmed strings. */
export function checkFields(node: Record<string, unknown>, rules: FieldRules, dictRegion: string, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, r] of Object.entries(rules)) {
    const raw = node[name];
    if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') reject(`${where}.${name}（${r.label}）类型错误`);
    const value = raw === undefined || raw === null ? '' : String(raw).trim();
    if (value === '') {
      if (r.required) reject(`${where}.${name}（${r.label}）不能为空`);
      continue;
    }
    if ([...value].length > r.max) reject(`${where}.${name}（${r.label}）长度不能超过${r.max}`);
    if (r.format === 'date' && !isIsoDate(value)) reject(`${where}.${name}（${r.label}）格式应为yyyy-MM-dd`);
    if (r.format === 'datetime' && !isDateTime(value)) reject(`${where}.${name}（${r.label}）格式应为yyyy-MM-dd HH:mm:ss`);
    if (r.format === 'admdvs' && !/^\d{6}$/.test(value)) reject(`${where}.${name}（${r.label}）应为6位医保区划代码`);
    if (r.dict && !(simDictionary(r.dict, dictRegion) ?? []).some((d) => d.value === value)) {
      reject(`${where}.${name}（${r.label}）的值[${value}]不在字典${r.dict}中`);
    }
    out[name] = value;
  }
  return out;
}
