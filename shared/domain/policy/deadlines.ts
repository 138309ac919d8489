// Working-day deadlines of a profile (Jining: emergency inpatients within 5 working days of
// admission; Sanming: online filings done within 2 working days), counted on the holiday calendar.
import type { FilingType } from '../filing';
import type { InsuranceType } from '../insurance';
import { isIsoDate } from '../time';
import { CALENDAR_COVERAGE_SOURCE, uncoveredYearsWarning } from '../calendar/warning';
import type { WorkdayCalendar } from '../calendar/workday-calendar';
import type { Deadline, FilingDraft } from './draft';
import type { Findings } from './findings';
import type { PolicyProfile, WorkdayDeadlineRule } from './types';

export interface DeadlineFacts {
  type: FilingType;
  insuranceType?: InsuranceType;
  admissionDate?: string;
  careSetting?: string;
  today: string;
}

function applies(rule: WorkdayDeadlineRule, draft: FilingDraft, facts: DeadlineFacts): boolean {
  if (!rule.types.includes(facts.type)) return false;
  if (rule.onlyChannel && (draft.channel ?? 'window') !== rule.onlyChannel) return false;
  if (rule.onlyInsurance && !(facts.insuranceType && rule.onlyInsurance.includes(facts.insuranceType))) return false;
  if (rule.onlyCareSetting && facts.careSetting !== rule.onlyCareSetting) return false;
  return true;
}

export function computeDeadlines(
  findings: Findings,
  profile: PolicyProfile,
  calendar: WorkdayCalendar,
  draft: FilingDraft,
  facts: DeadlineFacts,
): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const rule of profile.deadlines.filter((r) => applies(r, draft, facts))) {
    const from = rule.from === 'admission_date' ? facts.admissionDate : (draft.submittedOn ?? facts.today);
    if (from === undefined) continue; // the missing admission date is already in the notice
    if (!isIsoDate(from)) {
      findings.error('invalid', 'submittedOn', '提交日期不是有效日期，请按 年-月-日 填写（如 2026-01-31）', rule.source);
      continue;
    }
    const { date, uncoveredYears } = calendar.addWorkdays(from, rule.workdays);
    const deadline: Deadline = { id: rule.id, label: rule.label, date, overdue: facts.today > date, source: rule.source };
    if (uncoveredYears.length > 0) {
      deadline.uncoveredYears = uncoveredYears;
      findings.warn(undefined, `${rule.label}：${uncoveredYearsWarning(uncoveredYears)}`, CALENDAR_COVERAGE_SOURCE);
    }
    if (deadline.overdue && rule.whenOverdue === 'warning') {
      findings.warn(undefined, `已超过${rule.label}，截止日为${date}；请向参保人说明，并按经办机构要求办理`, rule.source);
    }
    deadlines.push(deadline);
  }
  return deadlines;
}
