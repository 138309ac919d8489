// Which transaction uploads which filing type is data in the interface profile (profiles.ts `uploads`).
import { describe, expect, it } from 'vitest';
import type { FilingDetail, FilingType } from '../../shared/domain/filing';
import { FILING_TYPES } from '../../shared/domain/filing';
import { GUANGDONG_XTIF, JIANGSU_CSB, NATIONAL_DEFAULT, uploadRouteOf } from '../../main/platform/profiles';
import { filingUploadOf, NOT_REQUIRED_MESSAGE } from '../../main/sync/mapping';

const INSTITUTION = { code: 'H34010200001', name: '合肥演练第一人民医院', regionCode: '340100' };

function filing(type: FilingType, details: Record<string, unknown>): FilingDetail {
  return {
    id: 'f1',
    localNo: 'L1',
    type,
    insuranceType: 'employee',
    certType: 'id_card',
    certNoMasked: '3401**********1234',
    certNo: '340102196503141234',
    personName: '王演练',
    destinationRegion: '310000',
    destinationLabel: '上海市',
    startDate: '2026-11-23',
    endDate: null,
    status: 'active',
    uploadState: 'pending',
    platformSerial: null,
    createdBy: 'u1',
    createdAt: '2026-11-23T02:00:00.000Z',
    updatedAt: '2026-11-23T02:00:00.000Z',
    details: { personNo: '34010000000000000001', insuredRegion: '340100', phone: '13800000001', ...details },
  };
}

describe('upload routes per interface profile', () => {
  it('national-default (with the simulator stand-in) routes every type; referrals and the cancer sub-type as 2501', () => {
    expect(FILING_TYPES.map((t) => [t, uploadRouteOf(NATIONAL_DEFAULT, t)])).toEqual([
      ['retired_resettled', { transaction: 'out_of_area', kind: 'retired_resettled' }],
      ['long_term_residence', { transaction: 'out_of_area', kind: 'long_term_residence' }],
      ['resident_work', { transaction: 'out_of_area', kind: 'resident_work' }],
      ['referral', { transaction: 'referral' }],
      ['emergency', { transaction: 'out_of_area', kind: 'temporary_other' }],
      ['temporary_other', { transaction: 'out_of_area', kind: 'temporary_other' }],
      ['cancer_multi_course', { transaction: 'referral' }],
    ]);
  });

  it('profiles without an out-of-area transaction route only the referral types', () => {
    for (const profile of [GUANGDONG_XTIF, JIANGSU_CSB]) {
      expect(FILING_TYPES.filter((t) => uploadRouteOf(profile, t) !== null)).toEqual(['referral', 'cancer_multi_course']);
    }
  });

  it('a type without a route is kept at the desk, not refused', () => {
    const plan = filingUploadOf(filing('long_term_residence', { address: '上海市演练路1号', reason: '随子女居住' }), INSTITUTION, null);
    expect(plan).toEqual({ ok: false, notRequired: true, message: NOT_REQUIRED_MESSAGE });
  });

  it('maps a long-term filing to the out-of-area upload with its address and reason, fingerprinted for reconciliation', () => {
    const plan = filingUploadOf(filing('resident_work', { address: '上海市演练路1号', reason: '常驻上海工作' }), INSTITUTION, { transaction: 'out_of_area', kind: 'resident_work' });
    expect(plan).toMatchObject({
      ok: true,
      value: {
        transaction: 'out_of_area',
        upload: { kind: 'resident_work', destinationRegion: '310000', residenceAddress: '上海市演练路1号', reason: '常驻上海工作', phone: '13800000001', insuredRegion: '340100' },
        sent: { destinationInstitutionCode: '310000', startDate: '2026-11-23', diagnosisCode: 'resident_work', route: 'out_of_area' },
      },
    });
  });

  it('names the missing address of a long-term filing', () => {
    const plan = filingUploadOf(filing('retired_resettled', { reason: '异地安置' }), INSTITUTION, { transaction: 'out_of_area', kind: 'retired_resettled' });
    expect(plan).toEqual({ ok: false, field: 'address', message: '缺少异地居住地址，请编辑备案后重新提交' });
  });

  it('sends an emergency filing as 临时外出 with its admission date as the reason', () => {
    const plan = filingUploadOf(filing('emergency', { admissionDate: '2026-11-20' }), INSTITUTION, { transaction: 'out_of_area', kind: 'temporary_other' });
    expect(plan).toMatchObject({ ok: true, value: { upload: { kind: 'temporary_other', reason: '异地急诊抢救，入院日期2026-11-20' } } });
  });

  it('takes the destination institution picked from the 1201 list for the cancer sub-type', () => {
    const plan = filingUploadOf(
      filing('cancer_multi_course', {
        diagnosisName: '肺恶性肿瘤',
        referralKind: '1',
        referralReason: '分疗程放化疗',
        destinationInstitution: { code: 'H31010400001', name: '上海演练胸科医院' },
      }),
      INSTITUTION,
      { transaction: 'referral' },
    );
    expect(plan).toMatchObject({ ok: true, value: { transaction: 'referral', upload: { destinationInstitutionCode: 'H31010400001', destinationInstitutionName: '上海演练胸科医院' } } });
  });

  it('carries the previous visit id a 2501A province needs (guangdong-xtif), and leaves it out when not typed', () => {
    const details = { diagnosisName: '肺恶性肿瘤', referralKind: '1', referralReason: '本院无条件', destinationInstitution: { code: 'H44010400001', name: '广州演练肿瘤医院' } };
    const route = uploadRouteOf(GUANGDONG_XTIF, 'referral');
    expect(route).toEqual({ transaction: 'referral', needsPreviousVisit: true });
    const withVisit = filingUploadOf(filing('referral', { ...details, previousVisitId: ' MDTRT202611200001 ' }), INSTITUTION, route);
    expect(withVisit).toMatchObject({ ok: true, value: { upload: { previousVisitId: 'MDTRT202611200001' } } });
    // Not sent without it: the queue settles the entry as 被退回 with this message, naming the field.
    expect(filingUploadOf(filing('referral', details), INSTITUTION, route)).toEqual({
      ok: false,
      field: 'previousVisitId',
      message: '缺少转院前就诊ID（本省医保平台转院备案必填，患者在本院已结算的就诊ID），请编辑备案后重新提交',
    });
    // Plain-2501 provinces neither need nor send it.
    const plain = uploadRouteOf(JIANGSU_CSB, 'referral');
    expect(plain).toEqual({ transaction: 'referral' });
    const sent = filingUploadOf(filing('referral', details), INSTITUTION, plain);
    expect(sent.ok && 'upload' in sent.value ? sent.value.upload : null).not.toHaveProperty('previousVisitId');
  });
});
