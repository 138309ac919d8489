// Ages, durations, Beijing times and the replay's progress. The tests run in America/Los_Angeles.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatMonthDayTime, formatRate, formatSeconds, formatWaited } from '../../renderer/src/screens/queue/format';
import { advanceReplay, IDLE_REPLAY, notePlatform, replayProgress, type ReplayTracker } from '../../renderer/src/screens/queue/replay';
import { cstInstant, cstPickerValue, cstText, defaultWindow } from '../../renderer/src/components/cstTime';
import { replayLabel } from '../../renderer/src/screens/workspace/QueueStatusBar';

const ago = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

describe('oldest pending age', () => {
  const now = new Date('2026-11-23T06:00:00.000Z');
  it('is coarse under an hour and to the minute beyond', () => {
    expect(formatWaited(ago(now, 0.5), now)).toBe('不到1分钟');
    expect(formatWaited(ago(now, 5.5), now)).toBe('5分钟');
    expect(formatWaited(ago(now, 60), now)).toBe('1小时');
    expect(formatWaited(ago(now, 3 * 60 + 12), now)).toBe('3小时12分');
    expect(formatWaited(ago(now, 26 * 60 + 30), now)).toBe('1天2小时');
    expect(formatWaited(ago(now, 12 * 24 * 60 + 5), now)).toBe('12天');
  });

  it('never goes negative when the clocks disagree, and ignores what is not a time', () => {
    expect(formatWaited(ago(now, -3), now)).toBe('不到1分钟');
    expect(formatWaited('not a time', now)).toBe('');
  });
});

describe('Beijing times on the queue screens', () => {
  it('shows a maintenance end as month, day and time in China, the year only when it differs', () => {
    const now = new Date('2021-12-01T02:00:00.000Z');
    expect(formatMonthDayTime('2021-12-12T00:00:00.000Z', now)).toBe('12月12日 08:00');
    // 2021-12-31 20:00 in Los Angeles is already 2022-01-01 12:00 in Beijing.
    expect(formatMonthDayTime('2022-01-01T04:00:00.000Z', now)).toBe('2022年1月1日 12:00');
  });

  it('shows attempt times with seconds, durations and rates in plain words', () => {
    expect(formatSeconds('2026-11-23T06:05:09.000Z')).toBe('2026-11-23 14:05:09');
    expect(formatSeconds(null)).toBe('—');
    expect(formatDuration(350)).toBe('350毫秒');
    expect(formatDuration(1_234)).toBe('1.2秒');
    expect(formatDuration(2_000)).toBe('2秒');
    expect(formatDuration(125_000)).toBe('2分5秒');
    expect(formatDuration(null)).toBe('—');
    expect(formatRate(134.2)).toBe('约 134 条/分钟');
    expect(formatRate(0.45)).toBe('约 0.5 条/分钟');
  });
});

describe('maintenance pickers in Beijing time', () => {
  it('turns an instant into the Beijing wall clock and back, whatever the machine zone', () => {
    expect(cstText(cstPickerValue('2021-11-30T10:00:00.000Z'))).toBe('2021-11-30 18:00');
    expect(cstInstant('2021-11-30 18:00')).toBe('2021-11-30T10:00:00.000Z');
    expect(cstInstant('2021-12-12 08:00')).toBe('2021-12-12T00:00:00.000Z');
  });

  it('keeps a Beijing time that does not exist on the machine clock (a Los Angeles DST gap)', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles; in Beijing it is an ordinary time.
    const value = cstPickerValue(cstInstant('2026-03-08 02:30'));
    expect(cstText(value)).toBe('2026-03-08 02:30');
    expect(cstText(value.add(1, 'hour'))).toBe('2026-03-08 03:30');
  });

  it('proposes the next full hour in Beijing, for two hours', () => {
    // 2026-11-23 23:40 in Beijing (07:40 in Los Angeles).
    const w = defaultWindow(new Date('2026-11-23T15:40:00.000Z'));
    expect(cstText(w.startsAt)).toBe('2026-11-24 00:00');
    expect(cstText(w.endsAt)).toBe('2026-11-24 02:00');
  });
});

describe('replay progress', () => {
  const counts = (pending: number, done: number, extra: Partial<{ inFlight: number; uncertain: number; rejected: number; cancelled: number }> = {}) => ({
    pending,
    done,
    inFlight: 0,
    uncertain: 0,
    rejected: 0,
    cancelled: 0,
    ...extra,
  });

  function run(steps: [ReturnType<typeof counts>, number, boolean?][], start: ReplayTracker = IDLE_REPLAY): ReplayTracker {
    return steps.reduce((t, [c, at, down]) => advanceReplay(t, c, at, down), start);
  }

  it('starts when the backlog shrinks after an outage and counts what settled since', () => {
    let t = run([[counts(20, 0), 0, true]]);
    t = notePlatform(t, 'online');
    expect(replayProgress(t)).toBeNull();
    t = run([[counts(16, 0, { inFlight: 4 }), 1_000], [counts(12, 4, { inFlight: 4 }), 3_000], [counts(8, 8, { inFlight: 4 }), 5_000]], t);
    const p = replayProgress(t)!;
    expect(p).toEqual({ processed: 8, total: 20, perMinute: 120, afterOutage: true });
    expect(replayLabel(p)).toBe('正在补传 8 / 20');
  });

  it('does not start while the platform is still down (a void during an outage is no replay)', () => {
    const t = run([[counts(21, 0), 0, true], [counts(20, 0, { cancelled: 1 }), 1_000, true]]);
    expect(replayProgress(t)).toBeNull();
  });

  it('grows the total when filings are saved during the replay, and ends when the backlog is empty', () => {
    let t = notePlatform(IDLE_REPLAY, 'offline');
    t = run([[counts(10, 0), 0], [counts(6, 4), 2_000], [counts(8, 5), 3_000]], t);
    expect(replayProgress(t)).toMatchObject({ processed: 5, total: 13 });
    t = advanceReplay(t, counts(0, 13), 6_000);
    expect(replayProgress(t)).toBeNull();
    // The next single filing is not a replay.
    t = run([[counts(1, 13), 7_000], [counts(0, 14), 8_000]], t);
    expect(replayProgress(t)).toBeNull();
  });

  it('shows a large backlog draining without an outage as 正在上传', () => {
    const t = run([[counts(6, 0), 0], [counts(5, 1), 500]]);
    expect(replayLabel(replayProgress(t)!)).toBe('正在上传 1 / 6');
    expect(replayProgress(t)!.perMinute).toBeNull(); // under a second: no rate yet
    expect(replayProgress(run([[counts(3, 0), 0], [counts(2, 1), 1_000]]))).toBeNull();
  });
});
