// Who the filing is for and from when: the person fields shared with the referral request
// (shared/domain/filing.ts) and the GB 11643 check when the number is an ID card.
import { personFields } from '../../filing';
import { isoDate } from '../../fields';
import { checkIdCard } from '../../idcard';
import type { InsuranceType } from '../../insurance';
import type { FilingDraft } from '../draft';
import { dropBlanks, type Findings, parseShape } from '../findings';

const personShape = { ...personFields, startDate: isoDate('备案开始日期') };
const SOURCE = 'shared/domain/filing.ts personFields；GB 11643-1999';

export interface PersonFacts {
  insuranceType?: InsuranceType;
  certNo?: string;
  startDate?: string;
}

export function checkPerson(findings: Findings, draft: FilingDraft): PersonFacts {
  const input = dropBlanks({
    insuranceType: draft.insuranceType,
    certType: draft.certType,
    certNo: draft.certNo,
    personName: draft.personName,
    startDate: draft.startDate,
  });
  const valid = parseShape(findings, personShape, input, '', SOURCE);
  const certNo = typeof valid.certNo === 'string' ? valid.certNo : undefined;
  if (valid.certType === 'id_card' && certNo !== undefined) {
    const check = checkIdCard(certNo);
    if (!check.ok) findings.error('invalid', 'certNo', check.message, SOURCE);
  }
  return {
    insuranceType: valid.insuranceType as InsuranceType | undefined,
    certNo: certNo?.toUpperCase(),
    startDate: valid.startDate as string | undefined,
  };
}
