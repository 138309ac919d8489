// Where a filing came from, for filings not filed at the desk's form: 补录 (a paper filing entered
// afterwards) or 导入 (the old system's export), with the paper number / old-system id and the
// original filing date. A desk filing shows nothing in lists and 窗口录入 in the detail.
import { Space, Tag, Typography } from 'antd';
import { FILING_ORIGIN_LABELS, FILING_ORIGIN_REF_LABELS, type FilingSummary } from '../../../../shared/domain/filing';

type Origin = Pick<FilingSummary, 'origin' | 'originRef' | 'filingDate'>;

const ORIGIN_COLORS = { back_entry: 'purple', import: 'cyan' } as const;

/** "纸质单号 P-0012，原备案日期 2026-11-20" for a 补录 / 导入 filing; null for a desk filing. */
export function originText(f: Origin): string | null {
  if (!f.origin || f.origin === 'desk') return null;
  const parts = [f.originRef ? `${FILING_ORIGIN_REF_LABELS[f.origin]} ${f.originRef}` : `${FILING_ORIGIN_REF_LABELS[f.origin]}未填`];
  if (f.filingDate) parts.push(`原备案日期 ${f.filingDate}`);
  return parts.join('，');
}

/** The list's small tag (补录 / 导入), its reference and original date on hover. */
export function OriginTag({ f }: { f: Origin }) {
  if (!f.origin || f.origin === 'desk') return null;
  return (
    <Tag color={ORIGIN_COLORS[f.origin]} style={{ marginLeft: 6 }} title={originText(f) ?? undefined} data-testid="origin-tag">
      {FILING_ORIGIN_LABELS[f.origin]}
    </Tag>
  );
}

/** The detail's 备案来源: 窗口录入, or the tag with the paper number / old id and the original date. */
export function OriginDetail({ f }: { f: Origin }) {
  if (!f.origin || f.origin === 'desk') return <>{FILING_ORIGIN_LABELS.desk}</>;
  return (
    <Space size={4} wrap data-testid="filing-origin">
      <Tag color={ORIGIN_COLORS[f.origin]}>{FILING_ORIGIN_LABELS[f.origin]}</Tag>
      <Typography.Text>{originText(f)}</Typography.Text>
    </Space>
  );
}
