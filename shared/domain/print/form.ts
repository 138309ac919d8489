// The print DTO of the A4 备案表: one object built from a filing, with every value already
// formatted for paper, that drives the in-app preview, the printer and the PDF alike
// (architecture.md §6). The A4 form carries the full ID number because the patient signs it;
// the desk slip (slip.ts) masks it.
import { FILING_TYPE_LABELS, REFERRAL_KIND_FALLBACK, UPLOAD_STATE_LABELS, type FilingDetail, type FilingType } from '../filing';
import { CERT_TYPE_LABELS, INSURANCE_TYPE_LABELS, type InsuranceType } from '../insurance';
import { regionLabel } from '../regions';
import { businessDate } from '../time';
import { detailAgent, detailText, type Details } from './details';
import { paperDate, paperDateLoose, paperDateOfTimestamp, paperMinute } from './format';
import { PRINT_TEMPLATE_IDS, TEMPLATE_BOXES, type BoxDefinition, type PrintTemplateId } from './templates';

export const UPLOAD_MARK = '待上传平台';
export const DEFAULT_COPY_LABELS = ['参保人留存联', '医院留存联'] as const;
/** End date of a long-term filing without one (policy-rules.md §2.2: valid indefinitely). */
export const END_DATE_OPEN_LONG_TERM = '长期';
/** End date of a temporary filing without one: set to the discharge date at settlement (seed 000, 3(3)). */
export const END_DATE_AT_SETTLEMENT = '出院结算时确定';

const LONG_TERM_TYPES: readonly FilingType[] = ['retired_resettled', 'long_term_residence', 'resident_work'];

/** Which type-specific block of the form applies to a filing. */
export type PrintSection = 'referral' | 'emergency' | 'long_term' | 'temporary';

export function printSectionOf(type: FilingType): PrintSection {
  if (type === 'referral' || type === 'cancer_multi_course') return 'referral';
  if (type === 'emergency') return 'emergency';
  if (LONG_TERM_TYPES.includes(type)) return 'long_term';
  return 'temporary';
}

export const PRINT_FIELD_KEYS = [
  'personName',
  'certNo',
  'phone',
  'workUnit',
  'address',
  'postalCode',
  'destination',
  'destinationHospital',
  'startDate',
  'endDate',
  'institutionName',
  'institutionCode',
  'diagnosis',
  'referralKind',
  'referralReason',
  'caseSummary',
  'admissionDate',
  'destinationAddress',
  'reason',
  'chronicDiseaseHospital',
  'agentName',
  'agentRelation',
  'agentCertNo',
  'agentPhone',
  'operatorName',
  'filingDate',
] as const;
export type PrintFieldKey = (typeof PRINT_FIELD_KEYS)[number];

/** One value on paper. `value` is '' when the desk has nothing: the form prints a blank line. */
export interface PrintField {
  label: string;
  value: string;
}

export interface TickBox {
  label: string;
  checked: boolean;
  /** Printed after a ticked box that stands for more than one filing type, e.g. the cancer subtype. */
  note?: string;
}

export interface TemplateTicks {
  filingType: TickBox[];
  insuranceType: TickBox[];
}

export interface PrintSerial {
  label: '备案流水号' | '本地编号';
  value: string;
}

export interface PrintFormDto {
  filingId: string;
  filingType: FilingType;
  filingTypeLabel: string;
  insuranceType: InsuranceType;
  insuranceTypeLabel: string;
  section: PrintSection;
  /** 备案类型 and 参保类型 as tick-box states, per template (each form prints its own boxes). */
  ticks: Record<PrintTemplateId, TemplateTicks>;
  fields: Record<PrintFieldKey, PrintField>;
  /** The platform serial once uploaded; the desk's local number, labelled 本地编号, until then. */
  serial: PrintSerial;
  /** What the QR code encodes: the serial value printed beside it. */
  qrText: string;
  /** Set while the filing is not (yet) on the platform; a reprint after upload carries the serial instead. */
  uploadMark: typeof UPLOAD_MARK | null;
  /** A voided or revoked filing must never pass for a valid one on paper. */
  statusMark: '已作废' | '已撤销' | null;
  uploadStateLabel: string;
  copyLabels: readonly [string, string];
  /** `YYYY-MM-DD HH:mm` CST. */
  printedAt: string;
  printedDate: string;
}

export interface PrintInput {
  filing: FilingDetail;
  institution: { code: string; name: string; regionCode: string };
  operator: { displayName: string };
  printedAt: Date;
  copyLabels?: readonly [string, string];
}

function ticksFor<T extends string>(defs: readonly BoxDefinition<T>[], selected: T, selectedLabel: string): TickBox[] {
  const boxes: TickBox[] = defs.map((def) => {
    const checked = def.covers.includes(selected);
    return checked && def.covers.length > 1 ? { label: def.label, checked, note: selectedLabel } : { label: def.label, checked };
  });
  // A value the paper form has no box for still goes on paper, as its own ticked box.
  if (!boxes.some((b) => b.checked)) boxes.push({ label: selectedLabel, checked: true });
  return boxes;
}

function certNoLabel(filing: FilingDetail): string {
  return filing.certType === 'id_card' ? '身份证号' : `${CERT_TYPE_LABELS[filing.certType]}号`;
}

function referralKindText(raw: string): string {
  return REFERRAL_KIND_FALLBACK.find((k) => k.value === raw)?.label ?? raw;
}

function joinNameCode(name: string, code: string): string {
  if (name && code) return `${name}（${code}）`;
  return name || code;
}

