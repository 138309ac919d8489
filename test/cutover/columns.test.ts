// Reading an old system's export: the column mapping suggested from Chinese headers, and row checks
// that name the row, the field and the fix (issue 7: bad rows are never dropped silently).
import { describe, expect, it } from 'vitest';
import { checkMapping, parseOldDate, readRows, suggestMapping } from '../../shared/domain/cutover';
import { BAD_ROWS, exportRows, HEADERS, RULE_ROWS } from './fixtures';

describe('column mapping', () => {
  it('maps the fixture export’s headers to every field', () => {
    const m = suggestMapping(HEADERS);
    expect(m).toEqual({
      oldId: 0,
      personName: 1,
      certNo: 2,
      insuranceType: 3,
      filingType: 4,
      filingDate: 5,
      endDate: 6,
      destinationRegion: 7,
      destinationInstitution: 8,
      insuredRegion: 9,
      settled: 10,
      uploaded: 11,
      specialPopulation: 12,
      diagnosis: 13,
      phone: 14,
    });
    expect(checkMapping(m, HEADERS.length)).toEqual([]);
  });

  it('recognises other vendors’ wording, a BOM, spaces and bracketed notes', () => {
    const m = suggestMapping(['\uFEFF业务流水号', '参保人 姓名', '公民身份号码', '险种', '人员类别', '登记日期（yyyy-mm-dd）', '是否结算', '是否上传']);
    expect(m).toMatchObject({ oldId: 0, personName: 1, certNo: 2, insuranceType: 3, filingType: 4, filingDate: 5, settled: 6, uploaded: 7, phone: null });
  });

  it('names each required field left unmapped and a column chosen twice', () => {
    const m = suggestMapping(['姓名', '身份证号']);
    expect(checkMapping({ ...m, insuranceType: 1 }, 2)).toEqual([
      '请为“原系统编号”选择对应的列',
      '“证件号码”和“险种”选了同一列，请分别选择',
      '请为“备案类型”选择对应的列',
      '请为“备案日期”选择对应的列',
    ]);
  });
});

describe('rows', () => {
  it('reads every rule row of the fixture export', () => {
    const { records, errors, rowCount } = readRows(exportRows(RULE_ROWS), suggestMapping(HEADERS));
    expect(errors).toEqual([]);
    expect(rowCount).toBe(RULE_ROWS.length);
    expect(records[0]).toMatchObject({ rowNumber: 2, oldId: 'A001', filingType: 'referral', insuranceType: 'employee', certType: 'id_card', settled: false, uploaded: false });
    expect(records.find((r) => r.oldId === 'A005')?.filingType).toBe('long_term_residence');
    expect(records.find((r) => r.oldId === 'A006')?.filingType).toBe('cancer_multi_course');
  });

  it.each(BAD_ROWS.map((b) => [b.row.id, b.field] as const))('lists bad row %s with its row number and the field %s', (id, field) => {
    const rows = exportRows([...RULE_ROWS, ...BAD_ROWS.map((b) => b.row)]);
    const { errors } = readRows(rows, suggestMapping(HEADERS));
    const rowNumber = rows.findIndex((r, i) => i > RULE_ROWS.length && r[0] === id) + 1;
    const error = errors.find((e) => e.rowNumber === rowNumber);
    expect(error?.field).toBe(field);
    expect(error?.message).toMatch(/^[\u4e00-\u9fa5]+：/);
  });

  it('counts blank rows out and keeps every other row as a record or an error', () => {
    const rows = exportRows([...RULE_ROWS, ...BAD_ROWS.map((b) => b.row)]);
    rows.splice(3, 0, ['', '', '']);
    const { records, errors, rowCount } = readRows(rows, suggestMapping(HEADERS));
    expect(rowCount).toBe(RULE_ROWS.length + BAD_ROWS.length);
    expect(records.length + new Set(errors.map((e) => e.rowNumber)).size).toBe(rowCount);
  });

  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021/3/5', '2021-03-05'],
    ['2021.03.05', '2021-03-05'],
    ['20210305', '2021-03-05'],
    ['2021年3月5日', '2021-03-05'],
    ['2021-03-05 14:30:00', '2021-03-05'],
    ['2021-02-29', null],
    ['03/05/2021', null],
  ])('reads the old date %s as %s', (raw, iso) => {
    expect(parseOldDate(raw)).toBe(iso);
  });
});
