// evaluateFiling: what the desk gets back for a draft under each profile.
import { describe, expect, it } from 'vitest';
import { createWorkdayCalendar } from '../../shared/domain/calendar';
import { evaluateFiling, filingDraftSchema, filingEvaluationSchema, POLICY_PROFILES } from '../../shared/domain/policy';
import { agent, emergencyDetails, evaluate, fieldsOf, longTermDetails, messagesOf, person, referralDetails } from './fixtures';

const hefeiReferral = {
  ...person,
  startDate: '2026-03-02',
  details: { destinationRegion: '320100', diagnosisName: '肺恶性肿瘤', referralKind: '1', referralReason: '需放疗', phone: '13900000000' },
  materials: ['identity', 'referral_certificate'],
};

describe('end dates', () => {
  it('Hefei cancer sub-type: end date defaults to start + 1 year [000_bc84ff0b7039e793.txt 附件1 3(2)]', () => {
    const r = evaluate('hefei-2019', { ...hefeiReferral, type: 'cancer_multi_course' });
    expect(r.errors).toEqual([]);
    expect(r.defaults).toEqual({ endDate: '2027-03-02' });
    expect(r.policy.endDateRule).toBe('有效期1年');
  });

  it('Hefei cancer sub-type started on 29 February ends on 28 February [000_bc84ff0b7039e793.txt 附件1 3(2)]', () => {
    expect(evaluate('hefei-2019', { ...hefeiReferral, type: 'cancer_multi_course', startDate: '2028-02-29' }).defaults.endDate).toBe('2029-02-28');
  });

  it('Hefei referral: end date stays empty until discharge [000_bc84ff0b7039e793.txt 附件1 3(3)]', () => {
    const r = evaluate('hefei-2019', { ...hefeiReferral, type: 'referral' });
    expect(r.errors).toEqual([]);
    expect(r.defaults).toEqual({ endDate: null });
  });

  it('Hefei referral: a typed end date is flagged as unnecessary, not blocked [000_bc84ff0b7039e793.txt 附件1 3(3)]', () => {
    const r = evaluate('hefei-2019', { ...hefeiReferral, type: 'referral', endDate: '2026-04-01' });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ field: 'endDate', message: '“异地转诊人员”的终止日期无需填写，结算时自动以出院日期填入' }));
  });

  it('national referral: end date defaults to start + 6 months, month-end clamped [policy-rules.md §2.2]', () => {
    const r = evaluate('national-2022', { ...person, type: 'referral', startDate: '2026-08-31', details: referralDetails, materials: ['identity', 'filing_form', 'referral_certificate'] });
    expect(r.errors).toEqual([]);
    expect(r.defaults.endDate).toBe('2027-02-28');
  });

  it('national referral: an end date under 6 months is refused [policy-rules.md §2.2 ≥6 months]', () => {
    const r = evaluate('national-2022', { ...person, type: 'referral', startDate: '2026-03-02', endDate: '2026-06-30', details: referralDetails });
    expect(r.errors).toContainEqual({
      field: 'endDate',
      message: '“异地转诊人员”有效期不少于6个月，终止日期不能早于2026-09-02',
      source: 'policy-rules.md §2.2（异地转诊人员 有效期不少于6个月）',
    });
  });

  it('national long-term filing is open-ended [policy-rules.md §2.2]', () => {
    expect(evaluate('national-2022', { ...person, type: 'long_term_residence', startDate: '2026-03-02' }).defaults).toEqual({ endDate: null });
  });

  it('an end date before the start date is refused [policy-rules.md §3.3 begndate/enddate]', () => {
    const r = evaluate('national-2022', { ...person, type: 'long_term_residence', startDate: '2026-03-02', endDate: '2026-03-01' });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'endDate', message: '备案终止日期（2026-03-01）不能早于开始日期（2026-03-02）' }));
  });

  it('Jining residents must be away at least 6 months; employees are not held to it [004_b89a9dffbb20a241.txt 城乡居民 一]', () => {
    const draft = { ...person, type: 'long_term_residence', startDate: '2026-03-02', endDate: '2026-05-01', details: longTermDetails };
    expect(fieldsOf(evaluate('jining-2018', { ...draft, insuranceType: 'resident' }).errors)).toContain('endDate');
    expect(fieldsOf(evaluate('jining-2018', draft).errors)).not.toContain('endDate');
  });
});

