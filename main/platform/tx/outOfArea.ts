// Out-of-area filing (异地安置/长期居住/常驻工作/临时外出). ASSUMPTION: no public hospital-side
// transaction exists (nhsa-interface.md §2.13); the transaction code comes from the provincial profile
// and the fields follow the platform's out-of-area application record OUT_APPY_EVT_C (S11). Confirm
// per province before relying on it.
import { z } from 'zod';
import { INSUTYPE_CODES } from '../../../shared/domain/insurance';
import type { InstitutionIdentity, Interpretation } from '../exchange';
import type { OutOfAreaTransaction } from '../profiles';
import type { OutOfAreaCancel, OutOfAreaUpload, ReferralQuery, ReferralRecord } from '../types';
import { compact, read, text } from './common';

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

/** The cancel: the same shape as 2502 (§2.6), by the serial the upload returned. */
export function outOfAreaCancelInput(cancel: OutOfAreaCancel): Record<string, unknown> {
  return { trt_dcla_detl_sn: cancel.serial, psn_no: cancel.personNo, memo: cancel.reason };
}

/** The query by person and window: the same shape as 5304's `data` (§2.10). */
export function outOfAreaQueryInput(query: ReferralQuery): Record<string, unknown> {
  return { psn_no: query.personNo, begntime: query.from, endtime: query.to };
}

const queryOutput = z.object({
  list: z
    .array(
      z.object({
        trt_dcla_detl_sn: text,
        psn_no: text,
        psn_name: text,
        certno: text,
        insutype: text,
        rloc_admdvs: text,
        rloc_rea: text,
        begndate: text,
        enddate: text,
        opter_name: text,
        opt_time: text,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});

/**
 * The query's records in the queue's reconciliation fingerprint (ReferralRecord): destination =
 * 安置/就医地区划, referral and start date = 开始日期, "diagnosis" = the kind. The desk's out-of-area
 * fingerprint (main/sync/mapping.ts sentOutOfAreaOf) uses the same fields, so one matcher serves both.
 */
export function interpretOutOfAreaQuery(tx: OutOfAreaTransaction) {
  const kindOf = new Map(Object.entries(tx.kindCodes).map(([kind, code]) => [code, kind]));
  return (out: unknown): Interpretation<ReferralRecord[]> =>
    read(out, queryOutput, '异地就医备案查询结果', (v) =>
      v.list
        .filter((r) => r.psn_no && r.rloc_admdvs && r.begndate && r.opt_time)
        .map((r): ReferralRecord => {
          const kind = kindOf.get(r.rloc_rea ?? '') ?? `rloc_rea:${r.rloc_rea ?? ''}`;
          return {
            personNo: r.psn_no!,
            personName: r.psn_name,
            certNo: r.certno,
            insuranceTypeCode: r.insutype,
            diagnosisCode: kind,
            diagnosisName: kind,
            destinationInstitutionCode: r.rloc_admdvs!,
            destinationInstitutionName: r.rloc_admdvs!,
            outOfArea: true,
            referralDate: r.begndate!,
            referralReason: null,
            startDate: r.begndate,
            endDate: r.enddate,
            hospitalAgrees: null,
            operatorName: r.opter_name,
            operatedAt: r.opt_time!,
            serial: r.trt_dcla_detl_sn,
          };
        }),
    );
}
