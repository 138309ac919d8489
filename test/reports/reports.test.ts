// Report numbers checked against the filings and queue states they came from; periods are CST days.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../shared/contract';
import { seedDesk, type SeededDesk } from './seed';

let t: SeededDesk;

beforeAll(async () => {
  t = await seedDesk([
    // CST 2026-11-02 09:00, uploaded 10 minutes later.
    { at: '2026-11-02T01:00:00Z', destination: '310000', by: 'admin', upload: { status: 'done', at: '2026-11-02T01:10:00Z' } },
    // CST 2026-11-02 23:59:59 (still the 2nd in China), uploaded 30 minutes later.
    { at: '2026-11-02T15:59:59Z', destination: '320100', by: 'clerk', upload: { status: 'done', at: '2026-11-02T16:29:59Z' } },
    // CST 2026-11-03 00:00:00: the 3rd in China although UTC still says the 2nd.
    { at: '2026-11-02T16:00:00Z', destination: '320100', by: 'clerk', upload: { status: 'rejected', at: '2026-11-02T16:05:00Z' } },
    { at: '2026-11-03T02:00:00Z', destination: '440300', by: 'clerk', upload: { status: 'uncertain', at: '2026-11-03T02:01:00Z' } },
    // Voided before upload: its upload entry is cancelled.
    { at: '2026-11-04T03:00:00Z', destination: '310000', by: 'admin', voided: true },
    // CST 2026-12-01 01:00 and CST 2026-10-31 23:30: outside November in China, whatever UTC says.
    { at: '2026-11-30T17:00:00Z', destination: '110000', by: 'admin', upload: { status: 'done', at: '2026-11-30T18:00:00Z' } },
    { at: '2026-10-31T15:30:00Z', destination: '110000', by: 'admin' },
  ]);
  t.setNow('2026-12-02T02:00:00Z');
}, 60_000);

afterAll(() => t.close());

