// Out-of-area filing (异地安置/长期居住/常驻工作/临时外出). ASSUMPTION: no public hospital-side
// transaction exists (nhsa-interface.md §2.13); the transaction code comes from the provincial profile
// and the fields follow the platform's out-of-area application record OUT_APPY_EVT_C (S11). Confirm
// per province before relying on it.
import { INSUTYPE_CODES } from '../../../shared/domain/insurance';
import type { InstitutionIdentity } from '../exchange';
import type { OutOfAreaTransaction } from '../profiles';
import type { OutOfAreaUpload } from '../types';
import { compact } from './common';

export function outOfAreaInput(upload: OutOfAreaUpload, tx: OutOfAreaTransaction, institution: InstitutionIdentity): Record<string, unknown> {
  return compact({
    psn_no: upload.personNo,
    insutype: INSUTYPE_CODES[upload.insuranceType],
    tel: upload.phone,
    addr: upload.address,
    insu_admdvs: upload.insuredRegion,
    rloc_admdvs: upload.destinationRegion,
    rloc_rea: tx.kindCodes[upload.kind],
    resout_addr: upload.residenceAddress,
    begndate: upload.startDate,
    enddate: upload.endDate ?? undefined,
    trafout_fixmedins_code: institution.code,
    trafout_fixmedins_name: institution.name,
    memo: upload.reason,
  });
}