describe('working-day deadlines', () => {
  const jiningEmergency = { ...person, insuranceType: 'resident', type: 'emergency', startDate: '2026-09-29', details: emergencyDetails, materials: ['identity', 'filing_form'] };

  it('Jining: 5 working days after a 2026-09-29 admission run across National Day to 2026-10-12 [004_b89a9dffbb20a241.txt 城乡居民 三]', () => {
    const r = evaluate('jining-2018', jiningEmergency, '2026-09-30');
    expect(r.deadlines).toEqual([
      {
        id: 'jining-emergency-inpatient',
        label: '急诊住院备案时限（入院后5个工作日内）',
        date: '2026-10-12', // plain weekdays would give 2026-10-06
        overdue: false,
        source: '004_b89a9dffbb20a241.txt 城乡居民 三（应在住院后5个工作日内向参保地社会保险经办机构备案）',
      },
    ]);
  });

  it('Jining: the day after the deadline the desk warns that it has passed [004_b89a9dffbb20a241.txt 城乡居民 三]', () => {
    expect(evaluate('jining-2018', jiningEmergency, '2026-10-12').warnings.some((w) => w.message.startsWith('已超过'))).toBe(false);
    const late = evaluate('jining-2018', jiningEmergency, '2026-10-13');
    expect(late.deadlines[0]?.overdue).toBe(true);
    expect(late.warnings).toContainEqual(expect.objectContaining({ message: expect.stringContaining('已超过急诊住院备案时限（入院后5个工作日内），截止日为2026-10-12') }));
    expect(late.errors).toEqual([]);
  });

  it.each([
    ['an employee', { ...jiningEmergency, insuranceType: 'employee' }],
    ['an outpatient emergency', { ...jiningEmergency, details: { ...emergencyDetails, careSetting: 'outpatient' } }],
  ])('Jining: no filing deadline for %s — the seed states it for resident inpatients [004_b89a9dffbb20a241.txt 城乡居民 三]', (_who, draft) => {
    expect(evaluate('jining-2018', draft, '2026-09-30').deadlines).toEqual([]);
  });

  it('Jining: the emergency care setting is required to know whether the deadline applies [004_b89a9dffbb20a241.txt 急诊住院]', () => {
    const r = evaluate('jining-2018', { ...jiningEmergency, details: { ...emergencyDetails, careSetting: '' } }, '2026-09-30');
    expect(r.notice.items).toContain('请选择急诊就医方式（急诊住院或门急诊）');
  });

  it('Sanming: an online filing submitted Friday 2026-02-13 is due 2026-02-24, across 春节 and a make-up Saturday [002_c36e71247612bdfe.txt 相关事项1]', () => {
    const draft = { ...person, type: 'referral', startDate: '2026-02-13', details: referralDetails, channel: 'online' as const, submittedOn: '2026-02-13' };
    const r = evaluate('sanming', draft, '2026-02-13');
    expect(r.deadlines).toEqual([expect.objectContaining({ id: 'sanming-online-processing', date: '2026-02-24', overdue: false })]);
  });

  it('Sanming: window filings have no 2-working-day deadline [002_c36e71247612bdfe.txt 相关事项1 线上渠道]', () => {
    expect(evaluate('sanming', { ...person, type: 'referral', startDate: '2026-02-13', details: referralDetails }, '2026-02-13').deadlines).toEqual([]);
  });

  it('Sanming: a deadline running into 2027 carries the uncovered-year warning [002_c36e71247612bdfe.txt 相关事项1; policy-rules.md §5]', () => {
    const draft = { ...person, type: 'referral', startDate: '2026-12-30', details: referralDetails, channel: 'online' as const };
    const r = evaluate('sanming', draft, '2026-12-30');
    expect(r.deadlines[0]).toMatchObject({ date: '2027-01-01', uncoveredYears: [2027] });
    expect(r.warnings).toContainEqual({
      message: '线上备案办结时限（参保地经办机构2个工作日内办结）：节假日数据未覆盖该年份（2027年），按普通工作日估算，请核对',
      source: 'policy-rules.md §5（节假日数据缺年份时不得静默按普通工作日处理）',
    });
  });

  it('Sanming: with a 2027 override row the same deadline is exact and the warning goes [policy-rules.md §5 override table]', () => {
    const calendar = createWorkdayCalendar({ overrides: [{ year: 2027, holidays: ['2027-01-01'], workdays: [], source: '测试数据' }] });
    const draft = { ...person, type: 'referral', startDate: '2026-12-30', details: referralDetails, channel: 'online' as const };
    const r = evaluateFiling(draft, { profile: POLICY_PROFILES.sanming, today: '2026-12-30', calendar });
    expect(r.deadlines[0]).toMatchObject({ date: '2027-01-04' });
    expect(r.deadlines[0]?.uncoveredYears).toBeUndefined();
    expect(messagesOf(r.warnings).some((m) => m.includes('未覆盖'))).toBe(false);
  });

  it('national baseline has no working-day deadlines [policy-rules.md §2.3 SLAs are local]', () => {
    expect(evaluate('national-2022', { ...person, insuranceType: 'resident', type: 'emergency', startDate: '2026-09-29', details: emergencyDetails }, '2026-10-20').deadlines).toEqual([]);
  });
});

