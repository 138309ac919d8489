// The simulator's fixed world: persons, institutions, dictionaries and a diagnosis catalogue.
// Everything is invented: names carry 演练/测试 flavour, phones are 1380000xxxx, addresses are
// 演练路. ID numbers are valid GB 11643 numbers built here (check character computed), not real ones.
import { idCardCheckChar } from '../../../shared/domain/idcard';

export interface SimInsurance {
  /** National insutype code (310, 390, 340, ...). */
  insutype: string;
  insuredRegion: string;
  personType: string;
  /** psn_insu_stas: '1' normal, '2' paused. */
  status: '1' | '2';
  since: string;
  pausedSince: string | null;
  civilServant: boolean;
  employer: string | null;
  balance: number;
}

export interface SimPerson {
  personNo: string;
  name: string;
  certNo: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string;
  address: string;
  /** Token accepted as a medical-insurance e-voucher (mdtrt_cert_type 01). */
  eVoucher: string;
  /** Social-security card number (mdtrt_cert_type 03); card_sn must be non-empty. */
  socialCardNo: string;
  insurances: SimInsurance[];
  /** What the person is there for, for test and training authors. */
  note: string;
}

function idNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth.replaceAll('-', '')}${sequence}`;
  return first17 + idCardCheckChar(first17);
}

function person(
  n: number,
  p: Omit<SimPerson, 'personNo' | 'certNo' | 'eVoucher' | 'socialCardNo' | 'phone' | 'address'> & { idRegion: string; seq: string; city: string },
): SimPerson {
  const { idRegion, seq, city, ...rest } = p;
  const certNo = idNumber(idRegion, p.birthDate, seq);
  const home = p.insurances[0]!.insuredRegion;
  return {
    ...rest,
    personNo: `${home}${String(n).padStart(14, '0')}`,
    certNo,
    eVoucher: `EV${certNo.slice(-8)}${String(n).padStart(4, '0')}`,
    socialCardNo: `S${certNo.slice(0, 6)}${String(n).padStart(8, '0')}`,
    // 1380000xxxx: the invented number range, one per person (n < 10 000).
    phone: `1380000${String(n).padStart(4, '0')}`,
    address: `${city}演练路${n}号`,
  };
}

const normal = (insutype: string, insuredRegion: string, since: string, employer: string | null, extra: Partial<SimInsurance> = {}): SimInsurance => ({
  insutype,
  insuredRegion,
  personType: insutype === '390' ? '1501' : '1101',
  status: '1',
  since,
  pausedSince: null,
  civilServant: false,
  employer,
  balance: 1234.5,
  ...extra,
});

/** The hand-written persons, each there for one case (see their notes). */
export const SIM_NAMED_PERSONS: readonly SimPerson[] = [
  person(1, {
    name: '王演练', sex: 'male', birthDate: '1965-03-14', idRegion: '340102', seq: '123', city: '合肥市',
    insurances: [normal('310', '340100', '1998-07-01', '合肥演练机械厂')],
    note: '合肥职工医保，常规转诊',
  }),
  person(2, {
    name: '李训练', sex: 'female', birthDate: '1978-11-02', idRegion: '340104', seq: '246', city: '合肥市',
    insurances: [normal('390', '340100', '2010-01-01', null)],
    note: '合肥居民医保',
  }),
  person(3, {
    name: '刘测试', sex: 'male', birthDate: '1958-06-30', idRegion: '360702', seq: '311', city: '赣州市',
    insurances: [normal('390', '360700', '2012-01-01', null)],
    note: '赣州居民医保，跨省转诊',
  }),
  person(4, {
    name: '陈模拟', sex: 'female', birthDate: '1970-09-18', idRegion: '350402', seq: '422', city: '三明市',
    insurances: [normal('310', '350400', '1995-03-01', '三明演练纺织公司')],
    note: '三明职工医保',
  }),
  person(5, {
    name: '孔示例', sex: 'male', birthDate: '1952-01-09', idRegion: '370811', seq: '535', city: '济宁市',
    insurances: [normal('310', '370800', '1990-05-01', '济宁演练煤矿（退休）')],
    note: '济宁职工医保（退休），异地安置',
  }),
  person(6, {
    name: '周双保', sex: 'female', birthDate: '1985-04-21', idRegion: '360702', seq: '642', city: '合肥市',
    insurances: [normal('310', '340100', '2015-08-01', '合肥演练软件公司'), normal('390', '360700', '2009-01-01', null)],
    note: '两条参保记录：合肥职工 + 赣州居民；须按险种选择参保地',
  }),
  person(7, {
    name: '赵离休', sex: 'male', birthDate: '1930-10-01', idRegion: '340103', seq: '711', city: '合肥市',
    insurances: [normal('340', '340100', '1985-01-01', '合肥演练离休干部管理处')],
    note: '离休人员（340），接收方系统代码 LXXT',
  }),
  person(8, {
    name: '孙暂停', sex: 'male', birthDate: '1990-12-12', idRegion: '340111', seq: '851', city: '合肥市',
    insurances: [normal('310', '340100', '2016-01-01', '合肥演练商贸公司', { status: '2', pausedSince: '2025-06-01' })],
    note: '参保暂停：备案被拒绝',
  }),
];

/** Insured regions of the generated persons, with the ID-number region and city they live in. */
const GENERATED_HOMES = [
  { insuredRegion: '340100', idRegion: '340102', city: '合肥市' },
  { insuredRegion: '340100', idRegion: '340104', city: '合肥市' },
  { insuredRegion: '360700', idRegion: '360702', city: '赣州市' },
  { insuredRegion: '350400', idRegion: '350402', city: '三明市' },
  { insuredRegion: '370800', idRegion: '370811', city: '济宁市' },
] as const;
const GENERATED_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GENERATED_FLAVOUR = '演练测试模拟训例';
const GENERATED_GIVEN = '安宁平和康乐明华志强秀英建国玉兰桂芳文';

/** Three characters, distinct for the first 20 x 8 x 20 persons: surname, a 演练-flavoured character, a given name. */
function generatedName(i: number): string {
  const s = GENERATED_SURNAMES.length;
  const f = GENERATED_FLAVOUR.length;
  return `${GENERATED_SURNAMES[i % s]}${GENERATED_FLAVOUR[Math.floor(i / s) % f]}${GENERATED_GIVEN[Math.floor(i / (s * f)) % GENERATED_GIVEN.length]}`;
}
/** How many persons are generated beyond the hand-written ones (phones stay within 1380000xxxx). */
export const SIM_GENERATED_COUNT = 2_000;

/**
 * Generated persons, the same on every run: enough distinct insured persons for long tests (a
 * 200-filing outage, a 200-kill crash soak, a 10 000-filing replay benchmark), each with one normal
 * insurance so any of them can file. IDs are valid GB 11643 numbers (sequence odd for male, even for
 * female; birth dates spread over 1940–1999 so no two persons share one).
 */
function generatedPersons(first: number, count: number): SimPerson[] {
  const out: SimPerson[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = first + i;
    const home = GENERATED_HOMES[i % GENERATED_HOMES.length]!;
    const sex = i % 2 === 0 ? 'male' : 'female';
    // A distinct (birth date, sequence) per person: the day walks through the calendar in steps coprime to its length.
    const birth = new Date(Date.UTC(1940, 0, 1) + ((i * 7_919) % 21_900) * 86_400_000).toISOString().slice(0, 10);
    const seq = String(100 + ((i * 2) % 800) + (sex === 'male' ? 1 : 0)).padStart(3, '0');
    const residents = i % 3 === 1;
    out.push(
      person(n, {
        name: generatedName(i),
        sex,
        birthDate: birth,
        idRegion: home.idRegion,
        seq,
        city: home.city,
        insurances: [normal(residents ? '390' : '310', home.insuredRegion, '2005-01-01', residents ? null : `${home.city.slice(0, 2)}演练企业${(i % 50) + 1}号`)],
        note: '生成的参保人（职工或居民医保，参保正常），供大批量备案的测试使用',
      }),
    );
  }
  return out;
}

/** Everyone the simulator knows: the hand-written persons first, then the generated ones. */
export const SIM_PERSONS: readonly SimPerson[] = [...SIM_NAMED_PERSONS, ...generatedPersons(SIM_NAMED_PERSONS.length + 1, SIM_GENERATED_COUNT)];
const PERSONS_BY_NO = new Map(SIM_PERSONS.map((p) => [p.personNo, p]));

export interface SimInstitution {
  code: string;
  name: string;
  uscc: string;
  /** fixmedins_type: '1' medical institution, '2' retail pharmacy. */
  type: '1' | '2';
  level: string;
}

function institution(code: string, name: string, type: '1' | '2' = '1', level = '三级甲等'): SimInstitution {
  return { code, name, uscc: `12${code.slice(1, 7)}MB${code.slice(7)}XY`.slice(0, 18), type, level };
}

/** The institution a training desk is set up as, when it has no real one. */
export const SIM_DESK_INSTITUTION = { code: 'H34010200001', name: '合肥演练第一人民医院', regionCode: '340100' } as const;

export const SIM_INSTITUTIONS: readonly SimInstitution[] = [
  institution(SIM_DESK_INSTITUTION.code, SIM_DESK_INSTITUTION.name),
  institution('H34010400002', '合肥演练中医院', '1', '三级乙等'),
  institution('H11010500001', '北京演练肿瘤医院'),
  institution('H11010200003', '北京演练心血管病医院'),
  institution('H31010400001', '上海演练胸科医院'),
  institution('H32010600001', '南京演练人民医院'),
  institution('H33010600001', '杭州演练妇产医院'),
  institution('H36070200001', '赣州演练人民医院'),
  institution('H35040200001', '三明演练第一医院'),
  institution('H37081100001', '济宁演练附属医院'),
  institution('H44010400001', '广州演练肿瘤医院'),
  institution('P34010200003', '合肥演练大药房', '2', ''),
];

export interface SimDictionaryEntry {
  value: string;
  label: string;
  parent?: string;
}

const REFL_TYPE: SimDictionaryEntry[] = [
  { value: '1', label: '转外省就医' },
  { value: '2', label: '省内跨统筹区转诊' },
  { value: '3', label: '转上级医院' },
  { value: '4', label: '恶性肿瘤放化疗等分疗程' },
];

/** Dictionaries by type, national defaults; `SIM_REGIONAL_DICTIONARIES` adds a region's own values. */
export const SIM_DICTIONARIES: Record<string, SimDictionaryEntry[]> = {
  refl_type: REFL_TYPE,
  hosp_agre_refl_flag: [
    { value: '1', label: '同意' },
    { value: '0', label: '不同意' },
  ],
  insutype: [
    { value: '310', label: '职工基本医疗保险' },
    { value: '320', label: '公务员医疗补助' },
    { value: '330', label: '大额医疗费用补助' },
    { value: '340', label: '离休人员医疗保障' },
    { value: '390', label: '城乡居民基本医疗保险' },
  ],
  psn_cert_type: [
    { value: '01', label: '居民身份证（户口簿）' },
    { value: '90', label: '社会保障卡' },
    { value: '99', label: '其他身份证件' },
  ],
  mdtrt_cert_type: [
    { value: '01', label: '医保电子凭证' },
    { value: '02', label: '居民身份证' },
    { value: '03', label: '社会保障卡' },
  ],
  out_flag: [
    { value: '0', label: '否' },
    { value: '1', label: '是' },
  ],
  // Stand-in (docs/platform.md): the out-of-area kind sent in rloc_rea.
  rloc_rea: [
    { value: '1', label: '异地安置退休' },
    { value: '2', label: '异地长期居住' },
    { value: '3', label: '常驻异地工作' },
    { value: '4', label: '其他临时外出就医' },
  ],
};

export const SIM_REGIONAL_DICTIONARIES: Record<string, Record<string, SimDictionaryEntry[]>> = {
  '360700': { refl_type: [...REFL_TYPE, { value: '5', label: '省内定点医院转诊（赣州）' }] },
};

export function simDictionary(type: string, region: string): SimDictionaryEntry[] | undefined {
  return SIM_REGIONAL_DICTIONARIES[region]?.[type] ?? SIM_DICTIONARIES[type];
}

/** A small ICD-10 (国家医保版) diagnosis catalogue. */
export const SIM_DIAGNOSES: readonly { code: string; name: string }[] = [
  { code: 'C34.900', name: '肺恶性肿瘤' },
  { code: 'C50.900', name: '乳腺恶性肿瘤' },
  { code: 'C16.900', name: '胃恶性肿瘤' },
  { code: 'C22.000', name: '肝细胞癌' },
  { code: 'C92.000', name: '急性髓样白血病' },
  { code: 'I21.900', name: '急性心肌梗死' },
  { code: 'I63.900', name: '脑梗死' },
  { code: 'I50.900', name: '心力衰竭' },
  { code: 'N18.500', name: '慢性肾脏病5期' },
  { code: 'K35.800', name: '急性阑尾炎' },
  { code: 'J18.900', name: '肺炎' },
  { code: 'S06.500', name: '创伤性硬脑膜下出血' },
];

export function findPerson(personNo: string): SimPerson | undefined {
  return PERSONS_BY_NO.get(personNo);
}

export function findInstitution(code: string): SimInstitution | undefined {
  return SIM_INSTITUTIONS.find((i) => i.code === code);
}
