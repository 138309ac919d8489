// The two national classes of filing (policy-rules.md §2.1). Hefei's cancer sub-type is a kind of
// referral (000_bc84ff0b7039e793.txt 附件1 3(1)), so it is temporary.
import type { FilingType } from '../filing';

export const FILING_CLASSES = ['long_term', 'temporary'] as const;
export type FilingClass = (typeof FILING_CLASSES)[number];

export const FILING_CLASS_LABELS: Record<FilingClass, string> = {
  long_term: '异地长期居住类',
  temporary: '临时外出就医类',
};

export const FILING_CLASS_OF: Record<FilingType, FilingClass> = {
  retired_resettled: 'long_term',
  long_term_residence: 'long_term',
  resident_work: 'long_term',
  referral: 'temporary',
  emergency: 'temporary',
  temporary_other: 'temporary',
  cancer_multi_course: 'temporary',
};

/** Types whose details are a referral (转院) and go to the platform as 2501. */
export const REFERRAL_LIKE: readonly FilingType[] = ['referral', 'cancer_multi_course'];

/** What the destination region is called on each type's form (seed 000 转往地区; seed 003 附件1). */
export const DESTINATION_LABELS: Record<FilingType, string> = {
  retired_resettled: '安置地',
  long_term_residence: '居住地',
  resident_work: '工作地',
  referral: '转往地区',
  emergency: '急诊就医地',
  temporary_other: '就医地',
  cancer_multi_course: '转往地区',
};
