// The five profiles as data: each rule's value, and that it names the source the test title names.
import { describe, expect, it } from 'vitest';
import { FILING_TYPES, type FilingType } from '../../shared/domain/filing';
import { MUNICIPALITIES } from '../../shared/domain/regions';
import {
  DEFAULT_POLICY_PROFILE_ID,
  POLICY_PROFILE_IDS,
  POLICY_PROFILES,
  policyProfileIdSchema,
  type PolicyProfileId,
  type TypePolicy,
} from '../../shared/domain/policy';

const SOURCE_PATTERN = /\d{3}_[0-9a-f]{16}\.txt|policy-rules\.md §\d/;
const ALL = POLICY_PROFILE_IDS.map((id) => [id] as const);

function typePolicy(id: PolicyProfileId, type: FilingType): TypePolicy {
  const policy = POLICY_PROFILES[id].types[type];
  if (!policy) throw new Error(`${id} does not offer ${type}`);
  return policy;
}

function sourcedObjects(value: unknown, path = ''): Array<{ path: string; source: unknown }> {
  if (value === null || typeof value !== 'object') return [];
  const own = 'source' in value ? [{ path, source: (value as { source: unknown }).source }] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => sourcedObjects(v, `${path}.${k}`))];
}

describe('every profile is complete data with sources [style.md: policies are data; policy-rules.md §2]', () => {
  it.each(ALL)('%s: every rule names a seed file or a policy-rules.md section', (id) => {
    const sourced = sourcedObjects(POLICY_PROFILES[id]);
    // sanity: the walk reaches the per-type rules, not just the top level
    expect(sourced.length).toBeGreaterThanOrEqual(15);
    for (const { path, source } of sourced) {
      expect(typeof source === 'string' && SOURCE_PATTERN.test(source), `${id}${path}: ${String(source)}`).toBe(true);
    }
  });

  it.each(ALL)('%s: every filing type is either offered or its absence explained [policy-rules.md §2.1]', (id) => {
    const profile = POLICY_PROFILES[id];
    for (const type of FILING_TYPES) {
      expect(profile.types[type] !== undefined || profile.typeNotOffered[type] !== undefined, `${id}: ${type}`).toBe(true);
      expect(profile.types[type] !== undefined && profile.typeNotOffered[type] !== undefined, `${id}: ${type} both`).toBe(false);
    }
  });

  it('registers the five profiles under their ids and starts a fresh desk on the national baseline [policy-rules.md §1]', () => {
    for (const id of POLICY_PROFILE_IDS) expect(POLICY_PROFILES[id].id).toBe(id);
    expect(DEFAULT_POLICY_PROFILE_ID).toBe('national-2022');
    expect(policyProfileIdSchema.safeParse('ganzhou-2019').success).toBe(true);
    const bad = policyProfileIdSchema.safeParse('wuhan');
    expect(bad.success ? '' : bad.error.issues[0]?.message).toBe('请选择政策配置');
  });
});

describe('filing types offered per profile', () => {
  it.each([
    ['national-2022', ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency', 'temporary_other'], 'policy-rules.md §2.1'],
    ['hefei-2019', ['referral', 'cancer_multi_course'], '000_bc84ff0b7039e793.txt 附件1 3(1)'],
    ['ganzhou-2019', ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency', 'cancer_multi_course'], '003_f7ec7151fcfbcf96.txt 附件1 备案类型, 一(四)'],
    ['sanming', ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'temporary_other'], '002_c36e71247612bdfe.txt 认定条件（一）–（五）'],
    ['jining-2018', ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'emergency'], '004_b89a9dffbb20a241.txt 这几类参保人员'],
  ] as const)('%s offers %j [%s]', (id, types, _source) => {
    expect(FILING_TYPES.filter((t) => POLICY_PROFILES[id].types[t])).toEqual(types);
  });
});