describe('retroactive filing after a self-paid settlement', () => {
  const complete = ['identity', 'filing_form', 'household_register', 'residence_proof', 'work_proof', 'referral_certificate'];

  it('Sanming: 其他跨省临时外出 cannot be filed after settlement [002_c36e71247612bdfe.txt 相关事项3]', () => {
    const r = evaluate('sanming', { ...person, type: 'temporary_other', startDate: '2026-03-02', retroactive: true, details: { destinationRegion: '440300', reason: '旅游', phone: '13900000000' }, materials: complete });
    expect(r.errors).toEqual([
      {
        field: 'retroactive',
        message: '自费结算后补办备案只可补办“异地安置退休人员”、“异地长期居住人员”、“常驻异地工作人员”、“异地转诊人员”，不能补办“其他跨省临时外出就医人员”',
        source: '002_c36e71247612bdfe.txt 相关事项3（自费结算后补备案不实行承诺制，只可补办四类）；002_c36e71247612bdfe.txt 常见问题',
      },
    ]);
  });

  it('Sanming: a retroactive long-term filing cannot rest on a commitment letter [002_c36e71247612bdfe.txt 相关事项3]', () => {
    const r = evaluate('sanming', { ...person, type: 'long_term_residence', startDate: '2026-03-02', retroactive: true, details: longTermDetails, materials: ['identity', 'filing_form', 'personal_commitment'] });
    expect(messagesOf(r.errors)).toEqual([
      '自费结算后补办备案不实行承诺制，请提供认定材料，不能以个人承诺书代替',
      // the proof is still missing, and no longer offered "或签署个人承诺书"
      '请提供长期居住认定材料：居住证、居民户口簿（户口簿首页和本人常住人口登记卡）任选其一（居住证已申领尚未领取的，可提交受理凭证）',
    ]);
  });

  it('Sanming: the same filing made before settlement may use the commitment letter [002_c36e71247612bdfe.txt 认定材料（二）]', () => {
    const r = evaluate('sanming', { ...person, type: 'long_term_residence', startDate: '2026-03-02', details: longTermDetails, materials: ['identity', 'filing_form', 'personal_commitment'] });
    expect(r.errors).toEqual([]);
  });

  it('Sanming: a retroactive referral with its materials passes, with the manual-claim advisory [002_c36e71247612bdfe.txt 常见问题]', () => {
    const r = evaluate('sanming', { ...person, type: 'referral', startDate: '2026-03-02', retroactive: true, details: referralDetails, materials: complete });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ field: 'retroactive', message: '已出院自费结算后补办备案的，可按参保地规定申请医保手工报销' }));
  });

  it('national: other temporary travel may be filed after settlement [policy-rules.md §2.2]', () => {
    const r = evaluate('national-2022', { ...person, type: 'temporary_other', startDate: '2026-03-02', retroactive: true, details: { destinationRegion: '440300', reason: '旅游', phone: '13900000000' }, materials: complete });
    expect(fieldsOf(r.errors)).not.toContain('retroactive');
  });

  it.each([
    ['referral', true],
    ['emergency', false],
  ] as const)('Ganzhou: a retroactive %s shows the −10 %% manual-claim warning: %s [003_f7ec7151fcfbcf96.txt 三(二)]', (type, shown) => {
    const details = type === 'referral' ? referralDetails : emergencyDetails;
    const r = evaluate('ganzhou-2019', { ...person, type, startDate: '2026-03-02', retroactive: true, details }, '2026-10-01');
    expect(messagesOf(r.warnings).some((m) => m.includes('下降10%'))).toBe(shown);
  });
});

