// The audit viewer: filtered, paged audit rows with names and labels, and the Excel export.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { AUDIT_ACTION_LABELS, AUDIT_EXPORT_MAX_ROWS, type AuditEntryDto } from '../../shared/contract/areas/admin';
import { addDays, businessDate, businessDateTime } from '../../shared/domain/time';
import { auditActions, queryAudit, type AuditQuery, type AuditRow } from '../../db/repositories/auditQuery';
import { DeskError } from '../app/errors';
import type { ServiceContext } from './context';
import { workbookBase64 } from './xlsx';

/** The UTC instant a China Standard Time day starts (CST has no daylight saving: always +08:00). */
export function cstDayStart(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}

type AuditFilter = ParsedRequestOf<'audit.export'>;

function toQuery(f: AuditFilter): AuditQuery {
  return {
    ...(f.from ? { fromAt: cstDayStart(f.from) } : {}),
    ...(f.to ? { toAt: cstDayStart(addDays(f.to, 1)) } : {}),
    ...(f.operatorId ? { operatorId: f.operatorId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.subject ? { subject: f.subject } : {}),
  };
}

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

function toDto(row: AuditRow): AuditEntryDto {
  return {
    id: row.id,
    at: row.at,
    operatorId: row.operatorId,
    operatorName: row.operatorName,
    action: row.action,
    actionLabel: actionLabel(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    subject: row.filingLocalNo ?? row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

export function list(ctx: ServiceContext, req: ParsedRequestOf<'audit.list'>): ResponseOf<'audit.list'> {
  const { total, items } = queryAudit(ctx.db, toQuery(req), { limit: req.pageSize, offset: (req.page - 1) * req.pageSize });
  return { total, items: items.map(toDto) };
}

export function actions(ctx: ServiceContext): ResponseOf<'audit.actions'> {
  const present = new Set(auditActions(ctx.db));
  return [...present].map((action) => ({ action, label: actionLabel(action) }));
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export async function exportXlsx(ctx: ServiceContext, req: ParsedRequestOf<'audit.export'>): Promise<ResponseOf<'audit.export'>> {
  const { total, items } = queryAudit(ctx.db, toQuery(req), { limit: AUDIT_EXPORT_MAX_ROWS, offset: 0 });
  if (total > AUDIT_EXPORT_MAX_ROWS) {
    throw new DeskError('BUSINESS_RULE', `符合条件的审计记录有${total}条，超过单次导出上限${AUDIT_EXPORT_MAX_ROWS}条，请缩小日期范围或增加筛选条件`);
  }
  const base64 = await workbookBase64([
    {
      name: '审计日志',
      columns: [
        { header: '序号', width: 8 },
        { header: '时间（北京时间）', width: 20 },
        { header: '操作员', width: 14 },
        { header: '操作', width: 22 },
        { header: '对象类型', width: 12 },
        { header: '对象', width: 24 },
        { header: '修改前', width: 60 },
        { header: '修改后', width: 60 },
      ],
      rows: items.map((r) => {
        const d = toDto(r);
        return [d.id, businessDateTime(new Date(d.at)), d.operatorName ?? '系统', d.actionLabel, d.entityType, d.subject, json(d.before), json(d.after)];
      }),
    },
  ]);
  return { fileName: `审计日志_${businessDate(ctx.clock()).replaceAll('-', '')}.xlsx`, base64, rows: items.length };
}