describe('end-date rule per type', () => {
  it.each([
    ['national-2022', 'retired_resettled', 'open', 'policy-rules.md §2.2'],
    ['national-2022', 'long_term_residence', 'open', 'policy-rules.md §2.2'],
    ['national-2022', 'resident_work', 'open', 'policy-rules.md §2.2'],
    ['national-2022', 'referral', { months: 6 }, 'policy-rules.md §2.2'],
    ['national-2022', 'temporary_other', { months: 6 }, 'policy-rules.md §2.2'],
    ['national-2022', 'emergency', 'until_discharge', 'policy-rules.md §2.2'],
    ['hefei-2019', 'referral', 'until_discharge', '000_bc84ff0b7039e793.txt 附件1 3(3)'],
    ['hefei-2019', 'cancer_multi_course', { years: 1 }, '000_bc84ff0b7039e793.txt 附件1 3(2)'],
    ['ganzhou-2019', 'cancer_multi_course', { years: 1 }, '003_f7ec7151fcfbcf96.txt 一(四)'],
    ['ganzhou-2019', 'long_term_residence', 'open', 'policy-rules.md §2.2'],
    ['sanming', 'referral', { months: 6 }, 'policy-rules.md §2.2'],
    ['jining-2018', 'referral', { months: 6 }, 'policy-rules.md §2.2'],
  ] as const)('%s %s: %j [%s]', (id, type, rule, source) => {
    const policy = typePolicy(id, type);
    expect(policy.endDate.rule).toEqual(rule);
    expect(policy.endDate.source).toContain(source);
  });

  it('national emergency validity is marked unverified: no national rule found, local practice is one episode [policy-rules.md §2.2]', () => {
    expect(typePolicy('national-2022', 'emergency').endDate.unverified).toBe(true);
  });

  it.each([
    ['national-2022', 'referral', 6, 'policy-rules.md §2.2'],
    ['national-2022', 'temporary_other', 6, 'policy-rules.md §2.2'],
    ['jining-2018', 'long_term_residence', 6, '004_b89a9dffbb20a241.txt'],
  ] as const)('%s %s: minimum validity %i months [%s]', (id, type, months, source) => {
    const minimum = typePolicy(id, type).minimumValidity;
    expect(minimum?.months).toBe(months);
    expect(minimum?.source).toContain(source);
  });

  it('Hefei referral has no minimum validity: one episode until discharge [000_bc84ff0b7039e793.txt 附件1 3(3)]', () => {
    expect(typePolicy('hefei-2019', 'referral').minimumValidity).toBeUndefined();
  });
});

describe('change / cancel lock', () => {
  it.each([
    ['national-2022', 'long_term_residence', 6, 'policy-rules.md §2.2'],
    ['national-2022', 'referral', null, 'policy-rules.md §2.2'],
    ['ganzhou-2019', 'retired_resettled', 12, '003_f7ec7151fcfbcf96.txt 一(四)'],
    ['ganzhou-2019', 'long_term_residence', 12, '003_f7ec7151fcfbcf96.txt 附件1 告知2'],
    ['ganzhou-2019', 'referral', null, 'policy-rules.md §2.2'],
    ['hefei-2019', 'referral', null, '000_bc84ff0b7039e793.txt 附件1 6'],
    ['hefei-2019', 'cancer_multi_course', null, '000_bc84ff0b7039e793.txt 附件1 6'],
  ] as const)('%s %s: %s months [%s]', (id, type, months, source) => {
    const lock = typePolicy(id, type).changeLock;
    expect(lock.months).toBe(months);
    expect(lock.source).toContain(source);
  });

  it('the national 6-month lock is marked unverified [policy-rules.md §2.2, §8]', () => {
    expect(typePolicy('national-2022', 'resident_work').changeLock.unverified).toBe(true);
  });

  it.each(ALL)('%s: an override needs a reason and a reviewer [policy-rules.md §2.2]', (id) => {
    expect(POLICY_PROFILES[id].changeOverride).toMatchObject({ requiresReason: true, requiresReviewer: true });
  });
});

