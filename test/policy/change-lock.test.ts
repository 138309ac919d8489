// checkChangeAllowed / checkChangeOverride: edit and void locks per profile.
import { describe, expect, it } from 'vitest';
import { checkChangeAllowed, checkChangeOverride, POLICY_PROFILES, type PolicyProfileId } from '../../shared/domain/policy';

const longTerm = { type: 'long_term_residence', startDate: '2026-01-15', status: 'active', localNo: 'B2026-000123' } as const;

function check(id: PolicyProfileId, today: string, filing: Parameters<typeof checkChangeAllowed>[0] = longTerm, action: 'edit' | 'void' = 'void') {
  return checkChangeAllowed(filing, { profile: POLICY_PROFILES[id], today, action });
}

describe('change / cancel lock', () => {
  it.each([
    ['national-2022', '2026-07-14', false, 'policy-rules.md §2.2 (6 months)'],
    ['national-2022', '2026-07-15', true, 'policy-rules.md §2.2 (6 months)'],
    ['ganzhou-2019', '2026-07-15', false, '003_f7ec7151fcfbcf96.txt 一(四) (one year)'],
    ['ganzhou-2019', '2027-01-14', false, '003_f7ec7151fcfbcf96.txt 一(四) (one year)'],
    ['ganzhou-2019', '2027-01-15', true, '003_f7ec7151fcfbcf96.txt 一(四) (one year)'],
  ] as const)('%s: a long-term filing from 2026-01-15 may be voided on %s: %s [%s]', (id, today, allowed, _source) => {
    expect(check(id, today).allowed).toBe(allowed);
  });

  it('Ganzhou locks for one year where the national baseline locks for 6 months [003_f7ec7151fcfbcf96.txt 一(四) vs policy-rules.md §2.2]', () => {
    expect(check('national-2022', '2026-03-01')).toMatchObject({ allowed: false, reason: 'locked', lockedUntil: '2026-07-15' });
    expect(check('ganzhou-2019', '2026-03-01')).toMatchObject({ allowed: false, reason: 'locked', lockedUntil: '2027-01-15' });
  });

  it('says when the lock ends and how to override it: reason and reviewer [003_f7ec7151fcfbcf96.txt 附件1 告知2 非客观原因]', () => {
    const r = check('ganzhou-2019', '2026-03-01', longTerm, 'edit');
    expect(r).toEqual({
      allowed: false,
      reason: 'locked',
      lockedUntil: '2027-01-15',
      message:
        '“异地长期居住”备案（本地编号 B2026-000123）自2026-01-15起12个月内原则上不得变更或取消，2027-01-15起可变更；确因客观原因需提前变更的，请填写理由并由复核人确认',
      source: '003_f7ec7151fcfbcf96.txt 一(四) 原则上一年内不得变更或取消；003_f7ec7151fcfbcf96.txt 附件1 告知2',
      override: { requiresReason: true, requiresReviewer: true, source: 'policy-rules.md §2.2（变更/取消限制期内的例外需说明理由并复核）' },
    });
  });

  it('Hefei referrals may be edited and voided at any time [000_bc84ff0b7039e793.txt 附件1 6]', () => {
    const referral = { type: 'referral', startDate: '2026-03-01', status: 'active' } as const;
    expect(check('hefei-2019', '2026-03-01', referral, 'edit')).toEqual({ allowed: true, source: '000_bc84ff0b7039e793.txt 附件1 6（录入错误可编辑、作废）' });
    expect(check('hefei-2019', '2026-03-01', referral, 'void').allowed).toBe(true);
  });

  it('national temporary filings have no lock [policy-rules.md §2.2]', () => {
    expect(check('national-2022', '2026-01-16', { ...longTerm, type: 'temporary_other' }).allowed).toBe(true);
  });

  it('a voided filing cannot be changed again [000_bc84ff0b7039e793.txt 附件1 6]', () => {
    expect(check('hefei-2019', '2026-03-01', { type: 'referral', startDate: '2026-03-01', status: 'voided' })).toMatchObject({
      allowed: false,
      reason: 'voided',
      message: '该备案已作废，不能再变更或作废',
    });
  });

  it('a filing type the profile does not offer is not locked by it [policy-rules.md §2.2]', () => {
    expect(check('hefei-2019', '2026-02-01').allowed).toBe(true);
  });
});

describe('lock override [policy-rules.md §2.2; 003_f7ec7151fcfbcf96.txt 附件1 告知2]', () => {
  const source = POLICY_PROFILES['ganzhou-2019'].changeOverride.source;

  it('needs a reason of substance and a reviewer [policy-rules.md §2.2]', () => {
    expect(checkChangeOverride({ reason: '搬', reviewer: '' }, { operator: 'wang', source })).toEqual([
      { field: 'reason', message: '提前变更（作废）理由请写明客观原因（至少4个字）', source },
      { field: 'reviewer', message: '请填写复核人', source },
    ]);
  });

  it('refuses the operator as their own reviewer [policy-rules.md §2.2 复核]', () => {
    expect(checkChangeOverride({ reason: '参保人户籍迁回参保地', reviewer: 'wang' }, { operator: 'wang', source })).toEqual([
      { field: 'reviewer', message: '复核人不能是经办人本人，请由另一位工作人员复核', source },
    ]);
  });

  it('accepts a reason and a second person [policy-rules.md §2.2]', () => {
    expect(checkChangeOverride({ reason: '参保人户籍迁回参保地', reviewer: 'li' }, { operator: 'wang', source })).toEqual([]);
  });
});
