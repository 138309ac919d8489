// Import of historical filings from the old system's export (issue 7; seed 001 二(一)7, 14): preview
// (mapping suggested from the Chinese headers, sample rows, every bad row with its reason), then
// commit. Imported filings are the old system's history, stored with origin 'import' and never queued
// for upload: the fund centre migrates the old system's records to the new platform itself (seed 001
// 二(一)14). They are not put through the policy engine either: the old system accepted them under its
// rules, and its duplicates are exactly what the clean-up (cutover-cleanup.ts) must find.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { checkMapping, readRows, suggestMapping, type ColumnMapping, type HistoricalRecord, type RowError } from '../../shared/domain/cutover';
import { maskIdNumber } from '../../shared/domain/idcard';
import { nameInitials } from '../../shared/domain/pinyin';
import { appendAudit } from '../../db/repositories/audit';
import { existingRefs, insertBatch, insertOrigin, listBatches, type ImportBatchRow } from '../../db/repositories/cutover';
import { insertFiling } from '../../db/repositories/filings';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import { inTransaction, type ServiceContext } from './context';
import { readImportFile } from './import-file';

const SAMPLE_ROWS = 20;

function sampleOf(r: HistoricalRecord) {
  return {
    rowNumber: r.rowNumber,
    oldId: r.oldId,
    personName: r.personName,
    certNoMasked: maskIdNumber(r.certNo),
    filingType: r.filingType,
    filingDate: r.filingDate,
    endDate: r.endDate,
    destinationRegion: r.destinationRegion,
    settled: r.settled,
    uploaded: r.uploaded,
    specialPopulation: r.specialPopulation,
  };
}

/** Rows whose old id was imported before are bad rows too: an import never doubles a record. */
function withoutImported(ctx: ServiceContext, records: HistoricalRecord[], errors: RowError[]): { records: HistoricalRecord[]; errors: RowError[] } {
  const seen = existingRefs(ctx.db, 'import', records.map((r) => r.oldId));
  if (seen.size === 0) return { records, errors };
  const more = records.filter((r) => seen.has(r.oldId)).map((r): RowError => ({ rowNumber: r.rowNumber, field: 'oldId', message: `原系统编号：${r.oldId} 已在此前导入，不再重复导入` }));
  return { records: records.filter((r) => !seen.has(r.oldId)), errors: [...errors, ...more].sort((a, b) => a.rowNumber - b.rowNumber) };
}

export async function preview(ctx: ServiceContext, req: ParsedRequestOf<'cutover.import.preview'>): Promise<ResponseOf<'cutover.import.preview'>> {
  const table = await readImportFile(req.fileName, req.contentBase64);
  const headers = table.rows[0]!;
  const suggested = suggestMapping(headers);
  const mapping: ColumnMapping = req.mapping ?? suggested;
  const mappingProblems = checkMapping(mapping, headers.length);
  const dataRows = table.rows.slice(1).filter((r) => r.some((c) => c.trim() !== '')).length;
  if (mappingProblems.length > 0) {
    return { format: table.format, encoding: table.encoding, headers, mapping, suggested, mappingProblems, rowCount: dataRows, validCount: 0, sample: [], errors: [] };
  }
  const read = readRows(table.rows, mapping);
  const { records, errors } = withoutImported(ctx, read.records, read.errors);
  return {
    format: table.format,
    encoding: table.encoding,
    headers,
    mapping,
    suggested,
    mappingProblems,
    rowCount: read.rowCount,
    validCount: records.length,
    sample: records.slice(0, SAMPLE_ROWS).map(sampleOf),
    errors,
  };
}

function batchDto(row: ImportBatchRow): ResponseOf<'cutover.import.commit'> {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    rowCount: row.rowCount,
    importedCount: row.importedCount,
    errors: row.errors as RowError[],
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}

export async function commit(ctx: ServiceContext, req: ParsedRequestOf<'cutover.import.commit'>, session: Session): Promise<ResponseOf<'cutover.import.commit'>> {
  const table = await readImportFile(req.fileName, req.contentBase64);
  const headers = table.rows[0]!;
  const problems = checkMapping(req.mapping, headers.length);
  if (problems.length > 0) throw new DeskError('INVALID_REQUEST', problems.join('；'), { mapping: problems[0]! });
  const at = ctx.clock().toISOString();
  const batchId = ctx.newId();
  const batch = inTransaction(ctx, () => {
    const read = readRows(table.rows, req.mapping);
    const { records, errors } = withoutImported(ctx, read.records, read.errors);
    for (const r of records) {
      const filing = insertFiling(ctx.db, {
        id: ctx.newId(),
        localNo: `OLD-${r.oldId}`,
        type: r.filingType,
        insuranceType: r.insuranceType,
        certType: r.certType,
        certNo: r.certNo,
        personName: r.personName,
        nameInitials: nameInitials(r.personName),
        phone: r.phone,
        destinationRegion: r.destinationRegion,
        startDate: r.filingDate,
        endDate: r.endDate,
        details: {
          ...(r.diagnosis ? { diagnosisName: r.diagnosis } : {}),
          ...(r.destinationInstitution ? { destinationInstitutionName: r.destinationInstitution } : {}),
          ...(r.phone ? { phone: r.phone } : {}),
          ...(r.destinationRegion ? { destinationRegion: r.destinationRegion } : {}),
        },
        status: 'active',
        // The old system's upload state; imports are never queued (see the file comment).
        uploadState: r.uploaded ? 'uploaded' : 'pending',
        platformSerial: null,
        reviewStatus: 'none',
        reviewNote: null,
        createdBy: session.operatorId,
        createdAt: at,
        updatedAt: at,
        origin: 'import',
        originRef: r.oldId,
        filingDate: r.filingDate,
      });
      insertOrigin(ctx.db, {
        filingId: filing.id,
        origin: 'import',
        originRef: r.oldId,
        originalDate: r.filingDate,
        batchId,
        facts: { rowNumber: r.rowNumber, settled: r.settled, uploaded: r.uploaded, specialPopulation: r.specialPopulation, insuredRegion: r.insuredRegion },
        createdAt: at,
      });
      appendAudit(ctx.db, { at, operatorId: session.operatorId, action: 'filing.import', entityType: 'filing', entityId: filing.id, after: { ...filing, batchId, oldId: r.oldId } });
    }
    const row: ImportBatchRow = {
      id: batchId,
      fileName: req.fileName,
      format: table.format,
      encoding: table.encoding,
      mapping: req.mapping,
      rowCount: read.rowCount,
      importedCount: records.length,
      errors,
      createdBy: session.operatorId,
      createdAt: at,
    };
    insertBatch(ctx.db, row);
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'cutover.import',
      entityType: 'import_batch',
      entityId: batchId,
      after: { fileName: row.fileName, format: row.format, encoding: row.encoding, rowCount: row.rowCount, importedCount: row.importedCount, errorCount: errors.length },
    });
    return row;
  });
  return batchDto(batch);
}

export function batches(ctx: ServiceContext): ResponseOf<'cutover.import.batches'> {
  return listBatches(ctx.db, 100).map(batchDto);
}