describe('settlement-count limits', () => {
  it.each([
    ['ganzhou-2019', 'referral', { outpatient: 1, inpatient: 1 }, '003_f7ec7151fcfbcf96.txt 一(四)'],
    ['ganzhou-2019', 'emergency', { outpatient: 1, inpatient: 1 }, '003_f7ec7151fcfbcf96.txt 附件1 告知3'],
  ] as const)('%s %s: %j per filing [%s]', (id, type, limit, source) => {
    const rule = typePolicy(id, type).settlementLimit;
    expect(rule).toMatchObject(limit);
    expect(rule?.source).toContain(source);
  });

  it.each([
    ['ganzhou-2019', 'cancer_multi_course', '003_f7ec7151fcfbcf96.txt 一(四) 一年内多次有效'],
    ['national-2022', 'referral', 'policy-rules.md §2.2 期内可多次就医'],
    ['hefei-2019', 'referral', '000_bc84ff0b7039e793.txt (no limit stated)'],
  ] as const)('%s %s: no settlement limit [%s]', (id, type, _source) => {
    expect(typePolicy(id, type).settlementLimit).toBeUndefined();
  });
});

describe('destinations filed at province level', () => {
  it('national: the four municipalities only; Hainan and Tibet unverified [policy-rules.md §2.3]', () => {
    expect(POLICY_PROFILES['national-2022'].provinceLevelDestinations.codes).toEqual(MUNICIPALITIES);
  });

  it('Ganzhou: 京津沪渝琼藏, with 琼藏 marked unverified [003_f7ec7151fcfbcf96.txt 一(一); policy-rules.md §7]', () => {
    const rule = POLICY_PROFILES['ganzhou-2019'].provinceLevelDestinations;
    expect([...rule.codes].sort()).toEqual(['110000', '120000', '310000', '460000', '500000', '540000']);
    expect(rule.unverified).toBe(true);
  });
});

describe('commitment letter (个人承诺书) and materials', () => {
  it.each([
    ['national-2022', 'retired_resettled', true, 'policy-rules.md §2.2'],
    ['national-2022', 'referral', false, 'policy-rules.md §2.2'],
    ['sanming', 'long_term_residence', true, '002_c36e71247612bdfe.txt 认定材料'],
    ['sanming', 'resident_work', true, '002_c36e71247612bdfe.txt 认定材料'],
    ['sanming', 'temporary_other', false, 'policy-rules.md §2.2'],
    ['ganzhou-2019', 'resident_work', true, '003_f7ec7151fcfbcf96.txt 二'],
  ] as const)('%s %s: commitment allowed = %s [%s]', (id, type, allowed, source) => {
    const rule = typePolicy(id, type).commitment;
    expect(rule.allowed).toBe(allowed);
    expect(rule.source).toContain(source);
  });

  it('Ganzhou asks for the Jiangxi form only [003_f7ec7151fcfbcf96.txt 一(二)]', () => {
    for (const type of ['retired_resettled', 'referral', 'emergency'] as const) {
      expect(typePolicy('ganzhou-2019', type).materials.items.map((m) => m.label)).toEqual(['《江西省医疗保险异地备案表》']);
    }
  });

  it('Hefei does not ask the patient for the 备案表: the desk prints it after saving [000_bc84ff0b7039e793.txt 附件1 4–5]', () => {
    expect(typePolicy('hefei-2019', 'referral').materials.items.map((m) => m.id)).toEqual(['identity', 'referral_certificate']);
  });
});

describe('retroactive filing after a self-paid settlement', () => {
  it('Sanming: only the four types, and not under a commitment [002_c36e71247612bdfe.txt 相关事项3]', () => {
    const rule = POLICY_PROFILES.sanming.retroactive;
    expect(rule.types).toEqual(['retired_resettled', 'long_term_residence', 'resident_work', 'referral']);
    expect(rule.commitmentAllowed).toBe(false);
  });

  it('national: every type, manual claim under insured-region rules [policy-rules.md §2.2]', () => {
    const rule = POLICY_PROFILES['national-2022'].retroactive;
    expect(rule.types).toHaveLength(6);
    expect(rule.advisory).toContain('手工报销');
  });

  it('Ganzhou: unfiled manual claims at −10 %, except emergency [003_f7ec7151fcfbcf96.txt 三(二)]', () => {
    expect(POLICY_PROFILES['ganzhou-2019'].unfiledClaim).toMatchObject({ ratioCutPercent: 10, exceptTypes: ['emergency'] });
  });
});

