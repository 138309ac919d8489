import type { TableColumnsType } from 'antd';
import { Button, Tag, Typography } from 'antd';
import { FILING_TYPE_LABELS, REVIEW_STATUS_LABELS, type FilingSummary } from '../../../../shared/domain/filing';
import { regionLabel } from '../../../../shared/domain/regions';
import { UploadStateTag } from '../../components/UploadStateTag';
import { formatDateTime } from '../../format/dates';
import { OriginTag } from '../filing-detail/OriginTag';
import { RowPrintButton } from '../print/RowPrintButton';
import { RowVoidButton } from './VoidFiling';

/** Referral filings have no end date until settlement (seed 000, 3(3)). */
export const REFERRAL_END_DATE_PENDING = '出院结算时填写';

function endDate(f: FilingSummary) {
  if (f.endDate) return f.endDate;
  return f.type === 'referral' ? <Typography.Text type="secondary">{REFERRAL_END_DATE_PENDING}</Typography.Text> : '—';
}

/** Filings held for 复核 or returned by the reviewer say so next to their number. */
function ReviewTag({ f }: { f: FilingSummary }) {
  if (f.status !== 'active' || (f.reviewStatus !== 'pending_review' && f.reviewStatus !== 'returned')) return null;
  return (
    <Tag color={f.reviewStatus === 'returned' ? 'orange' : 'gold'} style={{ marginLeft: 6 }}>
      {REVIEW_STATUS_LABELS[f.reviewStatus]}
    </Tag>
  );
}

/**
 * The columns; with `onOpen`, each row's 本地编号 opens the filing's detail, with `onPrint` it carries
 * the 打印 action, with `onVoid` an active filing's 作废.
 */
export function filingColumnsWith(
  onPrint?: (f: FilingSummary) => void,
  onVoid?: (f: FilingSummary) => void,
  onOpen?: (f: FilingSummary) => void,
): TableColumnsType<FilingSummary> {
  return [
    {
      title: '本地编号',
      dataIndex: 'localNo',
      width: 170,
      render: (localNo: string, f) => (
        <>
          {onOpen ? (
            <Button type="link" size="small" style={{ padding: 0 }} title="查看详情与办理记录" data-testid="row-open" onClick={() => onOpen(f)}>
              {localNo}
            </Button>
          ) : (
            localNo
          )}
          {f.status === 'voided' && <Tag style={{ marginLeft: 6 }}>已作废</Tag>}
          <ReviewTag f={f} />
          <OriginTag f={f} />
          {onPrint && <RowPrintButton onClick={() => onPrint(f)} />}
          {onVoid && f.status === 'active' && <RowVoidButton onClick={() => onVoid(f)} />}
        </>
      ),
    },
    ...otherColumns,
  ];
}

const otherColumns: TableColumnsType<FilingSummary> = [
  { title: '姓名', dataIndex: 'personName', width: 90 },
  { title: '证件号', dataIndex: 'certNoMasked', width: 170 },
  { title: '备案类型', dataIndex: 'type', width: 120, render: (t: FilingSummary['type']) => FILING_TYPE_LABELS[t] },
  {
    title: '转往地区',
    dataIndex: 'destinationLabel',
    width: 130,
    render: (label: string | null, f) => label ?? (f.destinationRegion ? regionLabel(f.destinationRegion) : '—'),
  },
  { title: '开始日期', dataIndex: 'startDate', width: 105 },
  { title: '结束日期', key: 'endDate', width: 125, render: (_: unknown, f) => endDate(f) },
  { title: '上传状态', dataIndex: 'uploadState', width: 90, render: (s: FilingSummary['uploadState']) => <UploadStateTag state={s} /> },
  { title: '经办时间', dataIndex: 'createdAt', width: 140, render: (at: string) => formatDateTime(at) },
];
