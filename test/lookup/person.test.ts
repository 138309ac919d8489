// person.lookup: 1101 through the simulator, and the fallback to manual entry when the platform cannot be asked.
import { describe, expect, it } from 'vitest';
import { PLATFORM_UNAVAILABLE_MESSAGE } from '../../shared/contract/areas/lookup';
import { businessDateTime } from '../../shared/domain/time';
import type { Simulator } from '../../main/platform/sim/server';
import { lookupDesk, type LookupDesk, simPerson, simulatorPerFile } from './helpers';

let sim: Simulator;
let t: LookupDesk;

simulatorPerFile((started) => (sim = started), () => t);

describe('person.lookup', () => {
  it('returns the person and every insurance row by ID number', async () => {
    t = await lookupDesk(sim);
    const p = simPerson('周双保');
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: p.certNo.toLowerCase() }, t.operator);
    expect(r.ok && r.value).toMatchObject({
      personNo: p.personNo,
      name: '周双保',
      certNo: p.certNo,
      sex: 'female',
      birthDate: '1985-04-21',
      insurances: [
        { insuranceType: 'employee', insuranceTypeCode: '310', insuredRegion: '340100', status: '1', statusLabel: '正常参保' },
        { insuranceType: 'resident', insuranceTypeCode: '390', insuredRegion: '360700', status: '1', statusLabel: '正常参保' },
      ],
    });
  });

  it('finds the person by e-voucher and by social-security card with its card serial', async () => {
    t = await lookupDesk(sim);
    const p = simPerson('王演练');
    const byVoucher = await t.desk.dispatch('person.lookup', { certType: 'e_voucher', number: p.eVoucher }, t.operator);
    expect(byVoucher.ok && byVoucher.value.personNo).toBe(p.personNo);
    const byCard = await t.desk.dispatch('person.lookup', { certType: 'social_security_card', number: p.socialCardNo, cardSerial: 'A1B2C3' }, t.operator);
    expect(byCard.ok && byCard.value.name).toBe('王演练');
  });

  it('shows a paused insurance with its status label', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('孙暂停').certNo }, t.operator);
    expect(r.ok && r.value.insurances[0]).toMatchObject({ status: '2', statusLabel: '暂停参保' });
  });

  it('refuses an ID number whose check digit is wrong, naming the digit, without asking the platform', async () => {
    t = await lookupDesk(sim);
    const good = simPerson('王演练').certNo;
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const before = sim.inspect.exchanges({ infno: '1101' }).length;
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: bad }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', message: '身份证号校验位不正确，请核对第18位', fields: { number: expect.any(String) } });
    expect(sim.inspect.exchanges({ infno: '1101' }).length).toBe(before);
  });

  it('asks for the card serial when looking up by social-security card without it', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('person.lookup', { certType: 'social_security_card', number: simPerson('王演练').socialCardNo }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { cardSerial: expect.stringContaining('卡识别码') } });
  });

  it('says NOT_FOUND with the platform message for a person the platform does not know', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: '11010519491231002X' }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringContaining('未查询到该人员') });
  });

  it('falls back to manual entry (PLATFORM_UNAVAILABLE) when the platform refuses connections', async () => {
    t = await lookupDesk(sim);
    sim.faults.set({ down: { mode: 'refuse' } });
    await sim.settled();
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('王演练').certNo }, t.operator);
    expect(r).toEqual({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: PLATFORM_UNAVAILABLE_MESSAGE });
  });

  it('falls back when the platform answers with a gateway error (outcome unknown)', async () => {
    t = await lookupDesk(sim);
    sim.faults.set({ httpError: { status: 502 } });
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('王演练').certNo }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: PLATFORM_UNAVAILABLE_MESSAGE });
  });

  it('falls back without a request while a maintenance window is open', async () => {
    t = await lookupDesk(sim);
    const now = Date.now();
    const w = await t.desk.dispatch(
      'maintenance.schedule',
      { startsAt: businessDateTime(new Date(now - 60_000)).slice(0, 16), endsAt: businessDateTime(new Date(now + 3_600_000)).slice(0, 16), note: '平台升级' },
      t.admin,
    );
    expect(w.ok).toBe(true);
    const before = sim.inspect.exchanges({ infno: '1101' }).length;
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('王演练').certNo }, t.operator);
    expect(r).toMatchObject({ ok: false, code: 'PLATFORM_UNAVAILABLE' });
    expect(sim.inspect.exchanges({ infno: '1101' }).length).toBe(before);
  });

  it('falls back on a desk with no platform configured', async () => {
    t = await lookupDesk(null);
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('王演练').certNo }, t.operator);
    expect(r).toEqual({ ok: false, code: 'PLATFORM_UNAVAILABLE', message: PLATFORM_UNAVAILABLE_MESSAGE });
  });

  it('needs a session', async () => {
    t = await lookupDesk(sim);
    const r = await t.desk.dispatch('person.lookup', { certType: 'id_card', number: simPerson('王演练').certNo }, null);
    expect(r).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
