// Details of the three long-term types (policy-rules.md §2.1): where the person will live or work,
// the address there and the reason (the platform's rloc_admdvs / resout_addr / rloc_rea, §3.4),
// plus the Jiangxi form's optional fields (003_f7ec7151fcfbcf96.txt 附件1: 工作单位, 邮政编码,
// 门诊特殊慢性病定点医院 — "转诊转院和异地急诊不填", so long-term types only).
import { z } from 'zod';
import { optionalText, phoneNumber, regionCode, requiredText } from '../fields';
import { DESTINATION_LABELS } from './classes';
import { institution, platformPersonFields, postalCode } from './field-helpers';

function longTermDetails(labels: { region: string; address: string; reason: string }) {
  return z.object({
    destinationRegion: regionCode(labels.region),
    address: requiredText(labels.address, 200),
    reason: requiredText(labels.reason, 100),
    phone: phoneNumber,
    employer: optionalText('工作单位', 100),
    postalCode,
    chronicDiseaseInstitution: institution('门诊特殊慢性病定点医院', { platformCode: false }).optional(),
    ...platformPersonFields,
  });
}

export const retiredResettledDetails = longTermDetails({ region: DESTINATION_LABELS.retired_resettled, address: '安置地居住地址', reason: '异地安置原因' });
export const longTermResidenceDetails = longTermDetails({ region: DESTINATION_LABELS.long_term_residence, address: '居住地地址', reason: '异地居住原因' });
export const residentWorkDetails = longTermDetails({ region: DESTINATION_LABELS.resident_work, address: '工作地居住地址', reason: '常驻异地工作原因' });

export type LongTermDetails = z.infer<typeof retiredResettledDetails>;