describe('working-day deadlines and review', () => {
  it('Jining: resident emergency inpatients file within 5 working days of admission [004_b89a9dffbb20a241.txt 城乡居民 三]', () => {
    expect(POLICY_PROFILES['jining-2018'].deadlines).toEqual([
      expect.objectContaining({ from: 'admission_date', workdays: 5, types: ['emergency'], onlyInsurance: ['resident'], onlyCareSetting: 'inpatient' }),
    ]);
  });

  it('Sanming: online filings done within 2 working days [002_c36e71247612bdfe.txt 相关事项1]', () => {
    expect(POLICY_PROFILES.sanming.deadlines).toEqual([expect.objectContaining({ from: 'submission', workdays: 2, onlyChannel: 'online' })]);
  });

  it.each([
    ['sanming', true, '002_c36e71247612bdfe.txt 办理流程'],
    ['national-2022', false, 'policy-rules.md §3.4'],
    ['hefei-2019', false, '000_bc84ff0b7039e793.txt 附件1'],
  ] as const)('%s: review required = %s [%s]', (id, required, source) => {
    expect(POLICY_PROFILES[id].review.required).toBe(required);
    expect(POLICY_PROFILES[id].review.source).toContain(source);
  });

  it('Jining residents cannot file 异地安置 or 常驻异地工作 [004_b89a9dffbb20a241.txt 城乡居民]', () => {
    expect(typePolicy('jining-2018', 'retired_resettled').notForInsurance?.insuranceTypes).toEqual(['resident']);
    expect(typePolicy('jining-2018', 'resident_work').notForInsurance?.insuranceTypes).toEqual(['resident']);
    expect(typePolicy('jining-2018', 'long_term_residence').notForInsurance).toBeUndefined();
  });
});

describe('where a seed conflicts with the national baseline, the regional profile follows the seed and says so [policy-rules.md §7]', () => {
  it.each([
    ['hefei-2019 referral end date', () => typePolicy('hefei-2019', 'referral').endDate],
    ['ganzhou-2019 one-year lock', () => typePolicy('ganzhou-2019', 'long_term_residence').changeLock],
    ['ganzhou-2019 1+1 settlements', () => typePolicy('ganzhou-2019', 'referral').settlementLimit],
    ['ganzhou-2019 −10 % manual claim', () => POLICY_PROFILES['ganzhou-2019'].unfiledClaim],
    ['jining-2018 5-working-day emergency filing', () => POLICY_PROFILES['jining-2018'].deadlines[0]],
  ])('%s carries a departsFromNational note [policy-rules.md §7]', (_name, rule) => {
    expect(rule()?.departsFromNational).toMatch(/^policy-rules\.md §7/);
  });

  it('the national baseline itself departs from nothing [policy-rules.md §7]', () => {
    expect(JSON.stringify(POLICY_PROFILES['national-2022'])).not.toContain('departsFromNational');
  });
});

describe('printed form per profile', () => {
  it.each([
    ['national-2022', 'national', '异地就医登记备案表', 'policy-rules.md §3.2'],
    ['hefei-2019', 'hefei', '合肥市基本医疗保险异地就医备案表', '000_bc84ff0b7039e793.txt 附件1 5'],
    ['ganzhou-2019', 'jiangxi', '江西省医疗保险异地备案表', '003_f7ec7151fcfbcf96.txt 附件1'],
  ] as const)('%s prints the %s form “%s” [%s]', (id, template, title, source) => {
    expect(POLICY_PROFILES[id].printForm).toMatchObject({ template, title });
    expect(POLICY_PROFILES[id].printForm.source).toContain(source);
  });
});
