// 2501 / 2501A 转院备案, 2502 撤销, 5304 转院信息查询 (nhsa-interface.md §2.4-§2.6, §2.10).
import { z } from 'zod';
import { INSUTYPE_CODES } from '../../../shared/domain/insurance';
import type { Interpretation } from '../exchange';
import type { InterfaceProfile } from '../profiles';
import type { FilingResult, ReferralCancel, ReferralQuery, ReferralRecord, ReferralUpload } from '../types';
import { compact, flag, read, text } from './common';

export function referralInput(upload: ReferralUpload, profile: InterfaceProfile, institutionRegion: string): Record<string, unknown> {
  const input: Record<string, unknown> = compact({
    psn_no: upload.personNo,
    insutype: INSUTYPE_CODES[upload.insuranceType],
    tel: upload.phone,
    addr: upload.address,
    insu_optins: profile.insuOptins === 'insured_region' ? upload.insuredRegion : institutionRegion,
    diag_code: upload.diagnosisCode,
    diag_name: upload.diagnosisName,
    dise_cond_dscr: upload.caseSummary,
    reflin_medins_no: upload.destinationInstitutionCode,
    reflin_medins_name: upload.destinationInstitutionName,
    // The destination's region (§2.4 row 11), spelled admdvs here.
    mdtrtarea_admdvs: upload.destinationRegion,
    hosp_agre_refl_flag: upload.hospitalAgrees === undefined ? undefined : upload.hospitalAgrees ? '1' : '0',
    refl_type: upload.referralKind,
    refl_date: upload.referralDate,
    refl_rea: upload.referralReason,
    refl_opnn: upload.referralOpinion,
    begndate: upload.startDate,
    enddate: upload.endDate ?? undefined,
  });
  if (profile.referral.infno === '2501A') {
    if (profile.referral.extra === 'refl_old_mdtrt_id') input.refl_old_mdtrt_id = upload.previousVisitId;
    else input.refl_used_flag = upload.referralUsed === false ? '0' : '1';
  }
  return compact(input);
}

const serialOutput = z.object({ result: z.object({ trt_dcla_detl_sn: text }) });

/**
 * A filing's success must carry trt_dcla_detl_sn (§2.4: "a success without it is a failure", S3).
 * It is not `rejected`: infcode 0 means the platform may well have stored the filing, so resubmitting
 * could duplicate it. It is `unknown`, which the queue resolves by asking 5304 before anything else.
 */
export function interpretFiling(out: unknown): Interpretation<FilingResult> {
  const parsed = serialOutput.safeParse(out);
  const serial = parsed.success ? parsed.data.result.trt_dcla_detl_sn : null;
  if (!serial) {
    return {
      ok: false,
      outcome: 'unknown',
      message: '医保平台返回成功但未返回备案流水号，备案是否生效待核实，请勿直接重复提交',
      reason: 'success_without_serial',
    };
  }
  return { ok: true, value: { serial } };
}

export function cancelInput(cancel: ReferralCancel): Record<string, unknown> {
  return { trt_dcla_detl_sn: cancel.serial, psn_no: cancel.personNo, memo: cancel.reason };
}

export function interpretCancel(serial: string) {
  return (): Interpretation<FilingResult> => ({ ok: true, value: { serial } });
}

export function referralQueryInput(query: ReferralQuery): Record<string, unknown> {
  return { psn_no: query.personNo, begntime: query.from, endtime: query.to };
}

const record = z.object({
  psn_no: text,
  psn_name: text,
  certno: text,
  insutype: text,
  diag_code: text,
  diag_name: text,
  reflin_medins_no: text,
  reflin_medins_name: text,
  out_flag: text,
  refl_date: text,
  refl_rea: text,
  begndate: text,
  enddate: text,
  hosp_agre_refl_flag: text,
  opter_name: text,
  opt_time: text,
  // Not in the V1.0 output (§2.10); read when a revision or the simulator includes it.
  trt_dcla_detl_sn: text,
});
const queryOutput = z.object({ refmedin: z.array(record).nullish().transform((v) => v ?? []) });

export function interpretReferralQuery(out: unknown): Interpretation<ReferralRecord[]> {
  return read(out, queryOutput, '转院备案列表', (v) =>
    v.refmedin.map(
      (r): ReferralRecord => ({
        personNo: r.psn_no ?? '',
        personName: r.psn_name,
        certNo: r.certno,
        insuranceTypeCode: r.insutype,
        diagnosisCode: r.diag_code ?? '',
        diagnosisName: r.diag_name ?? '',
        destinationInstitutionCode: r.reflin_medins_no ?? '',
        destinationInstitutionName: r.reflin_medins_name ?? '',
        outOfArea: flag(r.out_flag),
        referralDate: r.refl_date ?? '',
        referralReason: r.refl_rea,
        startDate: r.begndate,
        endDate: r.enddate,
        hospitalAgrees: flag(r.hosp_agre_refl_flag),
        operatorName: r.opter_name,
        operatedAt: r.opt_time ?? '',
        serial: r.trt_dcla_detl_sn,
      }),
    ),
  );
}
