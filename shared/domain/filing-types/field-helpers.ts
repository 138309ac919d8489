// Field builders the filing types need beyond shared/domain/fields.ts. They belong there (one
// home per rule); they live here only until fields.ts can take them (see docs/policy.md).
import { z } from 'zod';
import { checkPhone } from '../phone';
import { checkIdCard } from '../idcard';
import { optionalText, requiredText } from '../fields';

/** A phone number whose messages name the field, e.g. 代办人联系电话. */
export function labelledPhone(label: string) {
  return z.string({ error: `请填写${label}` }).transform((v, ctx) => {
    const check = checkPhone(v);
    if (!check.ok) {
      const message = check.message === '请填写联系电话' ? `请填写${label}` : `${label}：${check.message}`;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return check.value;
  });
}

/** An ID-card check whose message names whose number it is (e.g. 代办人身份证号…). */
export function idCardMessage(label: string, value: string): string | null {
  const check = checkIdCard(value);
  return check.ok ? null : check.message.replace(/^身份证号/, `${label}`);
}

/**
 * A medical institution. With `platformCode`, the code is the national 定点医药机构编号 from the
 * platform's 1201 list (policy-rules.md §3.3: reflin_medins_no, 12 characters).
 */
export function institution(label: string, { platformCode }: { platformCode: boolean }) {
  const code = requiredText(`${label}编码`, 30).regex(/^[A-Za-z0-9]+$/, `${label}编码只能是字母和数字，请从机构列表中选择`);
  return z.object(
    {
      code: platformCode ? code : optionalText(`${label}编码`, 30),
      name: requiredText(`${label}名称`, 200),
    },
    { error: platformCode ? `请从机构列表中选择${label}` : `请填写${label}` },
  );
}

export const postalCode = z
  .string({ error: '邮政编码格式不正确' })
  .trim()
  .regex(/^\d{6}$/, '邮政编码应为6位数字，请核对')
  .optional();

/**
 * What the person lookup (1101) gives a filing of any type, as the referral form already carries it
 * (shared/domain/filing.ts referralDetails): needed to upload (main/sync/mapping.ts); absent when the
 * person was typed in by hand, who is then verified against the platform later.
 */
export const platformPersonFields = {
  /** 人员编号 (psn_no). */
  personNo: optionalText('人员编号', 30),
  /** 参保地医保区划 of the chosen insurance row; six digits. */
  insuredRegion: optionalText('参保地医保区划', 6).refine((v) => v === undefined || /^\d{6}$/.test(v), '参保地医保区划应为6位数字'),
};
