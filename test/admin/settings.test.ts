// Institution settings: the name changes freely; code and region only before the first filing,
// or after the warning with an explicit confirmation. Audited with before/after.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFor } from '../../db/repositories/audit';
import { businessDate } from '../../shared/domain/time';
import { referral, setUpDesk, SETUP, type TestDesk } from '../helpers/desk';

let t: TestDesk;
beforeEach(async () => {
  t = await setUpDesk();
});
afterEach(() => t.close());

const base = { name: SETUP.institutionName, code: SETUP.institutionCode, regionCode: SETUP.regionCode };

describe('settings.institution', () => {
  it('renames the institution and audits before/after', async () => {
    const r = await t.desk.dispatch('settings.institution.set', { ...base, name: '演练第二人民医院' }, t.admin);
    expect(r).toMatchObject({ ok: true, value: { institution: { name: '演练第二人民医院' }, filingCount: 0 } });
    const info = await t.desk.dispatch('app.info', {}, null);
    expect(info.ok && info.value.institution?.name).toBe('演练第二人民医院');
    const row = auditFor(t.desk.db.db, 'institution', SETUP.institutionCode).at(-1);
    expect(row).toMatchObject({ action: 'settings.institution', before: { name: SETUP.institutionName }, after: { name: '演练第二人民医院' } });
  });

  it('changes the code freely while there are no filings', async () => {
    const r = await t.desk.dispatch('settings.institution.set', { ...base, code: 'H34010100002' }, t.admin);
    expect(r).toMatchObject({ ok: true, value: { institution: { code: 'H34010100002' } } });
  });

  it('warns before changing code or region once filings exist, and changes them when confirmed', async () => {
    await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
    const filed = await t.desk.dispatch('filing.create', referral({ startDate: businessDate(new Date()) }), t.admin);
    expect(filed.ok).toBe(true);
    const refused = await t.desk.dispatch('settings.institution.set', { ...base, regionCode: '340200' }, t.admin);
    expect(refused).toMatchObject({ ok: false, code: 'BUSINESS_RULE', fields: { confirmIdentityChange: '请确认已知晓修改机构编码或区划的影响' } });
    if (!refused.ok) expect(refused.message).toContain('已有1条备案');
    const confirmed = await t.desk.dispatch('settings.institution.set', { ...base, regionCode: '340200', confirmIdentityChange: true }, t.admin);
    expect(confirmed).toMatchObject({ ok: true, value: { institution: { regionCode: '340200' }, filingCount: 1 } });
  });

  it('still renames without confirmation when filings exist', async () => {
    await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
    await t.desk.dispatch('filing.create', referral({ startDate: businessDate(new Date()) }), t.admin);
    expect((await t.desk.dispatch('settings.institution.set', { ...base, name: '新名称医院' }, t.admin)).ok).toBe(true);
  });

  it('checks the code format with a Chinese message', async () => {
    const r = await t.desk.dispatch('settings.institution.set', { ...base, code: '12345' }, t.admin);
    expect(r).toMatchObject({ ok: false, fields: { code: '定点医疗机构编码应为H加11位数字（如H34010100001），请核对' } });
  });
});
