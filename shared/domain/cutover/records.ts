// One row of an old system's export, read into a historical filing record. Every problem is kept as a
// row error (row number, field, message) so the operator sees why a row was not imported; nothing is
// dropped silently.
import { FILING_TYPE_LABELS, FILING_TYPES, type FilingType } from '../filing';
import { checkIdCard } from '../idcard';
import { INSURANCE_TYPE_LABELS, INSURANCE_TYPES, type CertType, type InsuranceType } from '../insurance';
import { checkPhone } from '../phone';
import { isKnownRegionCode } from '../regions';
import { isIsoDate } from '../time';
import { IMPORT_FIELD_SPECS, type ColumnMapping, type ImportField } from './columns';

export interface HistoricalRecord {
  /** The row in the file as a spreadsheet shows it (the header is row 1). */
  rowNumber: number;
  oldId: string;
  personName: string;
  certType: CertType;
  certNo: string;
  insuranceType: InsuranceType;
  filingType: FilingType;
  filingDate: string;
  endDate: string | null;
  destinationRegion: string | null;
  destinationInstitution: string | null;
  insuredRegion: string | null;
  settled: boolean;
  uploaded: boolean;
  /** The old system's text (低保, 贫困人口, …) or null. */
  specialPopulation: string | null;
  diagnosis: string | null;
  phone: string | null;
}

export interface RowError {
  rowNumber: number;
  /** The import field, or null for a problem with the whole row. */
  field: ImportField | null;
  message: string;
}

/** 低保, 贫困人口 (seed 001 二(一)7(2)②) and the neighbouring categories a person should check too. */
const SPECIAL_POPULATION = /低保|贫困|特困|建档立卡|脱贫|五保/;

export function isSpecialPopulation(text: string | null): boolean {
  return text !== null && SPECIAL_POPULATION.test(text);
}

const TYPE_WORDS: readonly [RegExp, FilingType][] = [
  [/肿瘤|放化疗|分疗程/, 'cancer_multi_course'],
  [/安置|退休/, 'retired_resettled'],
  [/长期居住|异地居住/, 'long_term_residence'],
  [/常驻|工作/, 'resident_work'],
  [/急诊|抢救/, 'emergency'],
  [/转诊|转院/, 'referral'],
  [/临时|其他/, 'temporary_other'],
];

