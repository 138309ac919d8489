import { describe, expect, it } from 'vitest';
import { checkIdCard, idCardCheckChar, maskIdNumber } from '../../shared/domain/idcard';
import { checkPhone } from '../../shared/domain/phone';
import { nameInitials } from '../../shared/domain/pinyin';
import { checkDestinationRegion, isKnownRegionCode, regionLabel } from '../../shared/domain/regions';
import { createReferralRequest } from '../../shared/domain/filing';

describe('GB 11643 ID numbers', () => {
  it('accepts a valid number with X check character and reads birth date and sex', () => {
    const r = checkIdCard('11010519491231002x');
    expect(r).toEqual({ ok: true, info: { regionCode: '110105', birthDate: '1949-12-31', sex: 'female' } });
  });

  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // 4·7+4·9+0·10+5·5+2·8+4·4+1·2+8·1+8·6+0·3+0·7+1·9+0·10+1·5+0·8+0·4+1·2 = 195; 195 mod 11 = 8 -> '4'
    expect(idCardCheckChar('44052418800101001')).toBe('4');
    expect(idCardCheckChar('11010519491231002')).toBe('X');
  });

  it('names the 18th digit when the check character is wrong', () => {
    expect(checkIdCard('110105194912310021')).toEqual({ ok: false, message: '身份证号校验位不正确，请核对第18位' });
  });

  it('names the length when it is not 18', () => {
    expect(checkIdCard('1101051949123100')).toMatchObject({ ok: false, message: expect.stringContaining('18位') });
  });

  it('names the birth date when it does not exist', () => {
    expect(checkIdCard('110105194902300027')).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('contact phone', () => {
  it('accepts mobiles and landlines with area code', () => {
    expect(checkPhone('138 0000 0000')).toEqual({ ok: true, value: '13800000000' });
    expect(checkPhone('0551-12345678')).toEqual({ ok: true, value: '0551-12345678' });
  });

  it('explains what a mobile number must look like', () => {
    expect(checkPhone('1380000000')).toMatchObject({ ok: false, message: expect.stringContaining('11位') });
    expect(checkPhone('12345')).toMatchObject({ ok: false });
    expect(checkPhone('')).toEqual({ ok: false, message: '请填写联系电话' });
  });
});

describe('regions', () => {
  it('files the municipalities at province level', () => {
    expect(checkDestinationRegion('310000')).toEqual({ ok: true });
    expect(checkDestinationRegion('310100')).toMatchObject({ ok: false, message: expect.stringContaining('省级') });
  });

  it('files other provinces at prefecture level', () => {
    expect(checkDestinationRegion('340100')).toEqual({ ok: true });
    expect(checkDestinationRegion('340000')).toMatchObject({ ok: false, message: expect.stringContaining('地市') });
    expect(checkDestinationRegion('340102')).toMatchObject({ ok: false });
  });

  it('lets a profile add Hainan as province-level', () => {
    expect(checkDestinationRegion('460000', ['110000', '120000', '310000', '500000', '460000'])).toEqual({ ok: true });
  });

  it('drops development-zone pseudo-codes and HK/MO/TW', () => {
    expect(isKnownRegionCode('340171')).toBe(false);
    expect(isKnownRegionCode('810000')).toBe(false);
    expect(isKnownRegionCode('340104')).toBe(true);
  });

  it('accepts pooling pseudo-codes and labels them', () => {
    expect(isKnownRegionCode('339900')).toBe(true);
    expect(regionLabel('339900')).toBe('浙江省（本级）');
    expect(regionLabel('340100')).toBe('安徽省 合肥市');
    expect(regionLabel('310000')).toBe('上海市');
  });
});

describe('pinyin initials', () => {
  it('handles polyphones', () => {
    expect(nameInitials('张三丰')).toBe('zsf');
    expect(nameInitials('重庆')).toBe('cq');
  });
});

describe('referral request', () => {
  it('lists every problem at once, including the ID check digit', () => {
    const r = createReferralRequest.safeParse({ type: 'referral', certType: 'id_card', certNo: '110105194912310021', details: {} });
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['insuranceType', 'personName', 'startDate', 'certNo', 'details.destinationRegion', 'details.phone']));
  });

  it('does not apply the ID check to a social-security card number', () => {
    const r = createReferralRequest.safeParse({
      type: 'referral', insuranceType: 'resident', certType: 'social_security_card', certNo: 'A12345678', personName: '李四', startDate: '2026-11-23',
      details: { destinationRegion: '320100', diagnosisName: '冠心病', referralKind: '2', referralReason: '需上级医院介入治疗', phone: '13900000000' },
    });
    expect(r.success).toBe(true);
  });
});
