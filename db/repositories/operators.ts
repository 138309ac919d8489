import { asc, count, eq } from 'drizzle-orm';
import type { OperatorDto, Role } from '../../shared/contract';
import { operators } from '../schema';
import type { Exec } from './types';

export interface OperatorRecord extends OperatorDto {
  passwordHash: string;
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
  };
}

export function toOperatorDto({ passwordHash: _hash, ...dto }: OperatorRecord): OperatorDto {
  return dto;
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
  return { ...value, active: true };
}
