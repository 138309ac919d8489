// The new-filing form's field sets come from data: each type's details schema says which keys exist
// and which are required, the policy profile adds its required fields, and fieldSets.ts only says how
// a key is shown. These tests pin that derivation, not a copy of it.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { FILING_TYPES, type FilingType } from '../../shared/domain/filing';
import { FILING_DETAILS_SCHEMAS } from '../../shared/domain/filing-types';
import { POLICY_PROFILES } from '../../shared/domain/policy';
import { DETAIL_FIELDS, fieldSetFor, HIDDEN_DETAIL_KEYS, mainEntry, optionalEntry } from '../../renderer/src/screens/filing-form/fieldSets';
import { materialOptions } from '../../renderer/src/screens/filing-form/MaterialsSection';
import { requestInput, toFilingRequest, valuesFromDetail } from '../../renderer/src/screens/filing-form/formValues';
import dayjs from 'dayjs';

const keysOf = (t: FilingType) => Object.keys((FILING_DETAILS_SCHEMAS[t] as unknown as z.ZodObject).shape);
const names = (fields: { name: string }[]) => fields.map((f) => f.name);

describe('field sets per filing type', () => {
  it.each(FILING_TYPES)('%s: every details key of the schema is shown or deliberately hidden', (type) => {
    const hidden = new Set<string>(HIDDEN_DETAIL_KEYS);
    expect(keysOf(type).filter((k) => !(k in DETAIL_FIELDS) && !hidden.has(k))).toEqual([]);
    const set = fieldSetFor(type, null);
    const shown = [...set.main, ...set.optional].map((f) => f.key).sort();
    expect(shown).toEqual(keysOf(type).filter((k) => !hidden.has(k)).sort());
  });

  it('Hefei referral keeps the manual order: 转往地区 → 目前诊断 → 诊断编码 → 异地转诊类型 → 异地转诊理由 → 联系电话', () => {
    const set = fieldSetFor('referral', POLICY_PROFILES['hefei-2019']);
    expect(names(set.main)).toEqual([
      'details.destinationRegion',
      'details.diagnosisName',
      'details.diagnosisCode',
      'details.referralKind',
      'details.referralReason',
      'details.phone',
    ]);
    expect(set.optional.every((f) => !f.required)).toBe(true);
  });

  it('national-2022 referral moves the 2501 fields the profile requires into the main order', () => {
    const set = fieldSetFor('referral', POLICY_PROFILES['national-2022']);
    const required = names(set.main.filter((f) => f.required));
    for (const f of ['details.destinationInstitution.name', 'details.transferringInstitution.name', 'details.caseSummary', 'details.referralOpinion', 'details.diagnosisCode']) {
      expect(required).toContain(f);
    }
    // 转院前就诊ID stays optional: only 2501A provinces' platforms require it (docs/platform.md).
    expect(names(set.optional)).toEqual(['details.referralDate', 'details.previousVisitId']);
  });

  it('names each type its own way: 安置地 / 居住地 / 工作地, 急诊就医地 and 初步诊断', () => {
    const label = (t: FilingType, key: string) => [...fieldSetFor(t, null).main, ...fieldSetFor(t, null).optional].find((f) => f.key === key)?.label;
    expect(label('retired_resettled', 'destinationRegion')).toBe('安置地');
    expect(label('long_term_residence', 'destinationRegion')).toBe('居住地');
    expect(label('resident_work', 'address')).toBe('工作地居住地址');
    expect(label('emergency', 'destinationRegion')).toBe('急诊就医地');
    expect(label('emergency', 'diagnosisName')).toBe('初步诊断');
    expect(label('temporary_other', 'reason')).toBe('外出就医原因');
  });

  it('jining-2018 requires 急诊就医方式 for emergency filings; national leaves it optional', () => {
    const required = (p: 'jining-2018' | 'national-2022') => fieldSetFor('emergency', POLICY_PROFILES[p]).main.find((f) => f.key === 'careSetting')?.required ?? false;
    expect(required('jining-2018')).toBe(true);
    expect(required('national-2022')).toBe(false);
  });

  it('the Enter order adds the agent fields only when someone files for the patient', () => {
    const set = fieldSetFor('temporary_other', null);
    expect(names(mainEntry(set, false))).toEqual(['type', 'insuranceType', 'certType', 'certNo', 'personName', 'startDate', 'details.destinationRegion', 'details.reason', 'details.phone']);
    expect(names(mainEntry(set, true)).slice(-5)).toEqual(['agent.name', 'agent.certType', 'agent.certNo', 'agent.phone', 'agent.relation']);
    expect(names(optionalEntry(set, true))).toEqual(['agent.address']);
  });

  it('the materials checklist offers the 个人承诺书 where the profile allows it (long-term types), not for referrals', () => {
    const longTerm = materialOptions(POLICY_PROFILES.sanming.types.retired_resettled).map((o) => o.value);
    expect(longTerm).toEqual(['identity', 'filing_form', 'household_register', 'personal_commitment']);
    const referral = materialOptions(POLICY_PROFILES.sanming.types.referral).map((o) => o.value);
    expect(referral).toEqual(['identity', 'filing_form', 'referral_certificate']);
    expect(materialOptions(POLICY_PROFILES['hefei-2019'].types.referral).map((o) => o.value)).toEqual(['identity', 'referral_certificate']);
  });
});

