// GB 11643-1999 citizen identity numbers: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
import { isIsoDate } from './time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export interface IdCardInfo {
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

export type IdCardCheck = { ok: true; info: IdCardInfo } | { ok: false; message: string };

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Validates an 18-digit ID number; messages are for operators and say what to fix. */
export function checkIdCard(raw: string): IdCardCheck {
  const value = raw.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, message: `身份证号应为18位，当前为${value.length}位，请核对` };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, message: '身份证号只能是数字，最后一位可为X，请核对' };
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isIsoDate(birth) || Number(value.slice(6, 10)) < 1880) {
    return { ok: false, message: '身份证号第7-14位出生日期无效，请核对' };
  }
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) {
    return { ok: false, message: '身份证号校验位不正确，请核对第18位' };
  }
  return {
    ok: true,
    info: {
      regionCode: value.slice(0, 6),
      birthDate: birth,
      sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Masks an ID number for slips, logs and lists: 3401**********123X. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return value.replace(/./g, '*');
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}
