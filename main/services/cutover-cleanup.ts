// The seed 001 clean-up of imported historical filings (001_60741e77fa0d4bdb.txt 二(一)7): a dry run
// stores a report of what the rules (shared/domain/cutover/cleanup.ts) would do and changes nothing;
// applying it voids what it invalidates (special-population duplicates only when the admin includes
// them after checking), each with an audit row; undo by report id makes every filing it voided active
// again. A report is applied only to the data it was computed from (a fingerprint of the imported
// filings still active); anything imported or changed since asks for a new report.
import { createHash } from 'node:crypto';
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import type { CleanupReportDto } from '../../shared/contract/areas/cutover';
import { CLEANUP_RULE_LABELS, planCleanup, SEED_001_CUTOFF, summarise, type CleanupRecord, type CleanupRule } from '../../shared/domain/cutover';
import type { FilingType } from '../../shared/domain/filing';
import { maskIdNumber } from '../../shared/domain/idcard';
import { businessDate } from '../../shared/domain/time';
import { appendAudit } from '../../db/repositories/audit';
import {
  activeImported,
  getReport,
  insertReport,
  laterAppliedReports,
  listReports,
  markItemApplied,
  reactivateFiling,
  reportItemsDetailed,
  updateReport,
  type CleanupReportRow,
} from '../../db/repositories/cutover';
import { getFiling } from '../../db/repositories/filings';
import { getInstitution } from '../../db/repositories/institution';
import { markFilingVoided } from '../../db/repositories/syncFilings';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';

interface ReportOptions {
  cutoff: string;
  asOf: string;
  homeRegion: string;
  /** sha256 of the ids of the imported filings active when the report was made. */
  fingerprint: string;
}

function fact<T>(facts: Record<string, unknown> | null, key: string, fallback: T): T {
  const v = facts?.[key];
  return v === undefined || v === null ? fallback : (v as T);
}

function currentRecords(ctx: ServiceContext): CleanupRecord[] {
  return activeImported(ctx.db).map((r) => ({
    filingId: r.filingId,
    oldId: r.originRef,
    certNo: r.certNo,
    personName: r.personName,
    filingType: r.type as FilingType,
    filingDate: r.originalDate,
    endDate: r.endDate,
    destinationRegion: r.destinationRegion,
    insuredRegion: fact<string | null>(r.facts, 'insuredRegion', null),
    settled: fact(r.facts, 'settled', false),
    uploaded: fact(r.facts, 'uploaded', false),
    specialPopulation: fact<string | null>(r.facts, 'specialPopulation', null),
  }));
}

function fingerprintOf(records: readonly CleanupRecord[]): string {
  return createHash('sha256')
    .update(
      records
        .map((r) => r.filingId)
        .sort()
        .join('\n'),
    )
    .digest('hex');
}

function toDto(ctx: ServiceContext, row: CleanupReportRow, withItems: boolean): CleanupReportDto {
  const options = row.options as unknown as ReportOptions;
  const items = withItems ? reportItemsDetailed(ctx.db, row.id) : [];
  const oldIdOf = new Map(items.map((i) => [i.filingId, i.originRef]));
  return {
    id: row.id,
    status: row.status,
    cutoff: options.cutoff,
    asOf: options.asOf,
    homeRegion: options.homeRegion,
    summary: row.summary as CleanupReportDto['summary'],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    appliedCount: Number((row.summary as { appliedCount?: number }).appliedCount ?? 0),
    includeFlagged: row.includeFlagged,
    undoneAt: row.undoneAt,
    items: items.map((i) => ({
      filingId: i.filingId,
      oldId: i.originRef,
      personName: i.personName,
      certNoMasked: maskIdNumber(i.certNo),
      filingType: i.type as FilingType,
      filingDate: i.originalDate,
      action: i.action,
      rule: i.rule as CleanupRule,
      reason: CLEANUP_RULE_LABELS[i.rule as CleanupRule] ?? i.rule,
      flagged: i.flagged,
      specialPopulation: fact<string | null>(i.facts, 'specialPopulation', null),
      keptOldId: i.keptFilingId ? (oldIdOf.get(i.keptFilingId) ?? null) : null,
      applied: i.applied,
    })),
  };
}

export function plan(ctx: ServiceContext, req: ParsedRequestOf<'cutover.cleanup.plan'>, session: Session): ResponseOf<'cutover.cleanup.plan'> {
  const now = ctx.clock();
  const at = now.toISOString();
  const institution = getInstitution(ctx.db);
  if (!institution) throw new DeskError('BUSINESS_RULE', '工作台尚未完成初始设置，请先填写医疗机构信息');
  const row = inTransaction(ctx, () => {
    const records = currentRecords(ctx);
    if (records.length === 0) throw new DeskError('BUSINESS_RULE', '没有可清理的导入备案：请先导入原系统的历史备案');
    const options: ReportOptions = { cutoff: SEED_001_CUTOFF, asOf: req.asOf ?? businessDate(now), homeRegion: institution.regionCode, fingerprint: fingerprintOf(records) };
    const decisions = planCleanup(records, options);
    const report: CleanupReportRow = {
      id: ctx.newId(),
      status: 'draft',
      options: { ...options },
      summary: { ...summarise(decisions), appliedCount: 0 },
      createdBy: session.operatorId,
      createdAt: at,
      appliedBy: null,
      appliedAt: null,
      includeFlagged: null,
      undoneBy: null,
      undoneAt: null,
    };
    insertReport(
      ctx.db,
      report,
      decisions.map((d) => ({ filingId: d.filingId, action: d.action, rule: d.rule, flagged: d.flagged, keptFilingId: d.keptFilingId })),
    );
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'cutover.cleanup.plan', entityType: 'cleanup_report', entityId: report.id, after: { options, summary: report.summary } });
    return report;
  });
  return toDto(ctx, row, true);
}

