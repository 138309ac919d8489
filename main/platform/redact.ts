// Redacted excerpts for the exchange log: enough to diagnose an exchange, never a person's identity
// or a credential. Known personal fields are masked by name, free-text fields are reduced to their
// length, and every other string is scrubbed of anything that looks like an ID or mobile number and
// of the names the message itself carries.
import { maskIdNumber } from '../../shared/domain/idcard';

const ID_KEYS = new Set(['certno', 'mdtrt_cert_no', 'agnter_certno', 'card_sn', 'psn_cert_no']);
const NAME_KEYS = new Set(['psn_name', 'opter_name', 'agnter_name', 'diag_dr_name']);
const PHONE_KEYS = new Set(['tel', 'agnter_tel']);
const ADDRESS_KEYS = new Set(['addr', 'resout_addr', 'agnter_addr']);
const SECRET_KEYS = new Set(['sign_no', 'cainfo', 'dev_safe_info', 'password']);
// Free text can name anyone (the patient's name is not in a 2501 request to learn it from), so the
// log keeps only its length, which is what a length rejection needs.
const FREE_TEXT_KEYS = new Set(['dise_cond_dscr', 'memo', 'refl_rea', 'refl_opnn']);

const ID_PATTERN = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_PATTERN = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

export const EXCERPT_LIMIT = 2000;

export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

function maskPhone(value: string): string {
  return value.length >= 7 ? value.slice(0, 3) + '****' + value.slice(-4) : '****';
}

function maskAddress(value: string): string {
  const chars = [...value];
  return chars.slice(0, Math.min(3, chars.length)).join('') + '***';
}

function collectNames(value: unknown, names: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectNames(v, names));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (NAME_KEYS.has(k) && typeof v === 'string' && v.trim().length > 1) names.add(v.trim());
      else collectNames(v, names);
    }
  }
}

export function scrubText(text: string, names: ReadonlySet<string> = new Set()): string {
  let out = text.replace(ID_PATTERN, (m) => maskIdNumber(m)).replace(MOBILE_PATTERN, (m) => maskPhone(m));
  for (const name of names) out = out.split(name).join(maskName(name));
  return out;
}

function redactValue(key: string, value: unknown, names: ReadonlySet<string>): unknown {
  if (typeof value === 'string') {
    if (value === '') return value;
    if (SECRET_KEYS.has(key)) return '[redacted]';
    if (FREE_TEXT_KEYS.has(key)) return `[${[...value].length}字]`;
    if (ID_KEYS.has(key)) return maskIdNumber(value);
    if (NAME_KEYS.has(key)) return maskName(value);
    if (PHONE_KEYS.has(key)) return maskPhone(value);
    if (ADDRESS_KEYS.has(key)) return maskAddress(value);
    return scrubText(value, names);
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(key, v, names));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(k, v, names)]));
  }
  return value;
}

/** A deep copy with personal fields masked. `extraNames` are names known from elsewhere (e.g. the request). */
export function redact(value: unknown, extraNames: Iterable<string> = []): unknown {
  const names = new Set(extraNames);
  collectNames(value, names);
  return redactValue('', value, names);
}

export function namesIn(value: unknown): string[] {
  const names = new Set<string>();
  collectNames(value, names);
  return [...names];
}

function clip(text: string): string {
  return text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}…(${text.length})` : text;
}

/** A JSON excerpt of a redacted value, clipped for the log. */
export function excerpt(value: unknown, extraNames: Iterable<string> = []): string {
  return clip(JSON.stringify(redact(value, extraNames)));
}

/** An excerpt of a reply that may not be JSON at all. */
export function excerptText(text: string, extraNames: Iterable<string> = []): string {
  try {
    return excerpt(JSON.parse(text) as unknown, extraNames);
  } catch {
    return clip(scrubText(text.slice(0, 500), new Set(extraNames)));
  }
}
