// Contact phone: a mainland mobile number (11 digits starting 1[3-9]) or a landline with
// area code (0 + 2-3 digits, optional hyphen, 7-8 digits, optional extension).
export type PhoneCheck = { ok: true; value: string } | { ok: false; message: string };

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

export function checkPhone(raw: string): PhoneCheck {
  const value = raw.trim().replace(/\s+/g, '');
  if (value === '') return { ok: false, message: '请填写联系电话' };
  if (MOBILE.test(value) || LANDLINE.test(value)) return { ok: true, value };
  if (/^1\d*$/.test(value)) return { ok: false, message: '手机号应为1开头的11位数字，请核对' };
  return { ok: false, message: '联系电话格式不正确：请填写11位手机号，或带区号的固定电话（如0551-12345678）' };
}
