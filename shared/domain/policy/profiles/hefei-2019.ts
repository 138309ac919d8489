// Hefei 2019 online referral filing (合医管〔2019〕23号 and its operator manuals), the hospital-desk
// flow: 新增 → 险种 → 个人编号 → 子项 → 必填项 → 保存 → 打印 → 编辑/作废.
import { DEFAULT_MATERIALS } from '../../filing-types/materials';
import { both, ref, seed } from '../sources';
import type { PolicyProfile, TypePolicy } from '../types';
import { national2022, NATIONAL_TYPES } from './national-2022';

const manual = (where: string) => seed('000', `附件1 ${where}`);

// The referral proof is the hospital's own online referral; the 备案表 is printed afterwards, so
// it is not something the patient brings (000 正文; 附件1 4–5).
const materials = {
  items: DEFAULT_MATERIALS.referral.items.filter((m) => m.id !== 'filing_form'),
  source: both(seed('000', '正文（转诊证明由三级协议医疗机构开具并网上上传）'), manual('4–5（备案表保存后打印）')),
};

const noLock = { months: null, source: manual('6（录入错误可编辑、作废）') };

const referral: TypePolicy = {
  ...NATIONAL_TYPES.referral,
  label: '异地转诊人员',
  // Follows the seed, not the national "≥ 6 months, multiple visits" (policy-rules.md §7).
  endDate: {
    rule: 'until_discharge',
    source: manual('3(3) 终止日期为空，结算时打上出院日期'),
    departsFromNational: ref('§7', '国家：跨省转诊有效期不少于6个月、可多次就医'),
  },
  minimumValidity: undefined,
  changeLock: noLock,
  materials,
  // The manual's required fields (3(4)) are exactly the base referral schema; the destination
  // hospital is not among them (an interface gap, policy-rules.md §7 — the engine warns).
  requiredFields: [],
  advisories: [],
};

const cancer: TypePolicy = {
  ...referral,
  label: '恶性肿瘤放化疗等分疗程多次住院人员',
  endDate: { rule: { years: 1 }, source: manual('3(2) 终止日期默认一年有效期') },
};

export const hefei2019: PolicyProfile = {
  ...national2022,
  id: 'hefei-2019',
  name: '合肥（2019 网上转诊备案）',
  summary: '合肥医院端网上转诊：异地转诊人员终止日期留空至出院结算；恶性肿瘤放化疗分疗程住院有效期一年；可编辑、作废',
  source: seed('000', '合医管〔2019〕23号'),
  types: {
    referral,
    cancer_multi_course: cancer,
  },
  typeNotOffered: {
    retired_resettled: { text: '合肥网上转诊备案只办理转诊类备案（异地转诊人员、恶性肿瘤放化疗等分疗程多次住院人员）', source: manual('3(1)') },
    long_term_residence: { text: '合肥网上转诊备案只办理转诊类备案（异地转诊人员、恶性肿瘤放化疗等分疗程多次住院人员）', source: manual('3(1)') },
    resident_work: { text: '合肥网上转诊备案只办理转诊类备案（异地转诊人员、恶性肿瘤放化疗等分疗程多次住院人员）', source: manual('3(1)') },
    emergency: { text: '合肥网上转诊备案只办理转诊类备案；急诊抢救视同已备案', source: both(manual('3(1)'), ref('§2.2')) },
    temporary_other: { text: '合肥网上转诊备案只办理转诊类备案（异地转诊人员、恶性肿瘤放化疗等分疗程多次住院人员）', source: manual('3(1)') },
  },
  review: { required: false, source: manual('3(4)–4（保存后即可打印，无复核步骤）') },
  printForm: {
    template: 'hefei',
    title: '合肥市基本医疗保险异地就医备案表',
    source: manual('5（病人签字，医院盖章，病人与医院各留一份）'),
  },
};
