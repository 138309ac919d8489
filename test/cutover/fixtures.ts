// Generated old-system exports (seed 001_60741e77fa0d4bdb.txt: the Hefei old system's 转诊 records) for the
// import and clean-up tests: one row per clean-up rule, duplicates, special populations and malformed rows.
// ID numbers are generated with a valid check character; phones are placeholders, never from the seeds.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { idCardCheckChar } from '../../shared/domain/idcard';

/** An 18-digit ID number for person n (Hefei area code, born 1960s), with a valid check character. */
export function personId(n: number): string {
  const first17 = `340104${1960 + (n % 10)}0${(n % 9) + 1}1${n % 10}${String(100 + n).slice(-3)}`;
  return first17 + idCardCheckChar(first17);
}

export const HEADERS = ['转诊编号', '姓名', '身份证号码', '险种类型', '转诊类型', '转诊日期', '终止日期', '转往地区编码', '转入机构', '参保地', '结算状态', '上传状态', '人员身份', '目前诊断', '联系电话'];

export interface OldRow {
  id: string;
  name: string;
  cert: string;
  insurance?: string;
  type: string;
  date: string;
  end?: string;
  dest?: string;
  institution?: string;
  insured?: string;
  settled?: string;
  uploaded?: string;
  special?: string;
  diagnosis?: string;
  phone?: string;
}

function cells(r: OldRow): string[] {
  return [r.id, r.name, r.cert, r.insurance ?? '职工医保', r.type, r.date, r.end ?? '', r.dest ?? '310000', r.institution ?? '上海某三甲医院', r.insured ?? '', r.settled ?? '未结算', r.uploaded ?? '未上传', r.special ?? '', r.diagnosis ?? '肺恶性肿瘤', r.phone ?? '13800000000'];
}

/** One row per clean-up rule; the comment says which rule of seed 001 二(一)7 it exercises (as of 2021-11-30, home 340100). */
export const RULE_ROWS: OldRow[] = [
  { id: 'A001', name: '甲一', cert: personId(1), type: '异地转诊', date: '2020-06-01' }, // (1)① before 2021-01-01
  { id: 'A002', name: '甲二', cert: personId(2), type: '异地转诊', date: '2021-03-01', settled: '已结算' }, // (1)② settled
  { id: 'A003', name: '甲三', cert: personId(3), type: '异地转诊', date: '2021-04-01', settled: '已结算', uploaded: '已上传' }, // (1)② uploaded and settled
  { id: 'A004', name: '甲四', cert: personId(4), type: '异地转诊', date: '2021-05-01', dest: '340100', institution: '本县人民医院' }, // (1)② same county
  { id: 'A005', name: '甲五', cert: personId(5), type: '异地长期居住', date: '2021-02-01', uploaded: '已上传', dest: '440300' }, // (2)① long-term residence
  { id: 'A006', name: '甲六', cert: personId(6), type: '恶性肿瘤放化疗', date: '2021-06-01', end: '2022-05-31', uploaded: '已上传' }, // (2)① one-year cancer
  { id: 'A007', name: '甲七', cert: personId(7), type: '异地转诊', date: '2021-07-01', end: '2021-12-31' }, // (2)② superseded by A008
  { id: 'A008', name: '甲七', cert: personId(7), type: '异地转诊', date: '2021-09-01', end: '2022-02-28' }, // (2)② most recent valid: kept
  { id: 'A009', name: '甲九', cert: personId(9), type: '异地转诊', date: '2021-08-01', special: '低保' }, // (2)② special population: flagged
  { id: 'A010', name: '甲九', cert: personId(9), type: '异地转诊', date: '2021-10-01', special: '低保' }, // (2)② kept, flagged
  { id: 'A011', name: '甲十一', cert: personId(11), type: '异地转诊', date: '2021-10-15' }, // no duplicate: kept
  { id: 'A012', name: '甲十二', cert: personId(12), type: '异地转诊', date: '2021-05-01', end: '2022-04-30' }, // (2)② older but valid: kept
  { id: 'A013', name: '甲十二', cert: personId(12), type: '异地转诊', date: '2021-09-01', end: '2021-10-31' }, // (2)② newer but expired on 2021-11-30: superseded
];

/** Malformed rows, each with the field the error must name. */
export const BAD_ROWS: { row: OldRow; field: string }[] = [
  { row: { id: 'B001', name: '乙一', cert: `${personId(21).slice(0, 17)}${personId(21).endsWith('1') ? '2' : '1'}`, type: '异地转诊', date: '2021-05-01' }, field: 'certNo' },
  { row: { id: 'B002', name: '乙二', cert: personId(22), type: '异地转诊', date: '2021-02-30' }, field: 'filingDate' },
  { row: { id: 'B003', name: '乙三', cert: personId(23), type: '出国探亲', date: '2021-05-01' }, field: 'filingType' },
  { row: { id: 'B004', name: '', cert: personId(24), type: '异地转诊', date: '2021-05-01' }, field: 'personName' },
  { row: { id: 'B005', name: '乙五', cert: personId(25), type: '异地转诊', date: '2021-05-01', settled: '不清楚' }, field: 'settled' },
  { row: { id: 'A011', name: '乙六', cert: personId(26), type: '异地转诊', date: '2021-05-01' }, field: 'oldId' },
  { row: { id: 'B007', name: '乙七', cert: personId(27), type: '异地转诊', date: '2021-05-01', dest: '999999' }, field: 'destinationRegion' },
  { row: { id: `B008${'9'.repeat(60)}`, name: '乙八', cert: personId(28), type: '异地转诊', date: '2021-05-01' }, field: 'oldId' },
];

export function exportRows(rows: readonly OldRow[]): string[][] {
  return [HEADERS, ...rows.map(cells)];
}

function csvText(rows: readonly string[][]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function csvGbk(rows: readonly string[][]): Buffer {
  return iconv.encode(csvText(rows), 'gbk');
}

export function csvUtf8(rows: readonly string[][], bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(csvText(rows), 'utf8')]);
}

/** An XLSX export; date columns are real Excel dates, as the old system's Excel export writes them. */
export async function xlsx(rows: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('转诊信息');
  const dateColumns = new Set([HEADERS.indexOf('转诊日期'), HEADERS.indexOf('终止日期')]);
  rows.forEach((row, r) => {
    sheet.addRow(
      row.map((v, c) => {
        if (r > 0 && dateColumns.has(c) && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
          const date = new Date(`${v}T00:00:00Z`);
          // An impossible date (2021-02-30) stays text, as a hand-typed cell would.
          return date.toISOString().slice(0, 10) === v ? date : v;
        }
        return v;
      }),
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