describe('form values to request', () => {
  it('turns dates, institutions and the agent into the contract request, checked by the schema', () => {
    const values = (agentCertNo: string) => ({
      type: 'emergency' as const,
      insuranceType: 'resident' as const,
      certType: 'id_card' as const,
      certNo: '11010519491231002X',
      personName: '张三',
      startDate: dayjs('2026-03-02'),
      details: {
        destinationRegion: '310000',
        admissionDate: dayjs('2026-03-01'),
        caseSummary: '胸痛入院',
        phone: '13800138000',
        careSetting: 'inpatient',
        treatingInstitution: { name: ' 上海演练胸科医院 ' },
      },
      materials: ['identity' as const],
      filedByAgent: true,
      agent: { name: '李四', certType: 'resident_id', certNo: agentCertNo, phone: '13900139000', relation: 'child' },
    });
    const good = toFilingRequest(values('110105195001010012'));
    const input = requestInput(values('x'));
    expect(input.details).toEqual({
      destinationRegion: '310000',
      admissionDate: '2026-03-01',
      caseSummary: '胸痛入院',
      phone: '13800138000',
      careSetting: 'inpatient',
      treatingInstitution: { name: '上海演练胸科医院' },
    });
    expect(input.agent).toMatchObject({ name: '李四', relation: 'child' });
    const bad = toFilingRequest(values('110105194912310021'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fields ?? {})).toEqual(['agent.certNo']);
    expect(good.ok).toBe(true);
  });

  it('mirrors the picked destination institution into the flat pair the upload mapping reads', () => {
    const input = requestInput({ type: 'referral', details: { destinationInstitution: { code: 'H31010400001', name: '上海演练胸科医院' } } });
    expect(input.details).toMatchObject({ destinationInstitutionCode: 'H31010400001', destinationInstitutionName: '上海演练胸科医院' });
  });

  it('reads a saved filing back: materials, agent and retroactive from details, dates as dates', () => {
    const values = valuesFromDetail({
      id: 'f1',
      localNo: '20260302-0001',
      type: 'emergency',
      insuranceType: 'resident',
      certType: 'id_card',
      certNoMasked: '1101**********002X',
      certNo: '11010519491231002X',
      personName: '张三',
      destinationRegion: '310000',
      destinationLabel: '上海市',
      startDate: '2026-03-02',
      endDate: null,
      status: 'active',
      uploadState: 'pending',
      platformSerial: null,
      createdBy: 'op',
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-03-02T01:00:00.000Z',
      details: { admissionDate: '2026-03-01', materials: ['identity', 'bogus'], agent: { name: '李四' }, retroactive: true, phone: '13800138000' },
    });
    expect(values.materials).toEqual(['identity']);
    expect(values.filedByAgent).toBe(true);
    expect(values.retroactive).toBe(true);
    expect(dayjs.isDayjs(values.details?.admissionDate)).toBe(true);
    expect(values.details).not.toHaveProperty('materials');
  });
});
