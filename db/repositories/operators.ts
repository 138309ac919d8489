import { and, asc, count, eq } from 'drizzle-orm';
import type { OperatorDto, Role } from '../../shared/contract';
import { operators } from '../schema';
import type { Exec } from './types';

export interface OperatorRecord extends OperatorDto {
  passwordHash: string;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

type Row = typeof operators.$inferSelect;

function toRecord(row: Row): OperatorRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    active: row.active,
    passwordHash: row.passwordHash,
    mustChangePassword: row.mustChangePassword,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
  };
}

export function toOperatorDto(record: OperatorRecord): OperatorDto {
  const { id, username, displayName, role, active } = record;
  return { id, username, displayName, role, active };
}

export function findOperatorByUsername(db: Exec, username: string): OperatorRecord | undefined {
  const row = db.select().from(operators).where(eq(operators.username, username)).get();
  return row ? toRecord(row) : undefined;
}

export function findOperatorById(db: Exec, id: string): OperatorRecord | undefined {
  const row = db.select().from(operators).where(eq(operators.id, id)).get();
  return row ? toRecord(row) : undefined;
}

export function listOperators(db: Exec): OperatorDto[] {
  return db.select().from(operators).orderBy(asc(operators.username)).all().map((r) => toOperatorDto(toRecord(r)));
}

/** Every account with its security state (admin screens); the hash stays for the caller to drop. */
export function listOperatorRecords(db: Exec): OperatorRecord[] {
  return db.select().from(operators).orderBy(asc(operators.username)).all().map(toRecord);
}

export function countActiveAdmins(db: Exec): number {
  return db.select({ n: count() }).from(operators).where(and(eq(operators.role, 'admin'), eq(operators.active, true))).get()?.n ?? 0;
}

export type OperatorPatch = Partial<Pick<OperatorRecord, 'displayName' | 'role' | 'active' | 'passwordHash' | 'mustChangePassword' | 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>>;

export function updateOperator(db: Exec, id: string, patch: OperatorPatch, at: string): OperatorRecord {
  db.update(operators).set({ ...patch, updatedAt: at }).where(eq(operators.id, id)).run();
  const row = db.select().from(operators).where(eq(operators.id, id)).get();
  if (!row) throw new Error(`operator ${id} not found`);
  return toRecord(row);
}

export function countOperators(db: Exec): number {
  return db.select({ n: count() }).from(operators).get()?.n ?? 0;
}

export interface NewOperator {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
}

export function insertOperator(db: Exec, value: NewOperator, at: string): OperatorRecord {
  db.insert(operators).values({ ...value, active: true, createdAt: at, updatedAt: at }).run();
  return { ...value, active: true, mustChangePassword: false, failedLogins: 0, lockedUntil: null, lastLoginAt: null };
}
