// Start, end and admission dates against the type's end-date rule and minimum validity.
import type { InsuranceType } from '../../insurance';
import { isIsoDate } from '../../time';
import type { FilingDraft } from '../draft';
import type { Findings } from '../findings';
import { addMonths, defaultEndDate } from '../period';
import { both, ref, seed } from '../sources';
import type { TypePolicy } from '../types';

export function checkDates(
  findings: Findings,
  policy: TypePolicy,
  draft: FilingDraft,
  facts: { startDate?: string; insuranceType?: InsuranceType; admissionDate?: string; today: string; typeLabel: string },
): { endDate?: string | null } {
  const { startDate, today } = facts;
  const rule = policy.endDate;
  const endDate = typeof draft.endDate === 'string' && draft.endDate.trim() !== '' ? draft.endDate.trim() : null;

  if (endDate !== null && !isIsoDate(endDate)) {
    findings.error('invalid', 'endDate', '备案终止日期不是有效日期，请按 年-月-日 填写（如 2026-01-31）', rule.source);
  } else if (endDate !== null && startDate !== undefined) {
    if (endDate < startDate) {
      findings.error('invalid', 'endDate', `备案终止日期（${endDate}）不能早于开始日期（${startDate}）`, rule.source);
    }
    const minimum = policy.minimumValidity;
    const applies = minimum && (!minimum.insuranceTypes || (facts.insuranceType && minimum.insuranceTypes.includes(facts.insuranceType)));
    if (minimum && applies && endDate < addMonths(startDate, minimum.months)) {
      findings.error(
        'invalid',
        'endDate',
        `“${facts.typeLabel}”有效期不少于${minimum.months}个月，终止日期不能早于${addMonths(startDate, minimum.months)}`,
        minimum.source,
      );
    }
  }
  if (endDate !== null && rule.rule === 'until_discharge') {
    findings.warn('endDate', `“${facts.typeLabel}”的终止日期无需填写，结算时自动以出院日期填入`, rule.source);
  }

  if (facts.admissionDate !== undefined) {
    if (facts.admissionDate > today) {
      findings.error('invalid', 'details.admissionDate', `入院（就诊）日期（${facts.admissionDate}）不能晚于今天（${today}）`, seed('003', '附件1'));
    }
    if (startDate !== undefined && startDate > facts.admissionDate) {
      findings.warn(
        'startDate',
        `备案开始日期晚于入院日期（${facts.admissionDate}），本次住院可能无法纳入直接结算，请把开始日期设为入院日期或更早`,
        both(ref('§2.2', '补办备案的开始日期须不晚于入院日期'), seed('003', '四（按实际入院时间办理备案）')),
      );
    }
  }

  return startDate === undefined ? {} : { endDate: defaultEndDate(rule.rule, startDate) };
}
