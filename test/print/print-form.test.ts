// The A4 print DTO: every value formatted for paper, dates in CST, the full ID number, tick-box
// states per template, the serial / 待上传平台 rule, and blank-safe reading of `details`.
import { describe, expect, it } from 'vitest';
import { FILING_TYPES, type FilingDetail } from '../../shared/domain/filing';
import {
  buildPrintForm,
  DEFAULT_COPY_LABELS,
  PRINT_FIELD_KEYS,
  printedFieldValues,
  UPLOAD_MARK,
} from '../../shared/domain/print/form';
import { maskName, paperDate, paperDateLoose } from '../../shared/domain/print/format';
import { defaultPrintTemplate, PRINT_TEMPLATE_IDS } from '../../shared/domain/print/templates';
import { filingOf, printInputOf } from './fixtures';

function dtoOf(filing: FilingDetail, printedAt = new Date('2026-11-24T01:05:00Z')) {
  return buildPrintForm(printInputOf(filing, { printedAt }));
}

describe('dates on paper are China Standard Time calendar dates', () => {
  it('runs under a zone far from Shanghai (the suite sets America/Los_Angeles)', () => {
    expect(new Date('2026-11-23T12:00:00Z').getTimezoneOffset()).not.toBe(-480);
  });

  it('prints 经办日期 of a filing saved at 17:30 UTC as the next day in China', () => {
    const dto = dtoOf(filingOf('referral', { createdAt: '2026-11-23T17:30:00.000Z' }));
    expect(dto.fields.filingDate.value).toBe('2026年11月24日');
  });

  it('prints the print time in CST, even when it is still the previous day in UTC', () => {
    const dto = dtoOf(filingOf('referral'), new Date('2026-11-23T16:30:00Z'));
    expect(dto.printedAt).toBe('2026-11-24 00:30');
    expect(dto.printedDate).toBe('2026年11月24日');
  });

  it('prints calendar dates (start, end) without shifting them', () => {
    const dto = dtoOf(filingOf('cancer_multi_course', { startDate: '2026-01-01', endDate: '2026-12-31' }));
    expect(dto.fields.startDate.value).toBe('2026年01月01日');
    expect(dto.fields.endDate.value).toBe('2026年12月31日');
  });

  it('reads an admission timestamp in CST and leaves free text as typed', () => {
    expect(paperDateLoose('2026-11-19T20:00:00Z')).toBe('2026年11月20日');
    expect(paperDateLoose('2026-11-20')).toBe('2026年11月20日');
    expect(paperDateLoose('11月20日夜间')).toBe('11月20日夜间');
    expect(paperDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('person', () => {
  it('carries the full ID number on the A4 form, which the patient signs', () => {
    const filing = filingOf('referral');
    expect(dtoOf(filing).fields.certNo.value).toBe(filing.certNo);
  });

  it('labels the number by certificate type', () => {
    expect(dtoOf(filingOf('referral')).fields.certNo.label).toBe('身份证号');
    expect(dtoOf(filingOf('referral', { certType: 'social_security_card' })).fields.certNo.label).toBe('社会保障卡号');
  });

  it('masks names for slips on whole characters', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('赵𠮷祥')).toBe('赵*祥');
    expect(maskName('𠮷')).toBe('*');
    expect(maskName('  ')).toBe('');
  });
});

describe('referral details as the desk stores them today', () => {
  const dto = dtoOf(filingOf('referral'));

  it('formats diagnosis, referral kind, reason, phone and destination for paper', () => {
    expect(dto.fields.diagnosis.value).toBe('右肺上叶恶性肿瘤（C34.100）');
    expect(dto.fields.referralKind.value).toBe('转外省就医');
    expect(dto.fields.referralReason.value).toBe('本院无条件开展相关靶向联合免疫治疗，转上级医院进一步诊治');
    expect(dto.fields.phone.value).toBe('13800138000');
    expect(dto.fields.destination.value).toBe('上海市');
    expect(dto.fields.destinationHospital.value).toBe('复旦大学附属肿瘤医院（H31010400018）');
  });

  it('prints an unknown referral kind as stored', () => {
    const filing = filingOf('referral', { details: { ...filingOf('referral').details, referralKind: '99' } });
    expect(dtoOf(filing).fields.referralKind.value).toBe('99');
  });

  it('prefers the stored destination label, then the region code, then the code in details', () => {
    expect(dtoOf(filingOf('referral', { destinationLabel: '上海市（本级）' })).fields.destination.value).toBe('上海市（本级）');
    expect(dtoOf(filingOf('referral', { destinationRegion: null, details: { destinationRegion: '340100' } })).fields.destination.value).toBe('安徽省 合肥市');
    expect(dtoOf(filingOf('referral', { destinationRegion: null, details: {} })).fields.destination.value).toBe('');
  });

  it('leaves an open end date to settlement for a referral and 长期 for long-term filings', () => {
    expect(dtoOf(filingOf('referral')).fields.endDate.value).toBe('出院结算时确定');
    expect(dtoOf(filingOf('retired_resettled')).fields.endDate.value).toBe('长期');
  });
});

describe('details are read defensively', () => {
  it.each(FILING_TYPES)('%s with empty details prints blank lines, not undefined', (type) => {
    const dto = dtoOf(filingOf(type, { details: {} }));
    for (const key of PRINT_FIELD_KEYS) expect(typeof dto.fields[key].value).toBe('string');
    expect(dto.fields.diagnosis.value).toBe('');
    expect(dto.fields.caseSummary.value).toBe('');
    expect(dto.fields.agentName.value).toBe('');
    expect(JSON.stringify(dto)).not.toMatch(/undefined|NaN|\[object/);
  });

  it('survives values of the wrong type', () => {
    const dto = dtoOf(
      filingOf('emergency', {
        details: { phone: 13800138000, caseSummary: null, diagnosisName: { x: 1 }, admissionDate: 5, agent: ['张晓'], reason: Number.NaN },
      }),
    );
    expect(dto.fields.phone.value).toBe('13800138000');
    expect(dto.fields.caseSummary.value).toBe('');
    expect(dto.fields.diagnosis.value).toBe('');
    expect(dto.fields.admissionDate.value).toBe('5');
    expect(dto.fields.agentName.value).toBe('');
    expect(dto.fields.reason.value).toBe('');
  });

  it('accepts the agent as an object or as a name', () => {
    const full = dtoOf(filingOf('emergency'));
    expect([full.fields.agentName.value, full.fields.agentRelation.value, full.fields.agentPhone.value]).toEqual(['张晓', '子女', '13912345678']);
    const nameOnly = dtoOf(filingOf('emergency', { details: { agent: ' 张晓 ' } }));
    expect(nameOnly.fields.agentName.value).toBe('张晓');
    expect(nameOnly.fields.agentCertNo.value).toBe('');
  });

  it('prints the long-term fields when present', () => {
    const dto = dtoOf(filingOf('retired_resettled'));
    expect(dto.fields.destinationAddress.value).toBe('海南省三亚市吉阳区迎宾路88号阳光小区3栋1单元502室');
    expect(dto.fields.reason.value).toBe('退休后随子女异地安置，户籍已迁入三亚市');
    expect(dto.fields.postalCode.value).toBe('572000');
  });

  it('lists only non-blank values as what must be on paper', () => {
    const dto = dtoOf(filingOf('referral', { details: {} }));
    const keys = printedFieldValues(dto).map((f) => f.key);
    expect(keys).toContain('personName');
    expect(keys).not.toContain('diagnosis');
  });
});

describe('serial and upload mark', () => {
  it('labels the local number 本地编号 and marks 待上传平台 while not uploaded', () => {
    const dto = dtoOf(filingOf('referral', { uploadState: 'pending', platformSerial: null, localNo: '20261123-0007' }));
    expect(dto.serial).toEqual({ label: '本地编号', value: '20261123-0007' });
    expect(dto.qrText).toBe('20261123-0007');
    expect(dto.uploadMark).toBe(UPLOAD_MARK);
  });

  it('carries the platform serial and no mark on a reprint after upload', () => {
    const dto = dtoOf(filingOf('referral', { uploadState: 'uploaded', platformSerial: 'J3401002026112300000001' }));
    expect(dto.serial).toEqual({ label: '备案流水号', value: 'J3401002026112300000001' });
    expect(dto.qrText).toBe('J3401002026112300000001');
    expect(dto.uploadMark).toBeNull();
  });

  it.each(['uploading', 'uncertain', 'rejected'] as const)('keeps the mark while the filing is %s', (uploadState) => {
    expect(dtoOf(filingOf('referral', { uploadState, platformSerial: null })).uploadMark).toBe(UPLOAD_MARK);
  });

  it('treats "uploaded" without a serial as not on the platform (policy-rules.md §6.5)', () => {
    const dto = dtoOf(filingOf('referral', { uploadState: 'uploaded', platformSerial: null }));
    expect(dto.uploadMark).toBe(UPLOAD_MARK);
    expect(dto.serial.label).toBe('本地编号');
  });

  it('marks a voided filing 已作废 and a revoked one 已撤销', () => {
    expect(dtoOf(filingOf('referral', { status: 'voided' })).statusMark).toBe('已作废');
    const revoked = dtoOf(filingOf('referral', { uploadState: 'cancelled', platformSerial: 'J1' }));
    expect(revoked.statusMark).toBe('已撤销');
    expect(revoked.uploadMark).toBeNull();
  });
});

describe('tick boxes per template', () => {
  it.each(FILING_TYPES)('%s ticks exactly one filing-type and one insurance box on every template', (type) => {
    const dto = dtoOf(filingOf(type));
    for (const id of PRINT_TEMPLATE_IDS) {
      expect(dto.ticks[id].filingType.filter((b) => b.checked)).toHaveLength(1);
      expect(dto.ticks[id].insuranceType.filter((b) => b.checked)).toHaveLength(1);
    }
  });

  it('ticks 转诊转院 on the Jiangxi form for the cancer subtype and names the subtype', () => {
    const box = dtoOf(filingOf('cancer_multi_course')).ticks.jiangxi.filingType.find((b) => b.checked);
    expect(box).toEqual({ label: '转诊转院', checked: true, note: '恶性肿瘤放化疗等分疗程多次住院人员' });
  });

  it('adds a ticked box for a type the printed form has no box for', () => {
    const jx = dtoOf(filingOf('temporary_other')).ticks.jiangxi.filingType;
    expect(jx.map((b) => b.label)).toEqual(['异地安置退休', '异地长期居住', '常驻异地工作', '转诊转院', '异地急诊', '其他临时外出就医人员']);
    expect(jx.at(-1)?.checked).toBe(true);
    const hefeiInsurance = dtoOf(filingOf('referral', { insuranceType: 'retired_cadre' })).ticks.hefei.insuranceType;
    expect(hefeiInsurance.filter((b) => b.checked).map((b) => b.label)).toEqual(['离休人员医疗保障']);
  });

  it('ticks the Jiangxi 参保类型 by insurance type', () => {
    const checked = (insuranceType: FilingDetail['insuranceType']) =>
      dtoOf(filingOf('referral', { insuranceType })).ticks.jiangxi.insuranceType.find((b) => b.checked)?.label;
    expect([checked('employee'), checked('resident'), checked('retired_cadre')]).toEqual(['城镇职工', '城乡居民', '离休人员']);
  });
});

describe('copies and templates', () => {
  it('prints a copy for the insured person and one for the hospital by default', () => {
    expect(dtoOf(filingOf('referral')).copyLabels).toEqual(DEFAULT_COPY_LABELS);
    expect(DEFAULT_COPY_LABELS).toEqual(['参保人留存联', '医院留存联']);
    const custom = buildPrintForm(printInputOf(filingOf('referral'), { copyLabels: ['患者联', '存根联'] }));
    expect(custom.copyLabels).toEqual(['患者联', '存根联']);
  });

  it('defaults to the Hefei form in Hefei, the Jiangxi form in Jiangxi, the national form elsewhere', () => {
    expect(defaultPrintTemplate('340100')).toBe('hefei');
    expect(defaultPrintTemplate('340104')).toBe('hefei');
    expect(defaultPrintTemplate('341100')).toBe('national');
    expect(defaultPrintTemplate('360700')).toBe('jiangxi');
    expect(defaultPrintTemplate('369900')).toBe('jiangxi');
    expect(defaultPrintTemplate('110000')).toBe('national');
  });
});
