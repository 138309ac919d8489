import { describe, expect, it } from 'vitest';
import { addDays, addYears, businessDate, businessDateTime, businessStamp, isIsoDate } from '../../shared/domain/time';

describe('business time is China Standard Time whatever the machine zone', () => {
  it('runs under a zone far from Shanghai (the suite sets America/Los_Angeles)', () => {
    expect(new Date('2026-11-23T12:00:00Z').getTimezoneOffset()).not.toBe(-480);
  });

  it('puts 2026-11-23 16:30 UTC on the next CST day', () => {
    const at = new Date('2026-11-23T16:30:00Z');
    expect(businessDate(at)).toBe('2026-11-24');
    expect(businessDateTime(at)).toBe('2026-11-24 00:30:00');
    expect(businessStamp(at)).toBe('20261124003000');
  });

  it('stamps the Hefei cut-over start (2021-11-30 18:00 CST) exactly', () => {
    expect(businessDateTime(new Date('2021-11-30T10:00:00Z'))).toBe('2021-11-30 18:00:00');
  });

  it('uses 00 not 24 for the midnight hour', () => {
    expect(businessDateTime(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02 00:00:00');
  });
});

describe('calendar dates', () => {
  it('rejects impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds a year and maps 29 February to 28 February', () => {
    expect(addYears('2026-11-23', 1)).toBe('2027-11-23');
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
  });
});