function destinationText(filing: FilingDetail, details: Details): string {
  if (filing.destinationLabel) return filing.destinationLabel;
  const code = filing.destinationRegion ?? detailText(details, 'destinationRegion');
  return code ? regionLabel(code) : '';
}

function endDateText(filing: FilingDetail): string {
  if (filing.endDate) return paperDate(filing.endDate);
  return LONG_TERM_TYPES.includes(filing.type) ? END_DATE_OPEN_LONG_TERM : END_DATE_AT_SETTLEMENT;
}

export function serialOf(filing: Pick<FilingDetail, 'platformSerial' | 'localNo'>): PrintSerial {
  return filing.platformSerial ? { label: '备案流水号', value: filing.platformSerial } : { label: '本地编号', value: filing.localNo };
}

/** Not on the platform yet: waiting, sending, unconfirmed, or sent back for a fix. */
export function awaitsUpload(filing: Pick<FilingDetail, 'uploadState' | 'platformSerial'>): boolean {
  return filing.uploadState !== 'cancelled' && !(filing.uploadState === 'uploaded' && filing.platformSerial);
}

export function buildPrintForm(input: PrintInput): PrintFormDto {
  const { filing, institution, operator, printedAt } = input;
  const details: Details = filing.details ?? {};
  const agent = detailAgent(details);
  const diagnosisName = detailText(details, 'diagnosisName');
  const diagnosisCode = detailText(details, 'diagnosisCode');
  const filingTypeLabel = FILING_TYPE_LABELS[filing.type];
  const insuranceTypeLabel = INSURANCE_TYPE_LABELS[filing.insuranceType];

  const fields: Record<PrintFieldKey, PrintField> = {
    personName: { label: '姓名', value: filing.personName.trim() },
    certNo: { label: certNoLabel(filing), value: filing.certNo.trim() },
    phone: { label: '联系电话', value: detailText(details, 'phone') },
    workUnit: { label: '工作单位', value: detailText(details, 'workUnit') },
    address: { label: '通讯地址', value: detailText(details, 'address') },
    postalCode: { label: '邮政编码', value: detailText(details, 'postalCode') },
    destination: { label: '就医地', value: destinationText(filing, details) },
    destinationHospital: {
      label: '就医医疗机构',
      value: joinNameCode(detailText(details, 'destinationHospitalName'), detailText(details, 'destinationHospitalCode')),
    },
    startDate: { label: '开始日期', value: paperDate(filing.startDate) },
    endDate: { label: '终止日期', value: endDateText(filing) },
    institutionName: { label: '经办医疗机构', value: institution.name.trim() },
    institutionCode: { label: '机构编码', value: institution.code.trim() },
    diagnosis: { label: '诊断', value: diagnosisCode && diagnosisName ? `${diagnosisName}（${diagnosisCode}）` : diagnosisName || diagnosisCode },
    referralKind: { label: '异地转诊类型', value: referralKindText(detailText(details, 'referralKind')) },
    referralReason: { label: '异地转诊理由', value: detailText(details, 'referralReason') },
    caseSummary: { label: '病情摘要', value: detailText(details, 'caseSummary') },
    admissionDate: { label: '入院日期', value: paperDateLoose(detailText(details, 'admissionDate')) },
    destinationAddress: { label: '异地居住地址', value: detailText(details, 'destinationAddress') },
    reason: { label: '备案原因', value: detailText(details, 'reason') },
    chronicDiseaseHospital: { label: '门诊特殊慢性病定点医院', value: detailText(details, 'chronicDiseaseHospital') },
    agentName: { label: '代办人姓名', value: agent.name },
    agentRelation: { label: '与参保人关系', value: agent.relation },
    agentCertNo: { label: '代办人证件号码', value: agent.certNo },
    agentPhone: { label: '代办人联系电话', value: agent.phone },
    operatorName: { label: '经办人', value: operator.displayName.trim() },
    filingDate: { label: '经办日期', value: paperDateOfTimestamp(filing.createdAt) },
  };

  const ticks = Object.fromEntries(
    PRINT_TEMPLATE_IDS.map((id) => [
      id,
      {
        filingType: ticksFor(TEMPLATE_BOXES[id].filingType, filing.type, filingTypeLabel),
        insuranceType: ticksFor(TEMPLATE_BOXES[id].insuranceType, filing.insuranceType, insuranceTypeLabel),
      },
    ]),
  ) as Record<PrintTemplateId, TemplateTicks>;

  const serial = serialOf(filing);
  return {
    filingId: filing.id,
    filingType: filing.type,
    filingTypeLabel,
    insuranceType: filing.insuranceType,
    insuranceTypeLabel,
    section: printSectionOf(filing.type),
    ticks,
    fields,
    serial,
    qrText: serial.value,
    uploadMark: awaitsUpload(filing) ? UPLOAD_MARK : null,
    statusMark: filing.status === 'voided' ? '已作废' : filing.uploadState === 'cancelled' ? '已撤销' : null,
    uploadStateLabel: UPLOAD_STATE_LABELS[filing.uploadState],
    copyLabels: input.copyLabels ?? DEFAULT_COPY_LABELS,
    printedAt: paperMinute(printedAt),
    printedDate: paperDate(businessDate(printedAt)),
  };
}

/** The non-blank field values of a DTO: what a template must put on paper. */
export function printedFieldValues(dto: PrintFormDto): { key: PrintFieldKey; label: string; value: string }[] {
  return PRINT_FIELD_KEYS.filter((key) => dto.fields[key].value !== '').map((key) => ({ key, ...dto.fields[key] }));
}
