// The clean-up rules of seed 001_60741e77fa0d4bdb.txt 二(一)7 as pure functions, table by table.
import { describe, expect, it } from 'vitest';
import { planCleanup, summarise, SEED_001_CUTOFF, type CleanupRecord, type CleanupOptions } from '../../shared/domain/cutover';
import { personId } from './fixtures';

const OPTIONS: CleanupOptions = { cutoff: SEED_001_CUTOFF, asOf: '2021-11-30', homeRegion: '340100' };

let n = 0;
function record(over: Partial<CleanupRecord>): CleanupRecord {
  n += 1;
  return {
    filingId: `f${n}`,
    oldId: `X${String(n).padStart(4, '0')}`,
    certNo: personId(100 + n),
    personName: `人员${n}`,
    filingType: 'referral',
    filingDate: '2021-06-01',
    endDate: null,
    destinationRegion: '310000',
    insuredRegion: null,
    settled: false,
    uploaded: false,
    specialPopulation: null,
    ...over,
  };
}

describe('seed 001 二(一)7(1): records invalidated on their own', () => {
  it.each([
    ['a referral dated 2020-12-31 (before 2021-01-01) [001 (1)①]', { filingDate: '2020-12-31' }, 'before_cutoff'],
    ['an uploaded long-term filing from 2020 is still invalid: (1) comes first [001 (1)①]', { filingDate: '2020-05-01', filingType: 'long_term_residence', uploaded: true }, 'before_cutoff'],
    ['a settled referral after 2021-01-01 [001 (1)②]', { settled: true }, 'settled'],
    ['an uploaded and settled remote referral [001 (1)②]', { settled: true, uploaded: true }, 'uploaded_settled'],
    ['a referral to the desk’s own county [001 (1)②]', { destinationRegion: '340100' }, 'same_county'],
    ['a referral to the insured person’s own county [001 (1)②]', { insuredRegion: '340121', destinationRegion: '340121' }, 'same_county'],
  ] as const)('%s', (_name, over, rule) => {
    const [d] = planCleanup([record(over)], OPTIONS);
    expect(d).toMatchObject({ action: 'invalidate', rule, flagged: false });
  });

  it('keeps a referral dated exactly 2021-01-01 (the cut-off is "before") [001 (1)①]', () => {
    expect(planCleanup([record({ filingDate: '2021-01-01' })], OPTIONS)[0]).toMatchObject({ action: 'keep', rule: 'no_duplicate' });
  });
});

describe('seed 001 二(一)7(2)①: uploaded long-term residence and one-year cancer filings are kept', () => {
  it.each([
    ['uploaded long-term residence', { filingType: 'long_term_residence', uploaded: true }, 'keep', 'keep_long_term'],
    ['uploaded cancer multi-course', { filingType: 'cancer_multi_course', uploaded: true, endDate: '2022-05-31' }, 'keep', 'keep_cancer'],
    ['not uploaded long-term residence falls to the duplicate rule', { filingType: 'long_term_residence' }, 'keep', 'no_duplicate'],
  ] as const)('%s', (_name, over, action, rule) => {
    expect(planCleanup([record(over)], OPTIONS)[0]).toMatchObject({ action, rule });
  });

  it('keeps both uploaded cancer filings of one person (they are not judged as duplicates) [001 (2)①]', () => {
    const cert = personId(500);
    const ds = planCleanup([record({ certNo: cert, filingType: 'cancer_multi_course', uploaded: true }), record({ certNo: cert, filingType: 'cancer_multi_course', uploaded: true, filingDate: '2021-08-01' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['keep_cancer', 'keep_cancer']);
  });
});

describe('seed 001 二(一)7(2)②: among duplicates the most recent valid one is kept', () => {
  it('keeps the newest of three valid referrals and points the others at it', () => {
    const cert = personId(600);
    const recs = [record({ certNo: cert, filingDate: '2021-03-01' }), record({ certNo: cert, filingDate: '2021-09-01' }), record({ certNo: cert, filingDate: '2021-05-01' })];
    const ds = planCleanup(recs, OPTIONS);
    expect(ds.map((d) => [d.rule, d.keptFilingId])).toEqual([
      ['duplicate_superseded', recs[1]!.filingId],
      ['duplicate_kept', null],
      ['duplicate_superseded', recs[1]!.filingId],
    ]);
  });

  it('prefers an older valid referral over a newer expired one', () => {
    const cert = personId(601);
    const ds = planCleanup([record({ certNo: cert, filingDate: '2021-05-01', endDate: '2022-04-30' }), record({ certNo: cert, filingDate: '2021-09-01', endDate: '2021-10-31' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['duplicate_kept', 'duplicate_superseded']);
  });

  it('keeps the newest when none is valid any more', () => {
    const cert = personId(602);
    const ds = planCleanup([record({ certNo: cert, filingDate: '2021-02-01', endDate: '2021-03-01' }), record({ certNo: cert, filingDate: '2021-04-01', endDate: '2021-05-01' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['duplicate_superseded', 'duplicate_kept']);
  });

  it('breaks a tie on the same day by the later old-system number', () => {
    const cert = personId(603);
    const ds = planCleanup([record({ certNo: cert, oldId: 'Z0002' }), record({ certNo: cert, oldId: 'Z0001' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['duplicate_kept', 'duplicate_superseded']);
  });

  it('matches the person across letter case and spaces in the number', () => {
    const cert = personId(604);
    const ds = planCleanup([record({ certNo: cert.toLowerCase() }), record({ certNo: ` ${cert} `, filingDate: '2021-07-01' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['duplicate_superseded', 'duplicate_kept']);
  });

  it.each([['低保'], ['贫困人口'], ['建档立卡贫困户']])('flags every record of a duplicate group with a %s person for a person to check', (special) => {
    const cert = personId(605);
    const ds = planCleanup([record({ certNo: cert, specialPopulation: special }), record({ certNo: cert, filingDate: '2021-08-01' })], OPTIONS);
    expect(ds.map((d) => [d.rule, d.flagged])).toEqual([
      ['duplicate_superseded', true],
      ['duplicate_kept', true],
    ]);
  });

  it('does not flag a special-population person without duplicates', () => {
    expect(planCleanup([record({ specialPopulation: '低保' })], OPTIONS)[0]).toMatchObject({ rule: 'no_duplicate', flagged: false });
  });

  it('leaves invalidated and kept-by-(2)① records out of the duplicate groups', () => {
    const cert = personId(606);
    const ds = planCleanup([record({ certNo: cert, settled: true, filingDate: '2021-10-01' }), record({ certNo: cert, filingDate: '2021-03-01' })], OPTIONS);
    expect(ds.map((d) => d.rule)).toEqual(['settled', 'no_duplicate']);
  });
});

describe('report summary', () => {
  it('counts actions, flags and rules of the decisions it summarises', () => {
    const cert = personId(700);
    const ds = planCleanup([record({ filingDate: '2020-01-01' }), record({ certNo: cert, specialPopulation: '低保' }), record({ certNo: cert, filingDate: '2021-07-01' })], OPTIONS);
    const s = summarise(ds);
    expect(s).toMatchObject({ total: 3, invalidate: 2, keep: 1, flagged: 2 });
    expect(s.byRule.before_cutoff).toBe(1);
    expect(s.byRule.duplicate_superseded).toBe(1);
    expect(s.byRule.duplicate_kept).toBe(1);
  });
});
