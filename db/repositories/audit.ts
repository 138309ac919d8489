import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '../schema';
import type { Exec } from './types';

export interface AuditEntry {
  at: string;
  operatorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

export function appendAudit(db: Exec, entry: AuditEntry): void {
  db.insert(auditEvents)
    .values({ ...entry, before: entry.before ?? null, after: entry.after ?? null })
    .run();
}

export function auditFor(db: Exec, entityType: string, entityId: string): AuditEntry[] {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.id))
    .all()
    .map(({ id: _id, ...rest }) => rest);
}
