// zod building blocks whose messages name the field and say what to do, in Chinese.
// Forms, services and importers share them, so one rule has one wording everywhere.
import { z } from 'zod';
import { checkIdCard } from './idcard';
import { checkPhone } from './phone';
import { isIsoDate } from './time';
import { isKnownRegionCode } from './regions';

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字，请精简`);
}

export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}不能超过${max}个字，请精简`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `请选择${label}` });
}

export function isoDate(label: string) {
  return z
    .string({ error: `请填写${label}` })
    .refine(isIsoDate, `${label}不是有效日期，请按 年-月-日 填写（如 2026-01-31）`);
}

export const idCardNumber = z
  .string({ error: '请填写身份证号' })
  .trim()
  .transform((v, ctx) => {
    const check = checkIdCard(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return v.toUpperCase();
  });

export const phoneNumber = z
  .string({ error: '请填写联系电话' })
  .transform((v, ctx) => {
    const check = checkPhone(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
      return z.NEVER;
    }
    return check.value;
  });

export function regionCode(label: string) {
  return z
    .string({ error: `请选择${label}` })
    .trim()
    .refine((v) => /^\d{6}$/.test(v), `${label}应为6位区划代码，请从列表中选择`)
    .refine(isKnownRegionCode, `${label}代码不存在，请从列表中选择`);
}

export const password = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少8位，请加长')
  .max(128, '密码不能超过128位')
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字');

export const username = z
  .string({ error: '请填写登录名' })
  .trim()
  .min(2, '登录名至少2个字符')
  .max(32, '登录名不能超过32个字符')
  .regex(/^[A-Za-z0-9_.-]+$/, '登录名只能包含字母、数字、下划线、点和短横线');