function reportOr404(ctx: ServiceContext, id: string): CleanupReportRow {
  const row = getReport(ctx.db, id);
  if (!row) throw new DeskError('NOT_FOUND', '未找到该清理报告');
  return row;
}

export function get(ctx: ServiceContext, req: ParsedRequestOf<'cutover.cleanup.get'>): ResponseOf<'cutover.cleanup.get'> {
  return toDto(ctx, reportOr404(ctx, req.id), true);
}

export function list(ctx: ServiceContext): ResponseOf<'cutover.cleanup.list'> {
  return listReports(ctx.db, 50).map((r) => {
    const { items: _items, ...rest } = toDto(ctx, r, false);
    return rest;
  });
}

export function apply(ctx: ServiceContext, req: ParsedRequestOf<'cutover.cleanup.apply'>, session: Session): ResponseOf<'cutover.cleanup.apply'> {
  const at = ctx.clock().toISOString();
  const row = inTransaction(ctx, () => {
    const report = reportOr404(ctx, req.id);
    if (report.status !== 'draft') throw new DeskError('CONFLICT', report.status === 'applied' ? '该清理报告已执行' : '该清理报告已撤销，请重新生成清理报告');
    const options = report.options as unknown as ReportOptions;
    if (fingerprintOf(currentRecords(ctx)) !== options.fingerprint) {
      throw new DeskError('CONFLICT', '生成报告后导入的备案已有变化（新导入、作废或恢复），请重新生成清理报告后再执行');
    }
    let applied = 0;
    for (const item of reportItemsDetailed(ctx.db, report.id)) {
      if (item.action !== 'invalidate' || (item.flagged && !req.includeFlagged) || item.status !== 'active') continue;
      const before = getFiling(ctx.db, item.filingId);
      markFilingVoided(ctx.db, item.filingId, at);
      markItemApplied(ctx.db, item.id);
      appendAudit(ctx.db, {
        at,
        operatorId: session.operatorId,
        action: 'filing.void',
        entityType: 'filing',
        entityId: item.filingId,
        before,
        after: { ...getFiling(ctx.db, item.filingId), reason: CLEANUP_RULE_LABELS[item.rule as CleanupRule], cleanupReportId: report.id, rule: item.rule },
      });
      applied += 1;
    }
    const updated = updateReport(ctx.db, report.id, {
      status: 'applied',
      appliedAt: at,
      appliedBy: session.operatorId,
      includeFlagged: req.includeFlagged,
      summary: { ...(report.summary as Record<string, unknown>), appliedCount: applied },
    });
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'cutover.cleanup.apply', entityType: 'cleanup_report', entityId: report.id, before: report, after: updated });
    return updated;
  });
  return toDto(ctx, row, true);
}

export function undo(ctx: ServiceContext, req: ParsedRequestOf<'cutover.cleanup.undo'>, session: Session): ResponseOf<'cutover.cleanup.undo'> {
  const at = ctx.clock().toISOString();
  const row = inTransaction(ctx, () => {
    const report = reportOr404(ctx, req.id);
    if (report.status !== 'applied') throw new DeskError('CONFLICT', report.status === 'draft' ? '该清理报告尚未执行，无需撤销' : '该清理报告已撤销');
    if (laterAppliedReports(ctx.db, report.id).length > 0) throw new DeskError('CONFLICT', '之后还执行过其他清理报告，请先撤销较新的报告');
    for (const item of reportItemsDetailed(ctx.db, report.id)) {
      if (!item.applied || item.status !== 'voided') continue;
      const before = getFiling(ctx.db, item.filingId);
      reactivateFiling(ctx.db, item.filingId, at);
      appendAudit(ctx.db, {
        at,
        operatorId: session.operatorId,
        action: 'filing.restore',
        entityType: 'filing',
        entityId: item.filingId,
        before,
        after: { ...getFiling(ctx.db, item.filingId), reason: '撤销清理报告', cleanupReportId: report.id },
      });
    }
    const updated = updateReport(ctx.db, report.id, { status: 'undone', undoneAt: at, undoneBy: session.operatorId });
    appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'cutover.cleanup.undo', entityType: 'cleanup_report', entityId: report.id, before: report, after: updated });
    return updated;
  });
  return toDto(ctx, row, true);
}
