// Reports (统计报表): filings saved in a China Standard Time date range, by day or month, broken down by
// type, destination, status, upload state and operator, with the upload queue's success rate and delay.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { REPORT_MAX_DAYS, type ReportDto, type ReportRequest } from '../../shared/contract/areas/reports';
import { FILING_STATUSES, FILING_TYPE_LABELS, FILING_TYPES, UPLOAD_STATE_LABELS, UPLOAD_STATES, type FilingType } from '../../shared/domain/filing';
import { findRegion, MUNICIPALITIES } from '../../shared/domain/regions';
import { addDays } from '../../shared/domain/time';
import { filingsForReport, uploadEntries, type ReportFilingRow, type ReportRange } from '../../db/repositories/reports';
import { listOperators } from '../../db/repositories/operators';
import { DeskError } from '../app/errors';
import { FILING_CREATE } from '../sync/kinds';
import type { ServiceContext } from './context';
import { workbookBase64 } from './xlsx';

const STATUS_LABELS: Record<(typeof FILING_STATUSES)[number], string> = { active: '有效', voided: '已作废' };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Every period of the range, so empty days or months show as zero rather than disappear. */
export function periodsOf(req: ReportRequest): string[] {
  const out: string[] = [];
  for (let day = req.from; day <= req.to; day = addDays(day, 1)) {
    const key = req.granularity === 'day' ? day : day.slice(0, 7);
    if (out[out.length - 1] !== key) out.push(key);
  }
  return out;
}

function rangeOf(req: ReportRequest): ReportRange {
  const days = daysBetween(req.from, req.to);
  const max = REPORT_MAX_DAYS[req.granularity];
  if (days > max) {
    throw new DeskError(
      'INVALID_REQUEST',
      req.granularity === 'day' ? `按日统计最多${max}天，请缩短日期范围或改为按月统计` : '按月统计最多3年，请缩短日期范围',
      { to: '日期范围过长' },
    );
  }
  return { fromDay: req.from, toDay: req.to };
}

/** A destination code to its province and city (municipalities and province-level codes stay at province). */
function destinationOf(code: string | null): { provinceCode: string | null; provinceName: string; cityCode: string | null; cityName: string } {
  if (!code) return { provinceCode: null, provinceName: '未填写', cityCode: null, cityName: '未填写' };
  const provinceCode = `${code.slice(0, 2)}0000`;
  const provinceName = findRegion(provinceCode)?.name ?? provinceCode;
  const provinceLevel = code.endsWith('0000') || code.endsWith('9900') || (MUNICIPALITIES as readonly string[]).includes(provinceCode);
  if (provinceLevel) return { provinceCode, provinceName, cityCode: provinceCode, cityName: provinceName };
  // A county, or the city's pooling code (xxxx99, 市本级), counts under its city.
  const cityCode = `${code.slice(0, 4)}00`;
  const cityName = findRegion(cityCode)?.name ?? cityCode;
  return { provinceCode, provinceName, cityCode, cityName };
}

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  // Nearest-rank: the smallest value with at least p of the values at or below it.
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

function uploadFigures(ctx: ServiceContext, range: ReportRange): ReportDto['upload'] {
  const rows = uploadEntries(ctx.db, range, FILING_CREATE);
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  const done = rows.filter((r) => r.status === 'done');
  const rejected = by('rejected');
  const delays = done.map((r) => Math.max(0, (Date.parse(r.entryUpdatedAt) - Date.parse(r.filingCreatedAt)) / 1000)).sort((a, b) => a - b);
  const sum = delays.reduce((a, b) => a + b, 0);
  return {
    entries: rows.length,
    done: done.length,
    rejected,
    waiting: by('pending') + by('in_flight'),
    uncertain: by('uncertain'),
    cancelled: by('cancelled'),
    successRate: done.length + rejected > 0 ? done.length / (done.length + rejected) : null,
    delay: {
      count: delays.length,
      averageSeconds: delays.length > 0 ? sum / delays.length : null,
      medianSeconds: percentile(delays, 0.5),
      p90Seconds: percentile(delays, 0.9),
      maxSeconds: delays.length > 0 ? (delays[delays.length - 1] ?? null) : null,
    },
  };
}

const isFilingType = (t: string): t is FilingType => (FILING_TYPES as readonly string[]).includes(t);

