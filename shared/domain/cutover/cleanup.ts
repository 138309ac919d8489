// The historical referral clean-up of a platform cut-over (seed 001_60741e77fa0d4bdb.txt, 二(一)7):
//   (1) invalidate ① every referral dated before 2021-01-01; ② after that date, settled referrals,
//       referrals whose receiving institution is in the same county (no reimbursement effect) and
//       referrals uploaded for remote treatment and settled;
//   (2) of the unsettled rest: ① keep uploaded long-term residence (异地居住) and uploaded one-year
//       cancer (恶性肿瘤放化疗) filings; ② among duplicates keep the most recent valid one — with
//       particular care for special populations (低保, 贫困人口), which are flagged for a person to check.
// Pure: the same records and options always give the same report.
import type { FilingType } from '../filing';
import { isSpecialPopulation } from './records';

export const CLEANUP_SOURCE = '001_60741e77fa0d4bdb.txt 二(一)7';

export const CLEANUP_RULES = [
  'before_cutoff',
  'uploaded_settled',
  'settled',
  'same_county',
  'keep_long_term',
  'keep_cancer',
  'duplicate_kept',
  'duplicate_superseded',
  'no_duplicate',
] as const;
export type CleanupRule = (typeof CLEANUP_RULES)[number];

export const CLEANUP_RULE_LABELS: Record<CleanupRule, string> = {
  before_cutoff: '2021年1月1日之前的转诊信息，作无效处理（001 二(一)7(1)①）',
  uploaded_settled: '已上传异地就医且已结算，作无效处理（001 二(一)7(1)②）',
  settled: '已结算的转诊信息，作无效处理（001 二(一)7(1)②）',
  same_county: '转入机构为本县医疗机构，与报销政策无关，作无效处理（001 二(一)7(1)②）',
  keep_long_term: '已上传的异地居住备案，保留（001 二(一)7(2)①）',
  keep_cancer: '已上传的恶性肿瘤放化疗等有效期一年的备案，保留（001 二(一)7(2)①）',
  duplicate_kept: '重复转诊信息中最近一条有效记录，保留（001 二(一)7(2)②）',
  duplicate_superseded: '重复转诊信息，已有更近的有效记录，作无效处理（001 二(一)7(2)②）',
  no_duplicate: '未结算且无重复，保留',
};

export type CleanupAction = 'invalidate' | 'keep';

export interface CleanupRecord {
  filingId: string;
  oldId: string;
  certNo: string;
  personName: string;
  filingType: FilingType;
  filingDate: string;
  endDate: string | null;
  destinationRegion: string | null;
  /** The insured person's county; null: the desk's own region is used. */
  insuredRegion: string | null;
  settled: boolean;
  uploaded: boolean;
  specialPopulation: string | null;
}

export interface CleanupOptions {
  /** Records dated before this are invalid (seed 001: 2021-01-01). */
  cutoff: string;
  /** The day validity is judged on (a filing whose end date is before it is no longer valid). */
  asOf: string;
  /** The county the desk serves, for records without an insured region. */
  homeRegion: string;
}

export const SEED_001_CUTOFF = '2021-01-01';

export interface CleanupDecision {
  filingId: string;
  oldId: string;
  action: CleanupAction;
  rule: CleanupRule;
  /** Special population in a duplicate group: a person checks before it is applied. */
  flagged: boolean;
  /** The filing kept for the same person, for superseded duplicates. */
  keptFilingId: string | null;
}

function decide(r: CleanupRecord, rule: CleanupRule, flagged = false, keptFilingId: string | null = null): CleanupDecision {
  const action: CleanupAction = rule === 'keep_long_term' || rule === 'keep_cancer' || rule === 'duplicate_kept' || rule === 'no_duplicate' ? 'keep' : 'invalidate';
  return { filingId: r.filingId, oldId: r.oldId, action, rule, flagged, keptFilingId };
}

/** Rule (1): the invalidations that do not depend on other records; null when none applies. */
export function invalidationRule(r: CleanupRecord, options: CleanupOptions): CleanupRule | null {
  if (r.filingDate < options.cutoff) return 'before_cutoff';
  if (r.settled && r.uploaded) return 'uploaded_settled';
  if (r.settled) return 'settled';
  const home = r.insuredRegion ?? options.homeRegion;
  if (r.destinationRegion !== null && r.destinationRegion === home) return 'same_county';
  return null;
}

/** Rule (2)①: uploaded long-term residence and one-year cancer filings are kept as they are. */
export function keepRule(r: CleanupRecord): CleanupRule | null {
  if (!r.uploaded) return null;
  if (r.filingType === 'long_term_residence') return 'keep_long_term';
  if (r.filingType === 'cancer_multi_course') return 'keep_cancer';
  return null;
}

function isValidOn(r: CleanupRecord, day: string): boolean {
  return r.endDate === null || r.endDate >= day;
}

function personKey(certNo: string): string {
  return certNo.replace(/\s+/g, '').toUpperCase();
}

/** Newest first: filing date, then old id (a later number was issued later), then filing id. */
function newestFirst(a: CleanupRecord, b: CleanupRecord): number {
  if (a.filingDate !== b.filingDate) return a.filingDate < b.filingDate ? 1 : -1;
  if (a.oldId !== b.oldId) return a.oldId < b.oldId ? 1 : -1;
  return a.filingId < b.filingId ? 1 : -1;
}

/** One decision per record, in the records' order. */
export function planCleanup(records: readonly CleanupRecord[], options: CleanupOptions): CleanupDecision[] {
  const decisions = new Map<string, CleanupDecision>();
  const rest = new Map<string, CleanupRecord[]>();
  for (const r of records) {
    const rule = invalidationRule(r, options) ?? keepRule(r);
    if (rule) {
      decisions.set(r.filingId, decide(r, rule));
      continue;
    }
    const key = personKey(r.certNo);
    rest.set(key, [...(rest.get(key) ?? []), r]);
  }
  for (const group of rest.values()) {
    if (group.length === 1) {
      decisions.set(group[0]!.filingId, decide(group[0]!, 'no_duplicate'));
      continue;
    }
    const sorted = [...group].sort(newestFirst);
    const kept = sorted.find((r) => isValidOn(r, options.asOf)) ?? sorted[0]!;
    const flagged = group.some((r) => isSpecialPopulation(r.specialPopulation));
    for (const r of group) {
      decisions.set(r.filingId, r === kept ? decide(r, 'duplicate_kept', flagged) : decide(r, 'duplicate_superseded', flagged, kept.filingId));
    }
  }
  return records.map((r) => decisions.get(r.filingId)!);
}

export interface CleanupSummary {
  total: number;
  invalidate: number;
  keep: number;
  flagged: number;
  byRule: Record<CleanupRule, number>;
}

export function summarise(decisions: readonly CleanupDecision[]): CleanupSummary {
  const byRule = Object.fromEntries(CLEANUP_RULES.map((r) => [r, 0])) as Record<CleanupRule, number>;
  for (const d of decisions) byRule[d.rule] += 1;
  return {
    total: decisions.length,
    invalidate: decisions.filter((d) => d.action === 'invalidate').length,
    keep: decisions.filter((d) => d.action === 'keep').length,
    flagged: decisions.filter((d) => d.flagged).length,
    byRule,
  };
}