describe('一次性告知: every missing item at once [002_c36e71247612bdfe.txt 办理流程 一次性告知]', () => {
  it('Sanming long-term residence with only the type chosen lists every field and every material [002_c36e71247612bdfe.txt 认定材料（二）]', () => {
    const r = evaluate('sanming', { type: 'long_term_residence' });
    expect(r.notice.items).toEqual([
      '请选择险种类别',
      '请选择证件类型',
      '请填写个人编号',
      '请填写姓名',
      '请填写备案开始日期',
      '请选择居住地',
      '请填写居住地地址',
      '请填写异地居住原因',
      '请填写联系电话',
      '请提供有效身份证件或医保电子凭证或社会保障卡',
      '请提供《异地就医登记备案表》',
      '请提供长期居住认定材料：居住证、居民户口簿（户口簿首页和本人常住人口登记卡）任选其一（居住证已申领尚未领取的，可提交受理凭证）（或签署个人承诺书）',
    ]);
    expect(r.errors).toHaveLength(r.notice.items.length);
  });

  it('national referral lists the 2501 fields the Hefei manual does not require [policy-rules.md §3.3]', () => {
    const base = { ...person, type: 'referral', startDate: '2026-03-02', details: hefeiReferral.details, materials: ['identity', 'filing_form', 'referral_certificate'] };
    expect(evaluate('national-2022', base).notice.items).toEqual([
      '请填写诊断编码（国家平台转院备案必填）',
      '请从机构列表中选择转往定点医疗机构（国家平台转院备案必填）',
      '请填写转院意见',
      '请填写转出医疗机构',
      '请填写病情摘要',
    ]);
    expect(evaluate('hefei-2019', { ...base, materials: hefeiReferral.materials }).notice.items).toEqual([]);
  });

  it('Ganzhou referral asks for the Jiangxi form’s referral box but no destination hospital [003_f7ec7151fcfbcf96.txt 附件1, 一(一)]', () => {
    const r = evaluate('ganzhou-2019', { ...person, type: 'referral', startDate: '2026-03-02', details: hefeiReferral.details });
    expect(r.notice.items).toEqual(['请填写转院意见', '请填写转出医疗机构', '请填写病情摘要', '请提供《江西省医疗保险异地备案表》']);
    expect(fieldsOf(r.warnings)).toContain('details.destinationInstitution');
  });

  it('lists refusals with the missing items but keeps typing slips on the form only [002_c36e71247612bdfe.txt 办理流程]', () => {
    const r = evaluate('sanming', { ...person, certNo: '110105194912310021', type: 'emergency', startDate: '2026-03-02', details: { phone: '123' } });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'certNo', message: '身份证号校验位不正确，请核对第18位' }));
    expect(r.notice.items).toEqual(['三明（异地就医备案服务指南）不办理“异地急诊抢救人员”备案：三明：急诊抢救无论是否事先备案均可直接结算；确需备案的请选择“其他跨省临时外出就医人员”']);
  });

  it('treats blank strings and empty objects from the form as missing [002_c36e71247612bdfe.txt 办理流程]', () => {
    const r = evaluate('national-2022', { ...person, personName: '  ', type: 'referral', startDate: '2026-03-02', details: { ...referralDetails, destinationInstitution: { code: '', name: '' }, caseSummary: '' } });
    expect(r.notice.items).toEqual(expect.arrayContaining(['请填写姓名', '请从机构列表中选择转往定点医疗机构（国家平台转院备案必填）', '请填写病情摘要']));
  });

  it('a complete draft has an empty notice [002_c36e71247612bdfe.txt 认定材料（四）]', () => {
    const r = evaluate('sanming', { ...person, type: 'referral', startDate: '2026-03-02', details: referralDetails, materials: ['identity', 'filing_form', 'referral_certificate'] });
    expect(r).toMatchObject({ errors: [], notice: { items: [] } });
    expect(r.policy).toMatchObject({ profileId: 'sanming', typeLabel: '异地转诊人员', filingClass: 'temporary', reviewRequired: true });
  });
});

