// A desk with its upload queue on a real SQLite file, driven by hand-moved time.
import type { ReferralRequestInput } from '../../shared/domain/filing-request';
import { idCardCheckChar } from '../../shared/domain/idcard';
import type { DeskPlatformConfig } from '../../main/app/desk';
import type { SyncPlatform } from '../../main/sync/ports';
import { referral, setUpDesk, type TestDesk } from '../helpers/desk';
import { FakeTime } from './fakes';

export const QUEUE_OPERATOR = { id: 'queue', name: '上传队列' };

/** A referral the platform can accept: it carries what 2501 needs beyond the Hefei form. */
/** A valid ID number of its own for test person n (a person holds one active referral at a time). */
export function testCertNo(n: number): string {
  const first17 = `110105194912${String(1 + (n % 28)).padStart(2, '0')}${String(Math.floor(n / 28) + 100).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export function uploadable(n = 1, overrides: Partial<ReferralRequestInput['details']> = {}): ReferralRequestInput {
  const base = referral({ personName: `测试${n}`, certNo: testCertNo(n) });
  return {
    ...base,
    details: {
      ...base.details,
      personNo: `34010000000000${String(n).padStart(4, '0')}`,
      insuredRegion: '340100',
      diagnosisCode: 'C34.900',
      destinationInstitutionCode: 'H31010100001',
      destinationInstitutionName: '上海演练肿瘤医院',
      ...overrides,
    },
  };
}

export interface SyncTestDesk extends TestDesk {
  time: FakeTime;
}

export async function syncDesk(client: SyncPlatform | ((time: FakeTime) => SyncPlatform), options: Partial<DeskPlatformConfig> = {}, time = new FakeTime()): Promise<SyncTestDesk> {
  const c = typeof client === 'function' ? client(time) : client;
  const t = await setUpDesk({
    clock: time.clock,
    platform: {
      client: c,
      operator: QUEUE_OPERATOR,
      concurrency: 2,
      timers: time.timers,
      random: () => 0.5,
      sendBackoff: { baseMs: 1_000, capMs: 60_000 },
      retryBackoff: { baseMs: 1_000, capMs: 10_000 },
      breaker: { failureThreshold: 3, probe: { baseMs: 1_000, capMs: 8_000 } },
      statsThrottleMs: 10,
      ...options,
    },
  });
  return { ...t, time };
}

export async function create(t: TestDesk, n: number, overrides: Partial<ReferralRequestInput['details']> = {}): Promise<string> {
  const r = await t.desk.dispatch('filing.create', uploadable(n, overrides), t.admin);
  if (!r.ok) throw new Error(r.message);
  return r.value.id;
}

export function entries(t: TestDesk, filingId: string) {
  return t.desk.db.sqlite.prepare('select * from outbox where order_key = ? order by seq').all(filingId) as {
    id: string;
    kind: string;
    status: string;
    attempts_started: number;
    attempts_finished: number;
    next_attempt_at: string;
    last_error: string | null;
    platform_ref: string | null;
  }[];
}

export function filingRow(t: TestDesk, id: string) {
  return t.desk.db.sqlite.prepare('select status, upload_state, platform_serial from filings where id = ?').get(id) as {
    status: string;
    upload_state: string;
    platform_serial: string | null;
  };
}