export function parseFilingType(raw: string): FilingType | null {
  const text = raw.trim();
  if ((FILING_TYPES as readonly string[]).includes(text)) return text as FilingType;
  const byLabel = FILING_TYPES.find((t) => FILING_TYPE_LABELS[t] === text);
  if (byLabel) return byLabel;
  return TYPE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

const INSURANCE_WORDS: readonly [RegExp, InsuranceType][] = [
  [/^310$|职工/, 'employee'],
  [/^390$|居民|城乡/, 'resident'],
  [/^340$|离休/, 'retired_cadre'],
];

export function parseInsuranceType(raw: string): InsuranceType | null {
  const text = raw.trim();
  if ((INSURANCE_TYPES as readonly string[]).includes(text)) return text as InsuranceType;
  const byLabel = INSURANCE_TYPES.find((t) => INSURANCE_TYPE_LABELS[t] === text);
  if (byLabel) return byLabel;
  return INSURANCE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** 2021-03-05, 2021/3/5, 2021.3.5, 20210305, 2021年3月5日, with an optional time after it. */
export function parseOldDate(raw: string): string | null {
  const text = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

const YES = new Set(['是', '已结算', '已上传', '1', 'y', 'yes', 'true', '已']);
const NO = new Set(['否', '未结算', '未上传', '0', 'n', 'no', 'false', '未', '无', '']);

export function parseFlag(raw: string): boolean | null {
  const text = raw.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

/** The old system's person number: an ID card number when it looks like one, else a social-security number. */
function parseCert(raw: string): { certType: CertType; certNo: string } | { error: string } {
  const value = raw.trim().replace(/\s+/g, '').toUpperCase();
  if (value === '') return { error: '证件号码为空，请在原系统导出中补齐' };
  if (/^\d{17}[\dX]$/.test(value)) {
    const check = checkIdCard(value);
    return check.ok ? { certType: 'id_card', certNo: value } : { error: check.message };
  }
  if (/^\d{15}$/.test(value)) return { error: '15位旧身份证号请先换算为18位后再导入' };
  if (!/^[0-9A-Z]{6,30}$/.test(value)) return { error: '证件号码只能是字母和数字（6至30位），请核对' };
  return { certType: 'social_security_card', certNo: value };
}

/**
 * Reads one data row through the mapping. Returns the record, or every problem of the row at once.
 * `rowNumber` is the row as the operator's spreadsheet shows it.
 */
export function readRow(cells: readonly string[], mapping: ColumnMapping, rowNumber: number): { record: HistoricalRecord } | { errors: RowError[] } {
  const errors: RowError[] = [];
  const cell = (field: ImportField): string => {
    const index = mapping[field];
    return index === null ? '' : (cells[index] ?? '').trim();
  };
  const fail = (field: ImportField, message: string) => errors.push({ rowNumber, field, message: `${IMPORT_FIELD_SPECS[field].label}：${message}` });
  const required = (field: ImportField): string => {
    const value = cell(field);
    if (value === '') fail(field, '不能为空');
    return value;
  };

  const oldId = required('oldId');
  // The desk's local number for an import is OLD-<old id> (64 characters at most).
  if (oldId.length > 60) fail('oldId', '超过60个字符，请核对是否选错了列');
  const personName = required('personName');
  if (personName.length > 50) fail('personName', '超过50个字，请核对');
  const cert = parseCert(cell('certNo'));
  if ('error' in cert) fail('certNo', cert.error);

  const insuranceRaw = required('insuranceType');
  const insuranceType = insuranceRaw === '' ? null : parseInsuranceType(insuranceRaw);
  if (insuranceRaw !== '' && !insuranceType) fail('insuranceType', `无法识别“${insuranceRaw}”，应为职工医保、居民医保或离休人员医疗保障`);

  const typeRaw = required('filingType');
  const filingType = typeRaw === '' ? null : parseFilingType(typeRaw);
  if (typeRaw !== '' && !filingType) fail('filingType', `无法识别“${typeRaw}”，应为异地转诊、异地长期居住、恶性肿瘤放化疗等备案类型`);

  const dateRaw = required('filingDate');
  const filingDate = dateRaw === '' ? null : parseOldDate(dateRaw);
  if (dateRaw !== '' && !filingDate) fail('filingDate', `“${dateRaw}”不是有效日期，应写作2021-03-05`);

  const endRaw = cell('endDate');
  const endDate = endRaw === '' ? null : parseOldDate(endRaw);
  if (endRaw !== '' && !endDate) fail('endDate', `“${endRaw}”不是有效日期，应写作2021-03-05，或留空`);
  if (filingDate && endDate && endDate < filingDate) fail('endDate', '终止日期早于备案日期，请核对');

  const region = (field: 'destinationRegion' | 'insuredRegion'): string | null => {
    const value = cell(field);
    if (value === '') return null;
    if (!/^\d{6}$/.test(value) || !isKnownRegionCode(value)) {
      fail(field, `“${value}”不是有效的6位行政区划代码`);
      return null;
    }
    return value;
  };
  const destinationRegion = region('destinationRegion');
  const insuredRegion = region('insuredRegion');

  const flag = (field: 'settled' | 'uploaded'): boolean => {
    const raw = cell(field);
    const value = parseFlag(raw);
    if (value === null) fail(field, `无法识别“${raw}”，应为“是/否”或“已${field === 'settled' ? '结算' : '上传'}/未${field === 'settled' ? '结算' : '上传'}”`);
    return value ?? false;
  };
  const settled = flag('settled');
  const uploaded = flag('uploaded');

  const phoneRaw = cell('phone');
  let phone: string | null = null;
  if (phoneRaw !== '') {
    const check = checkPhone(phoneRaw);
    if (check.ok) phone = check.value;
    else fail('phone', check.message);
  }

  const text = (field: ImportField, max: number): string | null => {
    const value = cell(field);
    if (value.length > max) fail(field, `超过${max}个字，请核对`);
    return value === '' ? null : value;
  };
  const destinationInstitution = text('destinationInstitution', 200);
  const diagnosis = text('diagnosis', 100);
  const special = cell('specialPopulation');
  const specialPopulation = special === '' || /^(无|否|一般|普通|正常)$/.test(special) ? null : special;

  if (errors.length > 0 || 'error' in cert || !insuranceType || !filingType || !filingDate) {
    return { errors };
  }
  return {
    record: {
      rowNumber,
      oldId,
      personName,
      certType: cert.certType,
      certNo: cert.certNo,
      insuranceType,
      filingType,
      filingDate,
      endDate,
      destinationRegion,
      destinationInstitution,
      insuredRegion,
      settled,
      uploaded,
      specialPopulation,
      diagnosis,
      phone,
    },
  };
}

export interface ReadResult {
  records: HistoricalRecord[];
  errors: RowError[];
  /** Data rows seen (blank rows are not counted). */
  rowCount: number;
}

/**
 * Reads every data row (rows[0] is the header). Blank rows are skipped; a second row with an old id
 * already seen in the file is an error naming the first.
 */
export function readRows(rows: readonly (readonly string[])[], mapping: ColumnMapping): ReadResult {
  const records: HistoricalRecord[] = [];
  const errors: RowError[] = [];
  const firstRowOf = new Map<string, number>();
  let rowCount = 0;
  rows.forEach((cells, index) => {
    if (index === 0 || cells.every((c) => c.trim() === '')) return;
    rowCount += 1;
    const rowNumber = index + 1;
    const read = readRow(cells, mapping, rowNumber);
    if ('errors' in read) {
      errors.push(...read.errors);
      return;
    }
    const first = firstRowOf.get(read.record.oldId);
    if (first !== undefined) {
      errors.push({ rowNumber, field: 'oldId', message: `原系统编号：与第${first}行重复（${read.record.oldId}），同一记录只能导入一次` });
      return;
    }
    firstRowOf.set(read.record.oldId, rowNumber);
    records.push(read.record);
  });
  return { records, errors, rowCount };
}