describe('which types a profile offers', () => {
  it('Hefei refuses a long-term filing and says what it does handle [000_bc84ff0b7039e793.txt 附件1 3(1)]', () => {
    const r = evaluate('hefei-2019', { ...person, type: 'long_term_residence', startDate: '2026-03-02' });
    expect(r.errors).toEqual([
      {
        field: 'type',
        message: '合肥（2019 网上转诊备案）不办理“异地长期居住人员”备案：合肥网上转诊备案只办理转诊类备案（异地转诊人员、恶性肿瘤放化疗等分疗程多次住院人员）',
        source: '000_bc84ff0b7039e793.txt 附件1 3(1)',
      },
    ]);
  });

  it('Jining refuses 异地安置 for a resident and lists what residents may file [004_b89a9dffbb20a241.txt 城乡居民]', () => {
    const r = evaluate('jining-2018', { ...person, insuranceType: 'resident', type: 'retired_resettled' });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'type', message: '居民医保参保人不能办理“异地安置退休人员”备案，可办理：异地长期居住人员、异地转诊人员、异地急诊抢救人员' }));
    expect(fieldsOf(evaluate('jining-2018', { ...person, type: 'retired_resettled' }).errors)).not.toContain('type');
  });

  it('an unknown type string is an input error, not a refusal [shared/domain/filing.ts FILING_TYPES]', () => {
    const r = evaluate('national-2022', { type: 'vacation' });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'type', message: '备案类型不存在，请从列表中选择' }));
    expect(r.notice.items).not.toContain('备案类型不存在，请从列表中选择');
  });
});

describe('destination region', () => {
  const longTerm = { ...person, type: 'long_term_residence', startDate: '2026-03-02', materials: ['identity', 'filing_form', 'residence_proof'] };

  it.each([
    ['ganzhou-2019', '460000', null],
    ['ganzhou-2019', '460100', '海南省按省级备案，请选择省级地区'],
    ['national-2022', '460100', null],
    ['national-2022', '460000', '居住地应选择到地市一级'],
    ['national-2022', '310000', null],
    ['national-2022', '310100', '上海市按省级备案，请选择省级地区'],
  ] as const)('%s: %s → %s [003_f7ec7151fcfbcf96.txt 一(一); policy-rules.md §2.3]', (id, code, message) => {
    const r = evaluate(id, { ...longTerm, details: { ...longTermDetails, destinationRegion: code } });
    const found = r.errors.filter((e) => e.field === 'details.destinationRegion');
    expect(found.map((e) => e.message)).toEqual(message ? [message] : []);
  });

  it('names the field of the chosen type in region messages [seed 003 附件1 安置地市/转入地市/急诊就医地市]', () => {
    const r = evaluate('national-2022', { ...person, type: 'emergency', startDate: '2026-03-02', details: { ...emergencyDetails, destinationRegion: '320000', admissionDate: '2026-03-01' } });
    expect(r.errors).toContainEqual(expect.objectContaining({ message: '急诊就医地应选择到地市一级' }));
  });
});

describe('materials and the commitment letter', () => {
  it('a commitment letter is refused for a referral [policy-rules.md §2.2; 002_c36e71247612bdfe.txt 认定材料（四）]', () => {
    const r = evaluate('sanming', { ...person, type: 'referral', startDate: '2026-03-02', details: referralDetails, materials: ['identity', 'filing_form', 'personal_commitment'] });
    expect(messagesOf(r.errors)).toEqual(['“异地转诊人员”备案不接受个人承诺书，请提供认定材料', '请提供具有转诊资质的定点医疗机构开具的转诊转院材料']);
  });

  it('Ganzhou reminds the operator that a commitment must be followed by the materials [003_f7ec7151fcfbcf96.txt 二]', () => {
    const r = evaluate('ganzhou-2019', { ...person, type: 'resident_work', startDate: '2026-03-02', details: longTermDetails, materials: ['filing_form', 'personal_commitment'] });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ message: '先备案后承诺的，请提醒参保人在就医地取得材料后及时补充' }));
  });
});

describe('agent (代办人)', () => {
  const draft = { ...person, type: 'referral', startDate: '2026-03-02', details: referralDetails, materials: ['identity', 'filing_form', 'referral_certificate'], filedByAgent: true };

  it('lists every missing agent field at once [002_c36e71247612bdfe.txt 温馨提示; policy-rules.md §3.4 agnter_*]', () => {
    expect(evaluate('sanming', { ...draft, agent: {} }).notice.items).toEqual([
      '请填写代办人姓名',
      '请选择代办人证件类型',
      '请填写代办人证件号码',
      '请填写代办人联系电话',
      '请选择代办人与参保人关系',
    ]);
  });

  it('checks the agent’s ID number and names whose it is [policy-rules.md §3.4; GB 11643]', () => {
    const r = evaluate('sanming', { ...draft, agent: { ...agent, certNo: `${agent.certNo.slice(0, 17)}${agent.certNo.endsWith('0') ? '1' : '0'}`, phone: '12' } });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'agent.certNo', message: '代办人身份证号校验位不正确，请核对第18位' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'agent.phone', message: '代办人联系电话：手机号应为1开头的11位数字，请核对' }));
  });

  it('refuses the insured person as their own agent [policy-rules.md §3.4]', () => {
    const r = evaluate('sanming', { ...draft, agent: { ...agent, certNo: person.certNo.toLowerCase() } });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'agent.certNo', message: '代办人证件号码与参保人相同：本人办理时请取消“代办”' }));
  });

  it('accepts a complete agent [002_c36e71247612bdfe.txt 温馨提示]', () => {
    expect(evaluate('sanming', { ...draft, agent }).errors).toEqual([]);
  });
});