async function summary(req: { granularity: 'day' | 'month'; from: string; to: string }): Promise<ResponseOf<'report.summary'>> {
  const r = await t.desk.dispatch('report.summary', req, t.admin);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

const NOVEMBER = { granularity: 'day', from: '2026-11-01', to: '2026-11-30' } as const;

describe('report.summary by day', () => {
  it('counts filings on the CST day they were saved, with every day of the range listed', async () => {
    const r = await summary(NOVEMBER);
    expect(r.total).toBe(5);
    expect(r.series).toHaveLength(30);
    const byDay = Object.fromEntries(r.series.filter((s) => s.total > 0).map((s) => [s.period, s.total]));
    expect(byDay).toEqual({ '2026-11-02': 2, '2026-11-03': 2, '2026-11-04': 1 });
    expect(r.series.find((s) => s.period === '2026-11-02')?.types).toEqual([{ type: 'referral', count: 2 }]);
  });

  it('counts by type, destination city, status, upload state and operator', async () => {
    const r = await summary(NOVEMBER);
    expect(r.byType).toEqual([{ type: 'referral', label: '异地转诊人员', count: 5 }]);
    expect(r.byDestination.map((d) => [d.provinceName, d.cityName, d.count])).toEqual([
      ['上海市', '上海市', 2],
      ['江苏省', '南京市', 2],
      ['广东省', '深圳市', 1],
    ]);
    expect(Object.fromEntries(r.byStatus.map((s) => [s.status, s.count]))).toEqual({ active: 4, voided: 1 });
    expect(Object.fromEntries(r.byUploadState.filter((s) => s.count > 0).map((s) => [s.state, s.count]))).toEqual({ uploaded: 2, rejected: 1, uncertain: 1, cancelled: 1 });
    expect(r.byOperator.map((o) => [o.name, o.count])).toEqual([
      ['clerk姓名', 3],
      ['系统管理员', 2],
    ]);
  });

  it('gives the upload success rate over finished uploads and the delay from saving to upload', async () => {
    const { upload } = await summary(NOVEMBER);
    expect(upload).toMatchObject({ entries: 5, done: 2, rejected: 1, uncertain: 1, cancelled: 1, waiting: 0 });
    expect(upload.successRate).toBeCloseTo(2 / 3, 10);
    expect(upload.delay).toEqual({ count: 2, averageSeconds: 1200, medianSeconds: 600, p90Seconds: 1800, maxSeconds: 1800 });
  });

  it('has no success rate or delay when nothing finished', async () => {
    const r = await summary({ granularity: 'day', from: '2026-11-04', to: '2026-11-04' });
    expect(r.total).toBe(1);
    expect(r.upload.successRate).toBeNull();
    expect(r.upload.delay.averageSeconds).toBeNull();
  });
});

describe('report.summary by month', () => {
  it('buckets by CST month', async () => {
    const r = await summary({ granularity: 'month', from: '2026-10-01', to: '2026-12-31' });
    expect(r.series.map((s) => [s.period, s.total])).toEqual([
      ['2026-10', 1],
      ['2026-11', 5],
      ['2026-12', 1],
    ]);
    expect(r.total).toBe(7);
    expect(r.byDestination.find((d) => d.cityCode === '110000')?.count).toBe(2);
  });
});

describe('report requests', () => {
  it('refuses an end before the start with a Chinese message on the field', async () => {
    const r = await t.desk.dispatch('report.summary', { granularity: 'day', from: '2026-11-05', to: '2026-11-01' }, t.admin);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_REQUEST', fields: { to: '结束日期不能早于开始日期' } });
  });

  it('refuses a day report longer than a quarter and says what to do', async () => {
    const r = await t.desk.dispatch('report.summary', { granularity: 'day', from: '2026-01-01', to: '2026-12-31' }, t.admin);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('改为按月统计');
  });

  it('is not open to operators', async () => {
    const r = await t.desk.dispatch('report.summary', NOVEMBER, t.clerk);
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('report.export', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const r = await t.desk.dispatch('report.export', NOVEMBER, t.admin);
    if (!r.ok) throw new Error(r.message);
    expect(r.value.fileName).toBe('备案统计_20261101-20261130.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(r.value.base64, 'base64') as unknown as ArrayBuffer);
    return book;
  }
  const rowsOf = (sheet: ExcelJS.Worksheet | undefined) => {
    const out: unknown[][] = [];
    sheet?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  it('writes one sheet per breakdown with Chinese headers', async () => {
    const book = await workbook();
    expect(book.worksheets.map((s) => s.name)).toEqual(['按日统计', '按备案类型', '按就医地', '按状态', '按经办人', '上传情况']);
    expect(rowsOf(book.getWorksheet('按日统计'))[0]).toEqual(['日期', '合计', '异地转诊人员']);
    expect(rowsOf(book.getWorksheet('按就医地'))[0]).toEqual(['省份', '城市', '区划代码', '备案数']);
  });

  it('holds the same numbers as the report', async () => {
    const book = await workbook();
    const daily = rowsOf(book.getWorksheet('按日统计'));
    expect(daily).toHaveLength(1 + 30 + 1);
    expect(daily.find((r) => r[0] === '2026-11-03')).toEqual(['2026-11-03', 2, 2]);
    expect(daily.at(-1)).toEqual(['合计', 5, 5]);
    expect(rowsOf(book.getWorksheet('按就医地')).slice(1)).toEqual([
      ['上海市', '上海市', '310000', 2],
      ['江苏省', '南京市', '320100', 2],
      ['广东省', '深圳市', '440300', 1],
    ]);
    expect(rowsOf(book.getWorksheet('按经办人')).slice(1)).toEqual([
      ['clerk姓名', 3],
      ['系统管理员', 2],
    ]);
    const upload = Object.fromEntries(rowsOf(book.getWorksheet('上传情况')).slice(1).map((r) => [r[0], r[1]]));
    expect(upload).toMatchObject({ 上传任务数: 5, 已上传: 2, 被退回: 1, 上传成功率: '66.7%', '平均上传延迟（分钟）': 20, '最长延迟（分钟）': 30 });
  });
});
