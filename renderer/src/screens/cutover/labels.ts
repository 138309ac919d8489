// Operator words for the cut-over screens.
import { CLEANUP_RULE_LABELS, IMPORT_FIELD_SPECS, type CleanupRule, type ImportField } from '../../../../shared/domain/cutover';

export const RULE_SHORT_LABELS: Record<CleanupRule, string> = {
  before_cutoff: '2021年前',
  uploaded_settled: '已上传已结算',
  settled: '已结算',
  same_county: '本县转诊',
  keep_long_term: '异地居住保留',
  keep_cancer: '肿瘤一年期保留',
  duplicate_kept: '重复-保留最近有效',
  duplicate_superseded: '重复-作无效',
  no_duplicate: '无重复保留',
};

export function ruleLabel(rule: CleanupRule): string {
  return CLEANUP_RULE_LABELS[rule];
}

export function fieldLabel(field: ImportField | null): string {
  return field ? IMPORT_FIELD_SPECS[field].label : '整行';
}

export const REPORT_STATUS_LABELS = { draft: '待执行（仅预演）', applied: '已执行', undone: '已撤销' } as const;
