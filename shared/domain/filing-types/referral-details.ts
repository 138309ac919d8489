// Referral (转诊转院) details: the Hefei manual's fields from shared/domain/filing.ts, reused as
// they are, plus what the national 2501 message and the Jiangxi form add. Which of the added
// fields a desk must fill is a profile rule (shared/domain/policy), so they are optional here.
import type { z } from 'zod';
import { referralDetails } from '../filing';
import { isoDate, optionalText } from '../fields';
import { institution } from './field-helpers';

export const fullReferralDetails = referralDetails.extend({
  /** 转出医疗机构 (003_f7ec7151fcfbcf96.txt 附件1); normally the desk's own hospital. */
  transferringInstitution: institution('转出医疗机构', { platformCode: false }).optional(),
  /** 病情摘要 / dise_cond_dscr (policy-rules.md §3.3; 003 附件1). */
  caseSummary: optionalText('病情摘要', 2000),
  /** 转往定点医疗机构 from the platform's 1201 list: reflin_medins_no + name (§3.3). */
  destinationInstitution: institution('转往定点医疗机构', { platformCode: true }).optional(),
  /** 转院意见 / refl_opnn (§3.3); the Jiangxi form's 医保科室负责人意见. */
  referralOpinion: optionalText('转院意见', 200),
  /** 转院日期 / refl_date (§3.3); the service may default it to the start date. */
  referralDate: isoDate('转院日期').optional(),
  /**
   * 转院前就诊ID / refl_old_mdtrt_id: the settled visit at this hospital the referral follows. Only
   * provinces whose platform takes referrals as 2501A with it (Guangdong, nhsa-interface.md §2.5) need it;
   * under such a profile the queue does not send a referral without it (main/sync/mapping.ts).
   */
  previousVisitId: optionalText('转院前就诊ID', 30),
});
export type FullReferralDetails = z.infer<typeof fullReferralDetails>;
