// Per-type data: classes, details schemas, materials checklists and the agent schema.
import { describe, expect, it } from 'vitest';
import { FILING_TYPES } from '../../shared/domain/filing';
import {
  agentDetails,
  DEFAULT_MATERIALS,
  emergencyDetails as emergencySchema,
  FILING_CLASS_OF,
  FILING_DETAILS_SCHEMAS,
  filingTypeSpec,
  fullReferralDetails,
  retiredResettledDetails,
} from '../../shared/domain/filing-types';
import { agent, emergencyDetails, longTermDetails, referralDetails } from './fixtures';

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? [] : (r.error?.issues ?? []).map((i) => i.message));

describe('classes [policy-rules.md §2.1]', () => {
  it.each([
    ['retired_resettled', 'long_term'],
    ['long_term_residence', 'long_term'],
    ['resident_work', 'long_term'],
    ['referral', 'temporary'],
    ['emergency', 'temporary'],
    ['temporary_other', 'temporary'],
    ['cancer_multi_course', 'temporary'],
  ] as const)('%s is %s [policy-rules.md §2.1; 000_bc84ff0b7039e793.txt 附件1 3(1)]', (type, cls) => {
    expect(FILING_CLASS_OF[type]).toBe(cls);
    expect(filingTypeSpec(type).filingClass).toBe(cls);
  });

  it('every type has a details schema and a materials checklist [002_c36e71247612bdfe.txt 认定材料]', () => {
    for (const type of FILING_TYPES) {
      expect(FILING_DETAILS_SCHEMAS[type]).toBeDefined();
      expect(DEFAULT_MATERIALS[type].items.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('materials checklists [002_c36e71247612bdfe.txt 认定材料]', () => {
  it.each([
    ['retired_resettled', ['identity', 'filing_form', 'household_register'], ['household_register'], '（一）'],
    ['long_term_residence', ['identity', 'filing_form', 'residence_proof'], ['residence_proof'], '（二）'],
    ['resident_work', ['identity', 'filing_form', 'work_proof'], ['work_proof'], '（三）'],
    ['referral', ['identity', 'filing_form', 'referral_certificate'], [], '（四）'],
    ['temporary_other', ['identity', 'filing_form'], [], '（五）'],
    ['emergency', ['identity', 'filing_form'], [], '（五）'],
  ] as const)('%s: %j, a commitment can replace %j [002_c36e71247612bdfe.txt 认定材料%s]', (type, ids, replaceable, section) => {
    const list = DEFAULT_MATERIALS[type];
    expect(list.items.map((m) => m.id)).toEqual(ids);
    expect(list.items.filter((m) => m.commitmentReplaces).map((m) => m.id)).toEqual(replaceable);
    expect(list.source).toContain(section);
  });
});

describe('details schemas', () => {
  it('the referral schema extends the Hefei manual’s fields, so those stay required [000_bc84ff0b7039e793.txt 附件1 3(4)]', () => {
    expect(messages(fullReferralDetails.safeParse({}))).toEqual(['请选择转往地区', '请填写目前诊断', '请填写异地转诊类型', '请填写异地转诊理由', '请填写联系电话']);
    expect(fullReferralDetails.safeParse(referralDetails).success).toBe(true);
  });

  it('the destination hospital needs its 1201 code [policy-rules.md §3.3 reflin_medins_no]', () => {
    const r = fullReferralDetails.safeParse({ ...referralDetails, destinationInstitution: { name: '南京某医院', code: '南京' } });
    expect(messages(r)).toEqual(['转往定点医疗机构编码只能是字母和数字，请从机构列表中选择']);
  });

  it('long-term types need the destination, the address there and the reason [policy-rules.md §3.4 rloc_admdvs/resout_addr/rloc_rea]', () => {
    expect(messages(retiredResettledDetails.safeParse({}))).toEqual(['请选择安置地', '请填写安置地居住地址', '请填写异地安置原因', '请填写联系电话']);
    expect(retiredResettledDetails.safeParse({ ...longTermDetails, postalCode: '51800' }).success).toBe(false);
    expect(retiredResettledDetails.safeParse({ ...longTermDetails, postalCode: '518000' }).success).toBe(true);
  });

  it('emergency needs the admission date and a case summary [003_f7ec7151fcfbcf96.txt 附件1 异地急诊栏]', () => {
    expect(messages(emergencySchema.safeParse({ destinationRegion: '320100', phone: '13900000000' }))).toEqual(['请填写入院（就诊）日期', '请填写病情摘要']);
    expect(emergencySchema.safeParse(emergencyDetails).success).toBe(true);
    expect(messages(emergencySchema.safeParse({ ...emergencyDetails, admissionDate: '2026-02-30' }))).toEqual([
      '入院（就诊）日期不是有效日期，请按 年-月-日 填写（如 2026-01-31）',
    ]);
  });
});

describe('agent schema [policy-rules.md §3.4 agnter_name/cert_type/certno/tel/addr/rlts]', () => {
  it('accepts a complete agent and normalises the phone [policy-rules.md §3.4]', () => {
    const r = agentDetails.safeParse({ ...agent, phone: '138 0000 0000' });
    expect(r.success && r.data.phone).toBe('13800000000');
  });

  it('checks an ID-card number even when other fields fail [policy-rules.md §3.4; GB 11643]', () => {
    const r = agentDetails.safeParse({ certType: 'resident_id', certNo: '110105194912310021' });
    expect(messages(r)).toEqual(
      expect.arrayContaining(['请填写代办人姓名', '请填写代办人联系电话', '请选择代办人与参保人关系', '代办人身份证号校验位不正确，请核对第18位']),
    );
  });

  it('does not apply the ID-card check to a passport [policy-rules.md §3.4]', () => {
    expect(agentDetails.safeParse({ ...agent, certType: 'passport', certNo: 'E12345678' }).success).toBe(true);
  });
});
