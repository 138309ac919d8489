// The simulator's world is large enough for the queue's long tests (a 200-filing outage, a 200-kill
// soak, the replay benchmark) and the same on every run.
import { describe, expect, it } from 'vitest';
import { checkIdCard } from '../../shared/domain/idcard';
import { findPerson, SIM_GENERATED_COUNT, SIM_NAMED_PERSONS, SIM_PERSONS } from '../../main/platform/sim/seed';
import { DISTINCT_REFERRALS, simReferral } from './sim';

describe("the simulator's world", () => {
  it('keeps the hand-written persons first and adds the generated ones after them', () => {
    expect(SIM_PERSONS.slice(0, SIM_NAMED_PERSONS.length)).toEqual(SIM_NAMED_PERSONS);
    expect(SIM_PERSONS).toHaveLength(SIM_NAMED_PERSONS.length + SIM_GENERATED_COUNT);
    expect(SIM_PERSONS[0]).toMatchObject({ name: '王演练', phone: '13800000001', address: '合肥市演练路1号' });
  });

  it('gives every generated person a valid, distinct ID number that agrees with sex and birth date', () => {
    const generated = SIM_PERSONS.slice(SIM_NAMED_PERSONS.length);
    for (const p of generated) {
      const check = checkIdCard(p.certNo);
      expect(check.ok, p.certNo).toBe(true);
      if (check.ok) expect(check.info).toMatchObject({ birthDate: p.birthDate, sex: p.sex });
    }
    expect(new Set(SIM_PERSONS.map((p) => p.certNo)).size).toBe(SIM_PERSONS.length);
    expect(new Set(SIM_PERSONS.map((p) => p.personNo)).size).toBe(SIM_PERSONS.length);
    expect(new Set(SIM_PERSONS.map((p) => p.phone)).size).toBe(SIM_PERSONS.length);
  });

  it('uses only invented phones (1380000xxxx) and 演练路 addresses', () => {
    expect(SIM_PERSONS.every((p) => /^1380000\d{4}$/.test(p.phone))).toBe(true);
    expect(SIM_PERSONS.every((p) => /^\S+市演练路\d+号$/.test(p.address))).toBe(true);
  });

  it('is the same on every run: the generated persons are fixed by their number', () => {
    const first = SIM_PERSONS[SIM_NAMED_PERSONS.length]!;
    expect(first).toMatchObject({ personNo: '34010000000000000009', name: '王演安', phone: '13800000009', birthDate: '1940-01-01', sex: 'male' });
    expect(findPerson(first.personNo)).toBe(first);
    expect(findPerson(SIM_PERSONS.at(-1)!.personNo)).toBe(SIM_PERSONS.at(-1));
  });

  it('offers at least 200 distinct referrals, each for its own person', () => {
    expect(DISTINCT_REFERRALS).toBeGreaterThanOrEqual(2_000);
    const persons = new Set(Array.from({ length: 200 }, (_, n) => simReferral(n).details.personNo));
    expect(persons.size).toBe(200);
    expect(() => simReferral(DISTINCT_REFERRALS)).toThrow(/distinct referrals/);
  });
});
