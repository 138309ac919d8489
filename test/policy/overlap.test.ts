// checkOverlap: one active filing per person and class for any day [policy-rules.md §6 item 4].
import { describe, expect, it } from 'vitest';
import { checkOverlap, type ExistingFiling } from '../../shared/domain/policy';
import { PERSON_ID } from './fixtures';

const existing: ExistingFiling[] = [
  { id: 'f1', localNo: 'B2026-000001', type: 'long_term_residence', certNo: PERSON_ID, startDate: '2026-01-01', endDate: null, status: 'active' },
  { id: 'f2', localNo: 'B2026-000002', type: 'referral', certNo: PERSON_ID, startDate: '2026-03-01', endDate: '2026-08-31', status: 'active' },
  { id: 'f3', localNo: 'B2026-000003', type: 'referral', certNo: PERSON_ID, startDate: '2025-01-01', endDate: '2025-06-30', status: 'active' },
  { id: 'f4', localNo: 'B2026-000004', type: 'temporary_other', certNo: PERSON_ID, startDate: '2026-09-01', endDate: '2027-02-28', status: 'voided' },
];

describe('duplicate and overlapping filings [policy-rules.md §6 item 4]', () => {
  it('names the existing filing by its local number when a long-term filing overlaps an open-ended one [policy-rules.md §6 item 4]', () => {
    expect(checkOverlap(existing, { type: 'retired_resettled', certNo: PERSON_ID, startDate: '2026-05-01' })).toEqual([
      {
        field: 'startDate',
        message:
          '该参保人已有有效的异地长期居住类备案（本地编号 B2026-000001，异地长期居住人员，2026-01-01 至 未设终止日期），与本次备案日期重叠；请先作废或变更原备案，不要重复备案',
        source: 'policy-rules.md §6（4. 重复备案；部分地区要求先撤销原备案再新备案）',
      },
    ]);
  });

  it.each([
    ['a temporary filing inside a referral’s validity', { type: 'emergency', startDate: '2026-08-31', endDate: null }, ['B2026-000002']],
    ['a referral ending the day the other starts', { type: 'referral', startDate: '2026-01-01', endDate: '2026-03-01' }, ['B2026-000002']],
    ['a referral after the other has ended', { type: 'referral', startDate: '2026-09-01', endDate: '2027-02-28' }, []],
    ['the other class (long-term vs temporary)', { type: 'temporary_other', startDate: '2026-09-01', endDate: '2027-02-28' }, []],
    ['a voided filing on the same days', { type: 'temporary_other', startDate: '2026-10-01', endDate: '2026-12-31' }, []],
  ] as const)('%s → %j [policy-rules.md §6 item 4; §2.1 classes]', (_case, draft, localNos) => {
    const issues = checkOverlap(existing, { certNo: PERSON_ID, ...draft });
    expect(issues.map((i) => /本地编号 (\S+?)，/.exec(i.message)?.[1])).toEqual(localNos);
  });

  it('does not collide a filing with itself while editing [policy-rules.md §6 item 4]', () => {
    expect(checkOverlap(existing, { id: 'f2', type: 'referral', certNo: PERSON_ID, startDate: '2026-03-01', endDate: '2026-09-30' })).toEqual([]);
  });

  it('matches the person regardless of case and spaces in the number, and not other people [policy-rules.md §6 item 4]', () => {
    expect(checkOverlap(existing, { type: 'referral', certNo: ` ${PERSON_ID.toLowerCase()} `, startDate: '2026-04-01' })).toHaveLength(1);
    expect(checkOverlap(existing, { type: 'referral', certNo: 'A12345678', startDate: '2026-04-01' })).toEqual([]);
  });
});