describe('emergency dates', () => {
  const draft = { ...person, type: 'emergency', details: emergencyDetails, materials: ['identity', 'filing_form'] };

  it('warns when the filing starts after admission: the stay may not be covered [policy-rules.md §2.2; 003_f7ec7151fcfbcf96.txt 四]', () => {
    const r = evaluate('national-2022', { ...draft, startDate: '2026-10-02' }, '2026-10-02');
    expect(r.errors).toEqual([]);
    expect(fieldsOf(r.warnings)).toContain('startDate');
  });

  it('refuses an admission date after today [003_f7ec7151fcfbcf96.txt 附件1 入院时间]', () => {
    const r = evaluate('national-2022', { ...draft, startDate: '2026-09-29' }, '2026-09-28');
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'details.admissionDate', message: '入院（就诊）日期（2026-09-29）不能晚于今天（2026-09-28）' }));
  });

  it('tells the operator that emergencies count as filed [policy-rules.md §2.2 经办规程第34条; 002_c36e71247612bdfe.txt 注意事项（1）]', () => {
    const r = evaluate('national-2022', { ...draft, startDate: '2026-09-29' }, '2026-09-30');
    expect(messagesOf(r.warnings)).toContain('急诊抢救无论是否事先备案，跨省联网定点医疗机构入院登记时按规范传送急诊信息即可直接结算（视同已备案）');
  });
});

describe('applied rules returned with the evaluation', () => {
  it.each([
    ['ganzhou-2019', 'referral', { outpatient: 1, inpatient: 1 }, null, '003_f7ec7151fcfbcf96.txt 一(四)'],
    ['ganzhou-2019', 'long_term_residence', null, 12, '003_f7ec7151fcfbcf96.txt 一(四)'],
    ['national-2022', 'long_term_residence', null, 6, 'policy-rules.md §2.2'],
    ['hefei-2019', 'referral', null, null, '000_bc84ff0b7039e793.txt 附件1 6'],
  ] as const)('%s %s: settlement limit %j, lock %s months [%s]', (id, type, settlementLimit, changeLockMonths, _source) => {
    expect(evaluate(id, { type }).policy).toMatchObject({ settlementLimit, changeLockMonths });
  });

  it('Ganzhou long-term filings tell the patient home-region settlement stops [003_f7ec7151fcfbcf96.txt 一(四)]', () => {
    expect(messagesOf(evaluate('ganzhou-2019', { type: 'retired_resettled' }).warnings)).toContain('备案生效后暂停在参保地（赣州）就医购药刷卡结算');
  });

  it('rejects a malformed today as a developer error [shared/domain/time.ts]', () => {
    expect(() => evaluate('national-2022', {}, '2026/03/02')).toThrow(RangeError);
  });
});

describe('contract shapes [architecture.md §3: one declaration, derived views]', () => {
  it('the evaluation parses with its own zod schema, so the contract can carry it [architecture.md §3]', () => {
    const draft = { ...person, type: 'referral', startDate: '2026-12-30', details: referralDetails, channel: 'online' as const };
    const r = evaluate('sanming', draft, '2026-12-30');
    expect(filingEvaluationSchema.parse(r)).toEqual(r);
    expect(filingDraftSchema.parse(draft)).toEqual(draft);
  });

  it('a malformed submission date is an input error, not a crash [002_c36e71247612bdfe.txt 相关事项1]', () => {
    const r = evaluate('sanming', { ...person, type: 'referral', startDate: '2026-03-02', details: referralDetails, channel: 'online', submittedOn: '2026-3-2' });
    expect(r.errors).toContainEqual(expect.objectContaining({ field: 'submittedOn' }));
    expect(r.deadlines).toEqual([]);
  });
});
