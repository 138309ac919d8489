// A filing as filing.list answers it, numbered: 20261123-0001, 演练1, a pending referral to 上海市; and the
// same filing in full, as filing.get and filing.create answer it.
import type { ResponseOf } from '../../shared/contract';

export type FilingSummaryDto = ResponseOf<'filing.list'>['items'][number];

export function filingSummary(n: number, over: Partial<FilingSummaryDto> = {}): FilingSummaryDto {
  return {
    id: `f${n}`,
    localNo: `20261123-${String(n).padStart(4, '0')}`,
    type: 'referral',
    insuranceType: 'employee',
    certType: 'id_card',
    certNoMasked: '1101**********002X',
    personName: `演练${n}`,
    destinationRegion: '310000',
    destinationLabel: '上海市',
    startDate: '2026-11-23',
    endDate: null,
    status: 'active',
    uploadState: 'pending',
    platformSerial: null,
    createdBy: 'op1',
    createdAt: '2026-11-23T06:00:00.000Z',
    ...over,
  };
}

export type FilingDetailDto = ResponseOf<'filing.get'>;

export function filingDetail(n: number, over: Partial<FilingDetailDto> = {}): FilingDetailDto {
  const summary = filingSummary(n);
  return { ...summary, certNo: '11010519491231002X', updatedAt: summary.createdAt, details: {}, ...over };
}
