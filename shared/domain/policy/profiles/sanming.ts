// Sanming service guide for 异地就医备案 (five filing types, materials, 承诺书, 一次性告知,
// reviewer check, 2-working-day online processing, retroactive filing rules).
import { both, seed } from '../sources';
import type { PolicyProfile, TypePolicy } from '../types';
import { EMERGENCY_COUNTS_AS_FILED, national2022, NATIONAL_TYPES } from './national-2022';

const guide = (where: string) => seed('002', where);

function withCommitment(type: 'retired_resettled' | 'long_term_residence' | 'resident_work', label: string): TypePolicy {
  return {
    ...NATIONAL_TYPES[type],
    label,
    commitment: { allowed: true, source: guide('认定材料（一）–（三）…或个人承诺书') },
    materials: { ...NATIONAL_TYPES[type].materials, source: guide('认定材料') },
  };
}

export const sanming: PolicyProfile = {
  ...national2022,
  id: 'sanming',
  name: '三明（异地就医备案服务指南）',
  summary: '五类备案；长期居住类可用个人承诺书；线上备案2个工作日内办结；自费结算后补办只限四类且不实行承诺制；审核人员复核',
  source: guide('服务指南'),
  types: {
    retired_resettled: withCommitment('retired_resettled', '异地安置退休人员'),
    long_term_residence: withCommitment('long_term_residence', '异地长期居住人员'),
    resident_work: withCommitment('resident_work', '常驻异地工作人员'),
    referral: { ...NATIONAL_TYPES.referral, label: '异地转诊人员', materials: { ...NATIONAL_TYPES.referral.materials, source: guide('认定材料（四）') } },
    temporary_other: {
      ...NATIONAL_TYPES.temporary_other,
      label: '其他跨省临时外出就医人员',
      materials: { ...NATIONAL_TYPES.temporary_other.materials, source: guide('认定材料（五）') },
      advisories: [...NATIONAL_TYPES.temporary_other.advisories, EMERGENCY_COUNTS_AS_FILED],
    },
  },
  typeNotOffered: {
    emergency: {
      text: '三明：急诊抢救无论是否事先备案均可直接结算；确需备案的请选择“其他跨省临时外出就医人员”',
      source: both(guide('认定条件（五）'), guide('注意事项（1）')),
    },
    cancer_multi_course: { text: '三明没有该子类，请选择“异地转诊人员”', source: guide('认定条件') },
  },
  retroactive: {
    types: ['retired_resettled', 'long_term_residence', 'resident_work', 'referral'],
    commitmentAllowed: false,
    advisory: '已出院自费结算后补办备案的，可按参保地规定申请医保手工报销',
    source: both(guide('相关事项3（自费结算后补备案不实行承诺制，只可补办四类）'), guide('常见问题')),
  },
  deadlines: [
    {
      id: 'sanming-online-processing',
      label: '线上备案办结时限（参保地经办机构2个工作日内办结）',
      types: ['retired_resettled', 'long_term_residence', 'resident_work', 'referral', 'temporary_other'],
      from: 'submission',
      workdays: 2,
      onlyChannel: 'online',
      whenOverdue: 'none',
      source: guide('相关事项1'),
    },
  ],
  review: { required: true, source: guide('办理流程 业务办结（审核人员复核通过，即时办结）') },
  agent: { allowed: true, source: guide('温馨提示（材料齐全也可由他人代办）') },
  printForm: { template: 'national', title: '异地就医登记备案表', source: guide('相关资料下载') },
};
