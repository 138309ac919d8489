// The platform's wire format (nhsa-interface.md §1.1, §1.3, §1.4). Shared by the adapter and the
// simulator, so both speak from one definition; domain code never sees these names.

/** 交易输入公共报文 (§1.1), in the spec's order. */
export interface RequestEnvelope {
  infno: string;
  msgid: string;
  /** Spelled `admvs` in the envelope (§1.1 row 3). */
  mdtrtarea_admvs: string;
  insuplc_admdvs: string;
  recer_sys_code: string;
  dev_no: string;
  dev_safe_info: string;
  cainfo: string;
  signtype: string;
  infver: string;
  opter_type: string;
  opter: string;
  opter_name: string;
  inf_time: string;
  fixmedins_code: string;
  fixmedins_name: string;
  sign_no: string;
  input: Record<string, unknown>;
}

export const ENVELOPE_FIELDS = [
  'infno',
  'msgid',
  'mdtrtarea_admvs',
  'insuplc_admdvs',
  'recer_sys_code',
  'dev_no',
  'dev_safe_info',
  'cainfo',
  'signtype',
  'infver',
  'opter_type',
  'opter',
  'opter_name',
  'inf_time',
  'fixmedins_code',
  'fixmedins_name',
  'sign_no',
  'input',
] as const satisfies readonly (keyof RequestEnvelope)[];

/** 交易输出公共报文 (§1.3). infcode often arrives as a string. */
export interface ResponseEnvelope {
  infcode: number | string;
  inf_refmsgid?: string;
  refmsg_time?: string;
  respond_time?: string;
  err_msg?: string | null;
  warn_msg?: string | null;
  cainfo?: string | null;
  signtype?: string | null;
  enctype?: string | null;
  output?: unknown;
}

/** Transaction codes this desk uses. */
export const INFNO = {
  signIn: '9001',
  signOut: '9002',
  person: '1101',
  institution: '1201',
  dictionary: '1901',
  referral: '2501',
  referralA: '2501A',
  referralCancel: '2502',
  referralQuery: '5304',
} as const;

/** The node under `input` per transaction (§1.4); everything else uses `data`. */
export const INPUT_NODE: Record<string, string> = {
  '9001': 'signIn',
  '9002': 'signOut',
  '1201': 'medinsinfo',
  '2501': 'refmedin',
  '2501A': 'refmedin',
};

export function inputNodeFor(infno: string): string {
  return INPUT_NODE[infno] ?? 'data';
}

/** mdtrt_cert_type (dict 7.35) and psn_cert_type (dict 7.13) per desk certificate kind (§2.2, §3). */
export const MDTRT_CERT_TYPE = { e_voucher: '01', id_card: '02', social_security_card: '03' } as const;

/** Insurance types the platform names (§3 insutype). */
export const INSUTYPE_LABELS: Record<string, string> = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '大额医疗费用补助',
  '340': '离休人员医疗保障',
  '350': '一至六级残废军人医疗补助',
  '360': '老红军医疗保障',
  '370': '企业补充医疗保险',
  '380': '新型农村合作医疗',
  '390': '城乡居民基本医疗保险',
  '391': '城镇居民基本医疗保险',
  '392': '城乡居民大病医疗保险',
  '399': '其他特殊人员医疗保障',
  '410': '长期照护保险',
  '510': '生育保险',
};

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
export const MSGID = /^[A-Z]\d{11}\d{14}\d{4}$/;

/** Gateway-shaped replies that are not the platform's envelope (§1.3 "infcode nuances"). */
export function isGatewayEnvelope(value: Record<string, unknown>): boolean {
  return !('infcode' in value) && 'code' in value && ('msg' in value || 'message' in value);
}
