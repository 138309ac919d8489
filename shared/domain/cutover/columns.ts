// The columns of an old system's filing export (seed 001: the Hefei old system's 转诊 records) and the
// mapping from its Chinese headers to them. Headers differ per vendor, so the desk suggests a mapping
// from known aliases and the operator confirms or corrects it before anything is read.

export const IMPORT_FIELDS = [
  'oldId',
  'personName',
  'certNo',
  'insuranceType',
  'filingType',
  'filingDate',
  'endDate',
  'destinationRegion',
  'destinationInstitution',
  'insuredRegion',
  'settled',
  'uploaded',
  'specialPopulation',
  'diagnosis',
  'phone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportFieldSpec {
  label: string;
  required: boolean;
  /** Header texts seen in old-system exports, most specific first. */
  aliases: readonly string[];
}

export const IMPORT_FIELD_SPECS: Record<ImportField, ImportFieldSpec> = {
  oldId: { label: '原系统编号', required: true, aliases: ['原系统编号', '备案编号', '转诊编号', '转诊单号', '登记号', '业务编号', '业务流水号', '流水号', '单据号', '编号'] },
  personName: { label: '姓名', required: true, aliases: ['姓名', '参保人姓名', '患者姓名', '参保人'] },
  certNo: { label: '证件号码', required: true, aliases: ['证件号码', '身份证号码', '身份证号', '公民身份号码', '社会保障号码', '个人编号', '社保卡号', '证件号'] },
  insuranceType: { label: '险种', required: true, aliases: ['险种类别', '险种类型', '险种', '参保类型', '参保险种'] },
  filingType: { label: '备案类型', required: true, aliases: ['备案类型', '转诊类型', '异地类型', '人员类别', '业务类型', '就医类型'] },
  filingDate: { label: '备案日期', required: true, aliases: ['备案日期', '转诊日期', '登记日期', '申请日期', '办理日期', '开始日期', '生效日期'] },
  endDate: { label: '终止日期', required: false, aliases: ['终止日期', '结束日期', '有效期至', '截止日期', '失效日期'] },
  destinationRegion: { label: '转往地区编码', required: false, aliases: ['转往地区编码', '转往地区代码', '转往地区', '转入地区', '就医地区划', '就医地编码', '就医地'] },
  destinationInstitution: { label: '转入机构', required: false, aliases: ['转入机构', '转往医疗机构', '转往医院', '转入医院', '就医医院', '就医机构'] },
  insuredRegion: { label: '参保地区划', required: false, aliases: ['参保地区划', '参保地编码', '参保区划', '统筹区编码', '统筹区', '参保地'] },
  settled: { label: '结算状态', required: false, aliases: ['结算状态', '是否结算', '结算标志'] },
  uploaded: { label: '上传状态', required: false, aliases: ['上传状态', '是否上传', '上传标志'] },
  specialPopulation: { label: '人员身份', required: false, aliases: ['特殊人群', '人员身份', '困难类别', '特殊人员类别', '人员属性'] },
  diagnosis: { label: '诊断', required: false, aliases: ['目前诊断', '诊断名称', '疾病诊断', '诊断'] },
  phone: { label: '联系电话', required: false, aliases: ['联系电话', '手机号码', '手机号', '电话'] },
};

/** Column index per field; null = not in the file. */
export type ColumnMapping = Record<ImportField, number | null>;

function normalise(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(].*?[)）]/g, '')
    .replace(/[*＊:：]/g, '');
}

/**
 * The suggested mapping: an exact alias match first, then a header containing an alias. Each column
 * is used once; aliases earlier in a field's list win.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const names = headers.map(normalise);
  const used = new Set<number>();
  const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== null) continue;
      for (const alias of IMPORT_FIELD_SPECS[field].aliases) {
        const index = names.findIndex((n, i) => !used.has(i) && n !== '' && (pass === 'exact' ? n === alias : n.includes(alias)));
        if (index >= 0) {
          mapping[field] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Problems with a mapping as operator messages: required fields unmapped, a column used twice. */
export function checkMapping(mapping: ColumnMapping, columnCount: number): string[] {
  const problems: string[] = [];
  const seen = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field];
    const spec = IMPORT_FIELD_SPECS[field];
    if (index === null) {
      if (spec.required) problems.push(`请为“${spec.label}”选择对应的列`);
      continue;
    }
    if (index < 0 || index >= columnCount) {
      problems.push(`“${spec.label}”对应的列不存在，请重新选择`);
      continue;
    }
    const other = seen.get(index);
    if (other) problems.push(`“${IMPORT_FIELD_SPECS[other].label}”和“${spec.label}”选了同一列，请分别选择`);
    else seen.set(index, field);
  }
  return problems;
}
