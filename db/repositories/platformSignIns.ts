import { and, eq } from 'drizzle-orm';
import { platformSignIns } from '../schema';
import type { Exec } from './types';

export interface StoredSignIn {
  operatorId: string;
  /** CST day the sign-in belongs to, YYYY-MM-DD. */
  day: string;
  signNo: string;
  signedAt: string;
  msgid: string;
}

export function saveSignIn(db: Exec, value: StoredSignIn): void {
  db.insert(platformSignIns)
    .values(value)
    .onConflictDoUpdate({
      target: [platformSignIns.operatorId, platformSignIns.day],
      set: { signNo: value.signNo, signedAt: value.signedAt, msgid: value.msgid },
    })
    .run();
}

export function loadSignIn(db: Exec, operatorId: string, day: string): StoredSignIn | undefined {
  return db
    .select()
    .from(platformSignIns)
    .where(and(eq(platformSignIns.operatorId, operatorId), eq(platformSignIns.day, day)))
    .get();
}

/** Forgets sign-ins (one operator's, or everyone's) so the next call signs in again. */
export function clearSignIns(db: Exec, operatorId?: string): void {
  if (operatorId === undefined) db.delete(platformSignIns).run();
  else db.delete(platformSignIns).where(eq(platformSignIns.operatorId, operatorId)).run();
}
