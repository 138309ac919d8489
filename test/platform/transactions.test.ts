// Contract tests: every transaction through the adapter against the simulator, the happy path and
// the platform's rejections, over real sockets.
import { afterEach, describe, expect, it } from 'vitest';
import { businessDateTime } from '../../shared/domain/time';
import { GUANGDONG_XTIF, NATIONAL_DEFAULT } from '../../main/platform/profiles';
import { chooseInsurance } from '../../main/platform/tx/person';
import { Harness, INSTITUTION, OPERATOR, person, referralFor, TEST_PROFILE } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

async function setup(simOptions: Parameters<Harness['sim']>[0] = {}, clientOptions: Parameters<Harness['client']>[2] = {}) {
  const sim = await h.sim(simOptions);
  const desk = await h.desk();
  return { sim, desk, client: h.client(desk, sim, clientOptions) };
}

describe('9001/9002 sign-in and sign-out', () => {
  it('signs in and returns the platform sign_no', async () => {
    const { client, sim } = await setup();
    const r = await client.signIn(OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.value?.signNo).toMatch(/^\d{20}[0-9a-f]{10}$/);
    expect(sim.inspect.stats().signIns).toBe(1);
  });

  it('is refused for an operator the platform has not registered, as an auth outcome', async () => {
    const { client } = await setup({ behaviour: { operators: ['someone-else'] } });
    const r = await client.signIn(OPERATOR);
    expect(r.outcome).toBe('auth');
    expect(r.message).toContain('未在医保平台登记');
  });

  it('signs out, and the next call signs in again first', async () => {
    const { client, sim } = await setup();
    await client.ensureSignedIn(OPERATOR);
    expect((await client.signOut(OPERATOR)).outcome).toBe('ok');
    const r = await client.queryInstitutions({ name: '演练' }, OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(sim.inspect.exchanges({ infno: '9001' })).toHaveLength(2);
  });
});

describe('1101 person info', () => {
  it('finds a person by ID number with every insurance row', async () => {
    const { client } = await setup();
    const who = person('周双保');
    const r = await client.queryPerson({ certType: 'id_card', certNo: who.certNo }, OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.value).toMatchObject({ personNo: who.personNo, name: '周双保', certNo: who.certNo, sex: 'female', birthDate: '1985-04-21' });
    expect(r.value?.insurances.map((i) => [i.insuranceTypeCode, i.insuredRegion])).toEqual([
      ['310', '340100'],
      ['390', '360700'],
    ]);
  });

  it('chooses the insurance row by type, whose region then goes in the envelope', async () => {
    const { client, sim } = await setup();
    const who = person('周双保');
    const found = (await client.queryPerson({ certType: 'id_card', certNo: who.certNo }, OPERATOR)).value!;
    const resident = chooseInsurance(found, 'resident')!;
    expect(resident.insuredRegion).toBe('360700');
    const r = await client.fileReferral(referralFor(who, { insuranceType: 'resident', insuredRegion: resident.insuredRegion }), OPERATOR);
    expect(r.outcome).toBe('ok');
    const sent = sim.inspect.exchanges({ infno: '2501' }).at(-1)!.envelope!;
    expect(sent.insuplc_admdvs).toBe('360700');
    expect((sent.input as { refmedin: Record<string, string> }).refmedin.insutype).toBe('390');
  });

  it('finds a person by social-security card and by e-voucher', async () => {
    const { client } = await setup();
    const who = person('王演练');
    const byCard = await client.queryPerson({ certType: 'social_security_card', certNo: who.socialCardNo, cardSerial: 'CARD0001' }, OPERATOR);
    const byVoucher = await client.queryPerson({ certType: 'e_voucher', certNo: who.eVoucher }, OPERATOR);
    expect(byCard.value?.personNo).toBe(who.personNo);
    expect(byVoucher.value?.personNo).toBe(who.personNo);
  });

  it('is rejected for an unknown ID number', async () => {
    const { client } = await setup();
    const r = await client.queryPerson({ certType: 'id_card', certNo: '110101199003074514' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('未查询到该人员');
  });

  it('is rejected for a social-security card without its card serial', async () => {
    const { client } = await setup();
    const r = await client.queryPerson({ certType: 'social_security_card', certNo: person('王演练').socialCardNo }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('card_sn');
  });

  it('is rejected when the name does not match the ID number', async () => {
    const { client } = await setup();
    const r = await client.queryPerson({ certType: 'id_card', certNo: person('王演练').certNo, name: '李训练' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('姓名');
  });
});

describe('1201 institutions', () => {
  it('finds institutions by name with their region', async () => {
    const { client } = await setup();
    const r = await client.queryInstitutions({ name: '肿瘤' }, OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.value?.map((i) => i.code).sort()).toEqual(['H11010500001', 'H44010400001']);
    expect(r.value?.find((i) => i.code === 'H11010500001')).toMatchObject({ kind: 'medical', region: '110105', level: '三级甲等' });
  });

  it('filters by region on the code', async () => {
    const { client } = await setup();
    const r = await client.queryInstitutions({ name: '演练', region: '110000' }, OPERATOR);
    expect(r.value?.map((i) => i.code).sort()).toEqual(['H11010200003', 'H11010500001']);
  });

  it('finds pharmacies only when asked for them', async () => {
    const { client } = await setup();
    const r = await client.queryInstitutions({ name: '大药房', kind: 'pharmacy' }, OPERATOR);
    expect(r.value).toEqual([expect.objectContaining({ code: 'P34010200003', kind: 'pharmacy' })]);
    expect((await client.queryInstitutions({ name: '大药房' }, OPERATOR)).value).toEqual([]);
  });

  it('is rejected without a code or a name', async () => {
    const { client } = await setup();
    const r = await client.queryInstitutions({}, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('至少输入');
  });
});

describe('1901 dictionaries', () => {
  it('loads a dictionary for a region and caches it per region', async () => {
    const { client } = await setup();
    const ganzhou = await client.queryDictionary('refl_type', '360700', OPERATOR);
    const hefei = await client.queryDictionary('refl_type', '340100', OPERATOR);
    expect(ganzhou.value).toMatchObject({ source: 'platform', region: '360700' });
    expect(ganzhou.value?.entries.map((e) => e.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(hefei.value?.entries.map((e) => e.value)).toEqual(['1', '2', '3', '4']);
    expect(client.cachedDictionary('refl_type', '360700')).toMatchObject({ source: 'cache', entries: ganzhou.value?.entries });
  });

  it('serves the cached dictionary while the platform cannot be reached, with the failure class kept', async () => {
    const { client, sim } = await setup();
    await client.queryDictionary('hosp_agre_refl_flag', '340100', OPERATOR);
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const r = await client.queryDictionary('hosp_agre_refl_flag', '340100', OPERATOR);
    expect(r.outcome).toBe('not_sent');
    expect(r.value).toMatchObject({ source: 'cache' });
    expect(r.value?.entries.map((e) => e.label)).toEqual(['同意', '不同意']);
  });

  it('falls back to built-in values, marked as such, when nothing was ever downloaded', async () => {
    const { client, sim } = await setup();
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const r = await client.queryDictionary('refl_type', '340100', OPERATOR);
    expect(r.outcome).toBe('not_sent');
    expect(r.value?.source).toBe('fallback');
    expect(r.value?.fetchedAt).toBeNull();
    expect(client.cachedDictionary('no_such_type', '340100')).toBeNull();
  });

  it('is rejected for an unknown dictionary type', async () => {
    const { client } = await setup();
    const r = await client.queryDictionary('no_such_type', '340100', OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('不存在');
    expect(r.value).toBeUndefined();
  });
});

describe('2501 referral filing', () => {
  it('files a referral and returns the serial the platform recorded', async () => {
    const { client, sim } = await setup();
    const who = person('王演练');
    const r = await client.fileReferral(referralFor(who), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.value?.serial).toMatch(/^340100\d{24}$/);
    const recorded = sim.inspect.referrals(who.personNo);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ serial: r.value?.serial, msgid: r.msgid, target: 'H11010500001', status: 'active' });
  });

  it('rejects a second active referral of the same person to the same institution', async () => {
    const { client, sim } = await setup();
    const who = person('王演练');
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('ok');
    const again = await client.fileReferral(referralFor(who), OPERATOR);
    expect(again.outcome).toBe('rejected');
    expect(again.message).toContain('请勿重复备案');
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(1);
  });

  it('accepts a referral of the same person to another institution', async () => {
    const { client } = await setup();
    const who = person('王演练');
    await client.fileReferral(referralFor(who), OPERATOR);
    const other = await client.fileReferral(
      referralFor(who, { destinationInstitutionCode: 'H31010400001', destinationInstitutionName: '上海演练胸科医院', destinationRegion: '310000' }),
      OPERATOR,
    );
    expect(other.outcome).toBe('ok');
  });

  it.each([
    ['a diagnosis outside the catalogue', { diagnosisCode: 'Z99.999' }, '不在医保疾病诊断目录'],
    ['no diagnosis code', { diagnosisCode: undefined }, 'diag_code（诊断代码）不能为空'],
    ['an unknown destination', { destinationInstitutionCode: 'H11010599999' }, '不存在'],
    ['a destination name that does not match', { destinationInstitutionName: '北京某医院' }, '名称与编号'],
    ['a destination region that does not match', { destinationRegion: '310000' }, '与转往机构所在地不符'],
    ['its own institution as destination', { destinationInstitutionCode: INSTITUTION.code, destinationInstitutionName: INSTITUTION.name, destinationRegion: '340100' }, '不能是本机构'],
    ['a referral kind outside the dictionary', { referralKind: '9' }, '不在字典refl_type中'],
    ['an end date before the start date', { endDate: '2026-03-01' }, '结束日期不能早于开始日期'],
    ['an invalid date', { referralDate: '2026-02-30' }, 'refl_date（转院日期）格式应为yyyy-MM-dd'],
    ['a wrong insured region', { insuredRegion: '360700' }, '参保地医保区划[360700]与人员参保信息不符'],
    ['an insurance type the person does not have here', { insuranceType: 'resident' }, '险种类型[390]'],
    ['a reason over 100 characters', { referralReason: '因'.repeat(101) }, '长度不能超过100'],
  ] as const)('is rejected for %s', async (_name, overrides, message) => {
    const { client, sim } = await setup();
    const who = person('王演练');
    const r = await client.fileReferral(referralFor(who, overrides), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain(message);
    expect(sim.inspect.referrals(who.personNo)).toHaveLength(0);
  });

  it('is rejected for a person whose insurance is paused', async () => {
    const { client } = await setup();
    const r = await client.fileReferral(referralFor(person('孙暂停')), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('参保状态非正常');
  });

  it('is rejected for an unknown person number', async () => {
    const { client } = await setup();
    const r = await client.fileReferral(referralFor(person('王演练'), { personNo: '34010099999999999999' }), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('人员编号[34010099999999999999]不存在');
  });

  it('sends recer_sys_code LXXT for a 离休 (340) person', async () => {
    const { client, sim } = await setup();
    const r = await client.fileReferral(referralFor(person('赵离休')), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(sim.inspect.exchanges({ infno: '2501' }).at(-1)!.envelope!.recer_sys_code).toBe('LXXT');
  });
});

describe('2501A referral variant (per-province option)', () => {
  const withOldVisit = { ...TEST_PROFILE, referral: { infno: '2501A', extra: 'refl_old_mdtrt_id' } } as const;
  const withUsedFlag = { ...TEST_PROFILE, referral: { infno: '2501A', extra: 'refl_used_flag' } } as const;

  it('sends 2501A with refl_old_mdtrt_id', async () => {
    const { client, sim } = await setup({}, { profile: withOldVisit });
    const r = await client.fileReferral(referralFor(person('王演练'), { previousVisitId: 'MDTRT202603010001' }), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.infno).toBe('2501A');
    const sent = sim.inspect.exchanges({ infno: '2501A' }).at(-1)!.envelope!.input as { refmedin: Record<string, string> };
    expect(sent.refmedin.refl_old_mdtrt_id).toBe('MDTRT202603010001');
  });

  it('is rejected without the previous visit id the province requires', async () => {
    const { client } = await setup({}, { profile: withOldVisit });
    const r = await client.fileReferral(referralFor(person('王演练')), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('refl_old_mdtrt_id');
  });

  it('sends 2501A with refl_used_flag where the province wants that instead', async () => {
    const { client, sim } = await setup({ behaviour: { referralAExtra: 'refl_used_flag' } }, { profile: withUsedFlag });
    const r = await client.fileReferral(referralFor(person('王演练')), OPERATOR);
    expect(r.outcome).toBe('ok');
    const sent = sim.inspect.exchanges({ infno: '2501A' }).at(-1)!.envelope!.input as { refmedin: Record<string, string> };
    expect(sent.refmedin.refl_used_flag).toBe('1');
  });

  it('has guangdong-xtif use 2501A and national-default use 2501', () => {
    expect(GUANGDONG_XTIF.referral.infno).toBe('2501A');
    expect(NATIONAL_DEFAULT.referral.infno).toBe('2501');
  });
});

describe('2502 referral cancellation', () => {
  it('cancels a filing, after which the same referral can be filed again', async () => {
    const { client, sim } = await setup();
    const who = person('王演练');
    const filed = await client.fileReferral(referralFor(who), OPERATOR);
    const r = await client.cancelReferral({ serial: filed.value!.serial, personNo: who.personNo, insuredRegion: '340100', reason: '患者放弃转院' }, OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(sim.inspect.referrals(who.personNo)[0]).toMatchObject({ status: 'cancelled', cancelReason: '患者放弃转院' });
    expect((await client.fileReferral(referralFor(who), OPERATOR)).outcome).toBe('ok');
  });

  it('is rejected for an unknown serial', async () => {
    const { client } = await setup();
    const who = person('王演练');
    const r = await client.cancelReferral({ serial: '340100202603020000000000000099', personNo: who.personNo, insuredRegion: '340100', reason: '录入错误' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('不存在');
  });

  it('is rejected when cancelled twice', async () => {
    const { client } = await setup();
    const who = person('王演练');
    const serial = (await client.fileReferral(referralFor(who), OPERATOR)).value!.serial;
    const cancel = { serial, personNo: who.personNo, insuredRegion: '340100', reason: '录入错误' };
    await client.cancelReferral(cancel, OPERATOR);
    const again = await client.cancelReferral(cancel, OPERATOR);
    expect(again.outcome).toBe('rejected');
    expect(again.message).toContain('已撤销');
  });

  it('is rejected when the serial belongs to another person', async () => {
    const { client } = await setup();
    const serial = (await client.fileReferral(referralFor(person('王演练')), OPERATOR)).value!.serial;
    const other = person('李训练');
    const r = await client.cancelReferral({ serial, personNo: other.personNo, insuredRegion: '340100', reason: '录入错误' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('与人员编号不符');
  });

  it('is rejected when another institution filed it', async () => {
    const sim = await h.sim();
    const who = person('王演练');
    const ours = h.client(await h.desk(), sim);
    const theirs = h.client(await h.desk(), sim, { institution: { code: 'H34010400002', name: '合肥演练中医院', regionCode: '340100' } });
    const serial = (await theirs.fileReferral(referralFor(who), OPERATOR)).value!.serial;
    const r = await ours.cancelReferral({ serial, personNo: who.personNo, insuredRegion: '340100', reason: '录入错误' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('非本机构');
  });
});

describe('5304 referral query', () => {
  it('lists the person\'s active referrals in the window, without the serial as the V1.0 output does', async () => {
    const { client } = await setup();
    const who = person('王演练');
    const from = businessDateTime(new Date(Date.now() - 60_000));
    await client.fileReferral(referralFor(who), OPERATOR);
    const r = await client.queryReferrals({ personNo: who.personNo, insuredRegion: '340100', from, to: businessDateTime(new Date(Date.now() + 60_000)) }, OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.value).toHaveLength(1);
    expect(r.value![0]).toMatchObject({
      personNo: who.personNo,
      personName: '王演练',
      diagnosisCode: 'C34.900',
      destinationInstitutionCode: 'H11010500001',
      referralDate: '2026-03-02',
      startDate: '2026-03-02',
      endDate: null,
      outOfArea: true,
      hospitalAgrees: true,
      operatorName: OPERATOR.name,
      serial: null,
    });
    expect(r.value![0]!.operatedAt >= from).toBe(true);
  });

  it('includes the serial when the simulator is configured like a revision that returns it', async () => {
    const { client } = await setup({ behaviour: { includeSerialIn5304: true } });
    const who = person('王演练');
    const serial = (await client.fileReferral(referralFor(who), OPERATOR)).value!.serial;
    const r = await client.queryReferrals({ personNo: who.personNo, insuredRegion: '340100', from: '2020-01-01 00:00:00', to: '2099-12-31 23:59:59' }, OPERATOR);
    expect(r.value?.map((x) => x.serial)).toEqual([serial]);
  });

  it('leaves out cancelled referrals and referrals outside the window', async () => {
    const { client } = await setup();
    const who = person('王演练');
    const serial = (await client.fileReferral(referralFor(who), OPERATOR)).value!.serial;
    await client.cancelReferral({ serial, personNo: who.personNo, insuredRegion: '340100', reason: '录入错误' }, OPERATOR);
    const all = { personNo: who.personNo, insuredRegion: '340100', from: '2020-01-01 00:00:00', to: '2099-12-31 23:59:59' };
    expect((await client.queryReferrals(all, OPERATOR)).value).toEqual([]);
    await client.fileReferral(referralFor(who), OPERATOR);
    expect((await client.queryReferrals({ ...all, to: '2021-01-01 00:00:00' }, OPERATOR)).value).toEqual([]);
    expect((await client.queryReferrals(all, OPERATOR)).value).toHaveLength(1);
  });

  it('is rejected for a malformed time window', async () => {
    const { client } = await setup();
    const r = await client.queryReferrals({ personNo: person('王演练').personNo, insuredRegion: '340100', from: '2026-03-02', to: '2026-03-03 00:00:00' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('begntime');
  });

  it('is rejected for a wrong insured region', async () => {
    const { client } = await setup();
    const r = await client.queryReferrals({ personNo: person('王演练').personNo, insuredRegion: '350400', from: '2020-01-01 00:00:00', to: '2099-12-31 23:59:59' }, OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('参保地医保区划');
  });
});

describe('out-of-area filing (configurable transaction; simulator stand-in OA01)', () => {
  const upload = (overrides = {}) => {
    const who = person('孔示例');
    return {
      personNo: who.personNo,
      insuranceType: 'employee' as const,
      insuredRegion: '370800',
      kind: 'retired_resettled' as const,
      destinationRegion: '440100',
      phone: who.phone,
      address: who.address,
      residenceAddress: '广州市演练路88号',
      reason: '随子女异地安置',
      startDate: '2026-04-01',
      endDate: null,
      ...overrides,
    };
  };

  it('files an out-of-area filing through the profile\'s transaction', async () => {
    const { client, sim } = await setup();
    const r = await client.fileOutOfArea(upload(), OPERATOR);
    expect(r.outcome).toBe('ok');
    expect(r.infno).toBe('OA01');
    const recorded = sim.inspect.outOfArea(person('孔示例').personNo);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ serial: r.value?.serial, target: '440100' });
    expect(recorded[0]!.data).toMatchObject({ rloc_rea: '1', resout_addr: '广州市演练路88号', trafout_fixmedins_code: INSTITUTION.code });
  });

  it('rejects a second overlapping out-of-area filing', async () => {
    const { client } = await setup();
    await client.fileOutOfArea(upload(), OPERATOR);
    const r = await client.fileOutOfArea(upload({ kind: 'temporary_other', destinationRegion: '110000' }), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('请勿重复备案');
  });

  it('rejects a long-term filing without the address away from home', async () => {
    const { client } = await setup();
    const r = await client.fileOutOfArea(upload({ residenceAddress: undefined }), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('resout_addr');
  });

  it('rejects a destination inside the insured pooling area', async () => {
    const { client } = await setup();
    const r = await client.fileOutOfArea(upload({ destinationRegion: '370811' }), OPERATOR);
    expect(r.outcome).toBe('rejected');
    expect(r.message).toContain('同一统筹区');
  });

  it('is not sent where the province offers no such transaction', async () => {
    const { client, sim } = await setup({}, { profile: { ...TEST_PROFILE, outOfArea: null } });
    const r = await client.fileOutOfArea(upload(), OPERATOR);
    expect(r.outcome).toBe('not_sent');
    expect(r.msgid).toBeNull();
    expect(r.message).toContain('参保地经办窗口');
    expect(sim.inspect.stats().requests).toBe(0);
  });
});
