import { describe, expect, it } from 'vitest';
import { createReferralRequest } from '../../shared/domain/filing';
import { mapFailure, pathOf } from '../../renderer/src/api/fieldErrors';
import { validate } from '../../renderer/src/api/validate';

const formFields = new Set(['certNo', 'personName', 'details.phone', 'details.destinationRegion']);

describe('field errors', () => {
  it('maps the dispatcher\'s dotted paths onto antd field names', () => {
    const mapped = mapFailure(
      {
        ok: false,
        code: 'INVALID_REQUEST',
        message: '请修改以下2项后再提交',
        fields: { 'details.phone': '手机号应为1开头的11位数字，请核对', certNo: '身份证号校验位不正确，请核对第18位' },
      },
      (dotted) => formFields.has(dotted),
    );
    expect(mapped.fields).toEqual([
      { name: ['details', 'phone'], errors: ['手机号应为1开头的11位数字，请核对'] },
      { name: ['certNo'], errors: ['身份证号校验位不正确，请核对第18位'] },
    ]);
    expect(mapped.unplaced).toEqual([]);
  });

  it('keeps messages for paths the form does not have, for the alert', () => {
    const mapped = mapFailure(
      { ok: false, code: 'INVALID_REQUEST', message: 'x', fields: { _: '请求内容为空', type: '备案类型不正确' } },
      (dotted) => formFields.has(dotted),
    );
    expect(mapped.fields).toEqual([]);
    expect(mapped.unplaced).toEqual(['请求内容为空', '备案类型不正确']);
  });

  it('reads numeric path segments as list indexes', () => {
    expect(pathOf('attachments.0.name')).toEqual(['attachments', 0, 'name']);
  });

  it('reports local validation with the same paths and Chinese messages the server uses', () => {
    const result = validate(createReferralRequest, {
      type: 'referral',
      insuranceType: 'employee',
      certType: 'id_card',
      certNo: '110105194912310021',
      personName: '张三',
      startDate: '2026-01-05',
      details: { destinationRegion: '310000', diagnosisName: '肺恶性肿瘤', referralKind: '1', referralReason: '本院无放疗条件', phone: '1380013' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('INVALID_REQUEST');
    expect(result.fields).toEqual({
      'details.phone': '手机号应为1开头的11位数字，请核对',
      certNo: '身份证号校验位不正确，请核对第18位',
    });
    expect(result.message).toBe('请修改以下2项后再提交：手机号应为1开头的11位数字，请核对；身份证号校验位不正确，请核对第18位');
  });
});
