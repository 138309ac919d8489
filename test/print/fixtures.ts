// Synthetic filings, one per filing type, with the details each type carries (referral details as
// the desk stores them today; the fields other types will add: destinationAddress, reason,
// admissionDate, caseSummary, agent …). All people, numbers and places are made up.
import { FILING_TYPES, type FilingDetail, type FilingType } from '../../shared/domain/filing';
import { idCardCheckChar } from '../../shared/domain/idcard';
import type { PrintInput } from '../../shared/domain/print/form';

export function idNumber(first17: string): string {
  return first17 + idCardCheckChar(first17);
}

const SUMMARY_SENTENCES = [
  '患者因“反复咳嗽、咳痰伴痰中带血2月余”入院，胸部增强CT提示右肺上叶占位（约3.2cm×2.8cm），纵隔淋巴结肿大。',
  '支气管镜活检病理示：（右上叶）腺癌；EGFR基因检测19外显子缺失突变阳性。',
  '入院后完善头颅MRI、骨扫描及腹部超声，未见远处转移征象，临床分期cT2aN2M0（ⅢA期）。',
  '经多学科会诊，建议行新辅助治疗后评估手术可能，本院暂不具备相关靶向联合免疫治疗临床研究条件。',
  '患者既往有高血压病史10年，规律服用苯磺酸氨氯地平片，血压控制可；否认糖尿病、冠心病史。',
  '现一般情况可，ECOG评分1分，生命体征平稳，家属及本人要求转上级医院进一步诊治。',
];

/** A 病情摘要 long enough to run past one page in the narrow cells (about 1,300 characters). */
export const LONG_SUMMARY = Array.from({ length: 5 }, (_, i) => SUMMARY_SENTENCES.map((s) => s).join('') + `（第${i + 1}次病程记录摘录）`).join('\n');

export const AGENT = { name: '张晓', relation: '子女', certNo: idNumber('34010419880612402'), phone: '13912345678' };

const DETAILS: Record<FilingType, Record<string, unknown>> = {
  referral: {
    destinationRegion: '310000',
    diagnosisCode: 'C34.100',
    diagnosisName: '右肺上叶恶性肿瘤',
    referralKind: '1',
    referralReason: '本院无条件开展相关靶向联合免疫治疗，转上级医院进一步诊治',
    phone: '13800138000',
    caseSummary: LONG_SUMMARY,
    destinationHospitalName: '复旦大学附属肿瘤医院',
    destinationHospitalCode: 'H31010400018',
  },
  cancer_multi_course: {
    destinationRegion: '320100',
    diagnosisCode: 'C50.900',
    diagnosisName: '乳腺恶性肿瘤',
    referralKind: '1',
    referralReason: '术后需定期放化疗，分疗程多次住院',
    phone: '13705511234',
    caseSummary: LONG_SUMMARY,
    agent: AGENT,
  },
  emergency: {
    destinationRegion: '440300',
    diagnosisName: '急性ST段抬高型心肌梗死',
    admissionDate: '2026-11-20',
    caseSummary: LONG_SUMMARY,
    phone: '0551-62345678',
    agent: AGENT,
  },
  retired_resettled: {
    destinationRegion: '460200',
    destinationAddress: '海南省三亚市吉阳区迎宾路88号阳光小区3栋1单元502室',
    reason: '退休后随子女异地安置，户籍已迁入三亚市',
    phone: '13966778899',
    workUnit: '合肥市某机械厂（已退休）',
    address: '海南省三亚市吉阳区迎宾路88号',
    postalCode: '572000',
  },
  long_term_residence: {
    destinationRegion: '330100',
    destinationAddress: '浙江省杭州市西湖区文三路100号',
    reason: '在杭州居住已满6个月，持有居住证',
    phone: '15055667788',
    chronicDiseaseHospital: '浙江大学医学院附属第一医院',
  },
  resident_work: {
    destinationRegion: '110000',
    destinationAddress: '北京市朝阳区建国路甲1号',
    reason: '单位派驻北京分公司工作，派驻期两年',
    phone: '18655001122',
    workUnit: '安徽某建设集团有限公司',
  },
  temporary_other: {
    destinationRegion: '420100',
    reason: '外出探亲期间需持续门诊治疗',
    diagnosisName: '2型糖尿病',
    caseSummary: '血糖控制欠佳，需在就医地继续门诊随访。',
    phone: '13355667788',
  },
};

const NAMES: Record<FilingType, string> = {
  referral: '张三丰',
  cancer_multi_course: '李秀英',
  emergency: '王建国',
  retired_resettled: '欧阳娜娜',
  long_term_residence: '陈静',
  resident_work: '刘洋',
  temporary_other: '赵𠮷祥',
};

const UPLOADED: Record<FilingType, boolean> = {
  referral: false,
  cancer_multi_course: true,
  emergency: false,
  retired_resettled: true,
  long_term_residence: false,
  resident_work: true,
  temporary_other: false,
};

export function filingOf(type: FilingType, overrides: Partial<FilingDetail> = {}): FilingDetail {
  const index = FILING_TYPES.indexOf(type);
  const uploaded = UPLOADED[type];
  const details = DETAILS[type];
  const destinationRegion = typeof details.destinationRegion === 'string' ? details.destinationRegion : null;
  return {
    id: `f-${type}`,
    localNo: `20261123-${String(index + 1).padStart(4, '0')}`,
    type,
    insuranceType: index % 3 === 0 ? 'employee' : index % 3 === 1 ? 'resident' : 'retired_cadre',
    certType: 'id_card',
    certNo: idNumber(`34010419560315${String(index + 11).padStart(3, '0')}`),
    certNoMasked: '',
    personName: NAMES[type],
    destinationRegion,
    destinationLabel: null,
    startDate: '2026-11-23',
    endDate: type === 'cancer_multi_course' ? '2027-11-22' : null,
    status: 'active',
    uploadState: uploaded ? 'uploaded' : 'pending',
    platformSerial: uploaded ? `J34010020261123${String(index + 1).padStart(8, '0')}` : null,
    createdBy: 'op-1',
    // 17:30 UTC is already the next day in China: the form must say 2026年11月24日.
    createdAt: '2026-11-23T17:30:00.000Z',
    updatedAt: '2026-11-23T17:30:00.000Z',
    details,
    ...overrides,
  };
}

export function printInputOf(filing: FilingDetail, overrides: Partial<PrintInput> = {}): PrintInput {
  return {
    filing,
    institution: { code: 'H34010400012', name: '合肥市第一人民医院', regionCode: '340104' },
    operator: { displayName: '周文' },
    printedAt: new Date('2026-11-24T01:05:00.000Z'),
    ...overrides,
  };
}
