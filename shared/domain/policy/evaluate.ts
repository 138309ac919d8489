// The policy engine for a draft filing: blocking errors, warnings, the computed end date, working-day
// deadlines and the 一次性告知 — all from the chosen profile's data.
import type { WorkdayCalendar } from '../calendar/workday-calendar';
import { FILING_CLASS_OF } from '../filing-types/classes';
import { isIsoDate } from '../time';
import { checkAgent } from './checks/agent';
import { checkDates } from './checks/dates';
import { checkDetails } from './checks/details';
import { checkMaterials } from './checks/materials';
import { checkPerson } from './checks/person';
import { checkRetroactive } from './checks/retroactive';
import { checkType, typeLabel } from './checks/type';
import { computeDeadlines } from './deadlines';
import type { Deadline, FilingDraft, FilingEvaluation } from './draft';
import { Findings } from './findings';
import { describeEndDateRule } from './period';
import type { PolicyProfile } from './types';

export interface EvaluationContext {
  profile: PolicyProfile;
  /** business date in CST (businessDate(new Date()) at the caller) */
  today: string;
  calendar: WorkdayCalendar;
}

export function evaluateFiling(draft: FilingDraft, { profile, today, calendar }: EvaluationContext): FilingEvaluation {
  if (!isIsoDate(today)) throw new RangeError(`evaluateFiling: today must be YYYY-MM-DD, got ${today}`);
  const findings = new Findings();
  const person = checkPerson(findings, draft);
  const chosen = checkType(findings, profile, draft.type, person.insuranceType);

  let defaults: FilingEvaluation['defaults'] = {};
  let deadlines: Deadline[] = [];
  if (chosen) {
    const { type, policy } = chosen;
    const label = typeLabel(profile, type);
    const details = checkDetails(findings, profile, type, policy, draft);
    const admissionDate = typeof details.admissionDate === 'string' ? details.admissionDate : undefined;
    defaults = checkDates(findings, policy, draft, { ...person, admissionDate, today, typeLabel: label });
    checkMaterials(findings, profile, policy, draft, label);
    checkAgent(findings, profile, draft, person.certNo);
    checkRetroactive(findings, profile, type, draft);
    const careSetting = typeof details.careSetting === 'string' ? details.careSetting : undefined;
    deadlines = computeDeadlines(findings, profile, calendar, draft, { type, ...person, admissionDate, careSetting, today });
    for (const advisory of policy.advisories) findings.warn(undefined, advisory.text, advisory.source);
  } else {
    checkAgent(findings, profile, draft, person.certNo);
  }

  const typePolicy = chosen?.policy;
  return {
    errors: findings.errors.map(({ kind: _kind, ...issue }) => issue),
    warnings: findings.warnings,
    defaults,
    deadlines,
    notice: { items: [...new Set(findings.errors.filter((e) => e.kind !== 'invalid').map((e) => e.message))] },
    policy: {
      profileId: profile.id,
      typeLabel: chosen ? typeLabel(profile, chosen.type) : null,
      filingClass: chosen ? FILING_CLASS_OF[chosen.type] : null,
      reviewRequired: profile.review.required,
      endDateRule: typePolicy ? describeEndDateRule(typePolicy.endDate.rule) : null,
      changeLockMonths: typePolicy?.changeLock.months ?? null,
      settlementLimit: typePolicy?.settlementLimit
        ? { outpatient: typePolicy.settlementLimit.outpatient, inpatient: typePolicy.settlementLimit.inpatient }
        : null,
    },
  };
}
