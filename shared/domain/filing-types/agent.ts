// 代办人: someone files for the insured person. Sanming allows it when the materials are complete
// (002_c36e71247612bdfe.txt 温馨提示), Ganzhou for emergency filings (003_f7ec7151fcfbcf96.txt
// 一(三)); the platform records carry agnter_name/cert_type/certno/tel/addr/rlts
// (policy-rules.md §3.4). Values map to the platform's dictionaries in main/platform/ (via 1901).
import { z } from 'zod';
import { choice, optionalText, requiredText } from '../fields';
import { idCardMessage, labelledPhone } from './field-helpers';

export const AGENT_CERT_TYPES = [
  'resident_id',
  'hk_macao_pass',
  'taiwan_pass',
  'hmt_residence_permit',
  'foreign_permanent_residence',
  'passport',
  'other',
] as const;
export type AgentCertType = (typeof AGENT_CERT_TYPES)[number];

// Labels follow the national psn_cert_type dictionary 7.13 (nhsa-interface.md §3).
export const AGENT_CERT_TYPE_LABELS: Record<AgentCertType, string> = {
  resident_id: '居民身份证',
  hk_macao_pass: '港澳居民来往内地通行证',
  taiwan_pass: '台湾居民来往大陆通行证',
  hmt_residence_permit: '港澳台居民居住证',
  foreign_permanent_residence: '外国人永久居留证',
  passport: '护照',
  other: '其他身份证件',
};

export const AGENT_RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'other_relative', 'employer', 'other'] as const;
export type AgentRelation = (typeof AGENT_RELATIONS)[number];

export const AGENT_RELATION_LABELS: Record<AgentRelation, string> = {
  spouse: '配偶',
  parent: '父母',
  child: '子女',
  sibling: '兄弟姐妹',
  other_relative: '其他亲属',
  employer: '单位经办人',
  other: '其他',
};

export const agentDetails = z
  .object({
    name: requiredText('代办人姓名', 50),
    certType: choice('代办人证件类型', AGENT_CERT_TYPES),
    certNo: requiredText('代办人证件号码', 50),
    phone: labelledPhone('代办人联系电话'),
    relation: choice('代办人与参保人关系', AGENT_RELATIONS),
    address: optionalText('代办人联系地址', 200),
  })
  .refine((agent) => agent.certType !== 'resident_id' || idCardMessage('代办人身份证号', agent.certNo) === null, {
    // `when` runs the check even when other agent fields fail, so every problem shows at once.
    path: ['certNo'],
    when: (payload) => {
      const v = payload.value as { certType?: unknown; certNo?: unknown };
      return v.certType === 'resident_id' && typeof v.certNo === 'string' && v.certNo.trim() !== '';
    },
    error: (issue) => {
      const input = issue.input as { certNo?: unknown } | undefined;
      return idCardMessage('代办人身份证号', String(input?.certNo ?? '')) ?? '代办人身份证号不正确';
    },
  });
export type AgentDetails = z.infer<typeof agentDetails>;
