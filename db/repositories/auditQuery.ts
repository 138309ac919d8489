// The audit viewer's queries: filtered, newest first, with the operator's name and a filing's
// local number joined in. Writing audit rows stays in audit.ts.
import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents, filings, operators } from '../schema';
import type { Exec } from './types';

export interface AuditQuery {
  /** ISO instants: at >= fromAt and at < toAt. */
  fromAt?: string;
  toAt?: string;
  operatorId?: string;
  action?: string;
  /** A filing's local number, platform serial or id, or any entity id. */
  subject?: string;
}

export interface AuditRow {
  id: number;
  at: string;
  operatorId: string | null;
  operatorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  filingLocalNo: string | null;
  before: unknown;
  after: unknown;
}

function where(db: Exec, q: AuditQuery): SQL | undefined {
  const parts: SQL[] = [];
  if (q.fromAt) parts.push(gte(auditEvents.at, q.fromAt));
  if (q.toAt) parts.push(lt(auditEvents.at, q.toAt));
  if (q.operatorId) parts.push(eq(auditEvents.operatorId, q.operatorId));
  if (q.action) parts.push(eq(auditEvents.action, q.action));
  if (q.subject) {
    const ids = db
      .select({ id: filings.id })
      .from(filings)
      .where(or(eq(filings.localNo, q.subject), eq(filings.platformSerial, q.subject)))
      .all()
      .map((r) => r.id);
    parts.push(inArray(auditEvents.entityId, [q.subject, ...ids]));
  }
  return parts.length > 0 ? and(...parts) : undefined;
}

const columns = {
  id: auditEvents.id,
  at: auditEvents.at,
  operatorId: auditEvents.operatorId,
  operatorName: operators.displayName,
  action: auditEvents.action,
  entityType: auditEvents.entityType,
  entityId: auditEvents.entityId,
  filingLocalNo: filings.localNo,
  before: auditEvents.before,
  after: auditEvents.after,
};

export function queryAudit(db: Exec, q: AuditQuery, page: { limit: number; offset: number }): { total: number; items: AuditRow[] } {
  const filter = where(db, q);
  const total = db.select({ n: count() }).from(auditEvents).where(filter).get()?.n ?? 0;
  const items = db
    .select(columns)
    .from(auditEvents)
    .leftJoin(operators, eq(operators.id, auditEvents.operatorId))
    .leftJoin(filings, and(eq(auditEvents.entityType, 'filing'), eq(filings.id, auditEvents.entityId)))
    .where(filter)
    .orderBy(desc(auditEvents.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { total, items };
}

export function auditActions(db: Exec): string[] {
  return db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(sql`${auditEvents.action}`)
    .all()
    .map((r) => r.action);
}
