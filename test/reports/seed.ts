// A desk with known filings at known moments and known upload outcomes, for report tests.
import type { Session } from '../../main/app/sessions';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { businessDate } from '../../shared/domain/time';
import { referral, setUpDesk, type TestDesk } from '../helpers/desk';

/** A valid ID number per index (born 1960-01-01 in Beijing Dongcheng, sequence varies). */
export function idNumber(i: number): string {
  const first17 = `11010119600101${String(100 + i).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export interface SeededFiling {
  /** The moment it is saved (ISO, UTC). */
  at: string;
  destination: string;
  by: 'admin' | 'clerk';
  /** What the queue did with its upload, and when (ISO) for done/rejected. */
  upload?: { status: 'done' | 'rejected' | 'uncertain' | 'pending'; at?: string };
  voided?: boolean;
}

export interface SeededDesk extends TestDesk {
  clerk: Session;
  setNow(iso: string): void;
  ids: string[];
}

export async function seedDesk(filings: readonly SeededFiling[]): Promise<SeededDesk> {
  let now = new Date('2026-11-01T02:00:00Z');
  const t = await setUpDesk({ clock: () => now });
  const setNow = (iso: string) => {
    now = new Date(iso);
  };
  // The national profile files without 复核, so every filing is queued at once.
  const policy = await t.desk.dispatch('settings.policy.set', { profileId: 'national-2022' }, t.admin);
  if (!policy.ok) throw new Error(policy.message);
  const clerk = await t.addOperator('clerk', 'operator');
  const ids: string[] = [];
  let n = 0;
  for (const f of filings) {
    setNow(f.at);
    const req = referral({
      certNo: idNumber(n),
      personName: `测试${n}`,
      startDate: businessDate(now),
      details: { ...referral().details, destinationRegion: f.destination },
    });
    n += 1;
    const r = await t.desk.dispatch('filing.create', req, f.by === 'admin' ? t.admin : clerk);
    if (!r.ok) throw new Error(`${r.message} ${JSON.stringify(r.fields ?? {})}`);
    ids.push(r.value.id);
    if (f.upload) {
      const state = { done: 'uploaded', rejected: 'rejected', uncertain: 'uncertain', pending: 'pending' }[f.upload.status];
      const changedAt = f.upload.at ?? f.at;
      t.desk.db.sqlite.prepare('update outbox set status = ?, updated_at = ? where order_key = ?').run(f.upload.status, changedAt, r.value.id);
      t.desk.db.sqlite.prepare('update filings set upload_state = ? where id = ?').run(state, r.value.id);
    }
    if (f.voided) {
      const v = await t.desk.dispatch('filing.void', { id: r.value.id, reason: '录入错误' }, t.admin);
      if (!v.ok) throw new Error(v.message);
    }
  }
  return { ...t, clerk, setNow, ids };
}