/** Adds one to `key` in `map`. */
function bump<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export function summary(ctx: ServiceContext, req: ParsedRequestOf<'report.summary'>): ResponseOf<'report.summary'> {
  const range = rangeOf(req);
  const rows: ReportFilingRow[] = filingsForReport(ctx.db, range);
  const periodOf = (day: string) => (req.granularity === 'day' ? day : day.slice(0, 7));
  const cells = new Map<string, number>();
  const types = new Map<FilingType, number>();
  const regions = new Map<string | null, number>();
  const statuses = new Map<string, number>();
  const states = new Map<string, number>();
  const creators = new Map<string, number>();
  for (const row of rows) {
    if (!isFilingType(row.type)) throw new Error(`report: filing of unknown type ${row.type}`);
    bump(cells, `${periodOf(row.filingDate)}|${row.type}`);
    bump(types, row.type);
    bump(regions, row.destinationRegion);
    bump(statuses, row.status);
    bump(states, row.uploadState);
    bump(creators, row.createdBy);
  }
  const series = periodsOf(req).map((period) => {
    const counts = FILING_TYPES.map((type) => ({ type, count: cells.get(`${period}|${type}`) ?? 0 })).filter((t) => t.count > 0);
    return { period, total: counts.reduce((a, t) => a + t.count, 0), types: counts };
  });
  const destinations = new Map<string, ReportDto['byDestination'][number]>();
  for (const [region, n] of regions) {
    const d = destinationOf(region);
    const key = d.cityCode ?? '';
    const entry = destinations.get(key) ?? { ...d, count: 0 };
    entry.count += n;
    destinations.set(key, entry);
  }
  const names = new Map(listOperators(ctx.db).map((o) => [o.id, o.displayName]));
  return {
    granularity: req.granularity,
    from: req.from,
    to: req.to,
    total: rows.length,
    series,
    byType: FILING_TYPES.filter((t) => types.has(t))
      .map((type) => ({ type, label: FILING_TYPE_LABELS[type], count: types.get(type) ?? 0 }))
      .sort((a, b) => b.count - a.count),
    byDestination: [...destinations.values()].sort((a, b) => b.count - a.count || (a.cityCode ?? '').localeCompare(b.cityCode ?? '')),
    byStatus: FILING_STATUSES.map((status) => ({ status, label: STATUS_LABELS[status], count: statuses.get(status) ?? 0 })),
    byUploadState: UPLOAD_STATES.map((state) => ({ state, label: UPLOAD_STATE_LABELS[state], count: states.get(state) ?? 0 })),
    byOperator: [...creators]
      .map(([operatorId, n]) => ({ operatorId, name: names.get(operatorId) ?? operatorId, count: n }))
      .sort((a, b) => b.count - a.count),
    upload: uploadFigures(ctx, range),
  };
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const minutes = (s: number | null) => (s === null ? '—' : Number((s / 60).toFixed(1)));

export async function exportXlsx(ctx: ServiceContext, req: ParsedRequestOf<'report.export'>): Promise<ResponseOf<'report.export'>> {
  const r = summary(ctx, req);
  const periodHeader = r.granularity === 'day' ? '日期' : '月份';
  const typesInUse = r.byType.map((t) => t.type);
  const base64 = await workbookBase64([
    {
      name: r.granularity === 'day' ? '按日统计' : '按月统计',
      columns: [{ header: periodHeader, width: 12 }, { header: '合计', width: 8 }, ...typesInUse.map((t) => ({ header: FILING_TYPE_LABELS[t], width: 16 }))],
      rows: [
        ...r.series.map((s) => [s.period, s.total, ...typesInUse.map((t) => s.types.find((x) => x.type === t)?.count ?? 0)]),
        ['合计', r.total, ...typesInUse.map((t) => r.byType.find((x) => x.type === t)?.count ?? 0)],
      ],
    },
    { name: '按备案类型', columns: [{ header: '备案类型', width: 36 }, { header: '备案数', width: 10 }], rows: r.byType.map((t) => [t.label, t.count]) },
    {
      name: '按就医地',
      columns: [{ header: '省份', width: 16 }, { header: '城市', width: 20 }, { header: '区划代码', width: 12 }, { header: '备案数', width: 10 }],
      rows: r.byDestination.map((d) => [d.provinceName, d.cityName, d.cityCode ?? '', d.count]),
    },
    {
      name: '按状态',
      columns: [{ header: '类别', width: 12 }, { header: '状态', width: 12 }, { header: '备案数', width: 10 }],
      rows: [...r.byStatus.map((s) => ['备案状态', s.label, s.count]), ...r.byUploadState.map((s) => ['上传状态', s.label, s.count])],
    },
    { name: '按经办人', columns: [{ header: '经办人', width: 16 }, { header: '备案数', width: 10 }], rows: r.byOperator.map((o) => [o.name, o.count]) },
    {
      name: '上传情况',
      columns: [{ header: '指标', width: 28 }, { header: '数值', width: 14 }],
      rows: [
        ['上传任务数', r.upload.entries],
        ['已上传', r.upload.done],
        ['被退回', r.upload.rejected],
        ['等待上传', r.upload.waiting],
        ['待核实', r.upload.uncertain],
        ['已撤销', r.upload.cancelled],
        ['上传成功率', pct(r.upload.successRate)],
        ['平均上传延迟（分钟）', minutes(r.upload.delay.averageSeconds)],
        ['延迟中位数（分钟）', minutes(r.upload.delay.medianSeconds)],
        ['90%延迟（分钟）', minutes(r.upload.delay.p90Seconds)],
        ['最长延迟（分钟）', minutes(r.upload.delay.maxSeconds)],
      ],
    },
  ]);
  const span = `${r.from.replaceAll('-', '')}-${r.to.replaceAll('-', '')}`;
  return { fileName: `备案统计_${span}.xlsx`, base64, rows: r.total };
}

