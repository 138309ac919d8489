// 1101 人员信息获取 (nhsa-interface.md §2.2).
import { z } from 'zod';
import { INSURANCE_TYPES, INSUTYPE_CODES, type InsuranceType } from '../../../shared/domain/insurance';
import type { Interpretation } from '../exchange';
import type { PersonInfo, PersonInsurance, PersonLookup } from '../types';
import { INSUTYPE_LABELS, MDTRT_CERT_TYPE } from '../wire';
import { num, read, text } from './common';

export function personInput(lookup: PersonLookup): Record<string, unknown> {
  return {
    mdtrt_cert_type: MDTRT_CERT_TYPE[lookup.certType],
    mdtrt_cert_no: lookup.certNo.trim().toUpperCase(),
    card_sn: lookup.cardSerial ?? '',
    begntime: '',
    psn_cert_type: '01',
    certno: lookup.certType === 'id_card' ? lookup.certNo.trim().toUpperCase() : '',
    psn_name: lookup.name ?? '',
  };
}

const output = z.object({
  baseinfo: z.object({
    psn_no: text.refine((v) => v !== null),
    psn_cert_type: text,
    certno: text,
    psn_name: text,
    gend: text,
    brdy: text,
    age: num,
  }),
  insuinfo: z
    .array(
      z.object({
        insutype: text,
        psn_type: text,
        psn_insu_stas: text,
        psn_insu_date: text,
        paus_insu_date: text,
        cvlserv_flag: text,
        insuplc_admdvs: text,
        emp_name: text,
        balc: num,
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  idetinfo: z
    .array(z.object({ psn_idet_type: text, psn_type_lv: text, begntime: text, endtime: text }))
    .nullish()
    .transform((v) => v ?? []),
});

const BY_CODE = new Map<string, InsuranceType>(INSURANCE_TYPES.map((t) => [INSUTYPE_CODES[t], t]));

export function interpretPerson(out: unknown): Interpretation<PersonInfo> {
  return read(out, output, '人员基本信息', (v) => ({
    personNo: v.baseinfo.psn_no ?? '',
    name: v.baseinfo.psn_name ?? '',
    certType: v.baseinfo.psn_cert_type ?? '',
    certNo: v.baseinfo.certno ?? '',
    sex: v.baseinfo.gend === '1' ? 'male' : v.baseinfo.gend === '2' ? 'female' : 'unknown',
    birthDate: v.baseinfo.brdy,
    age: v.baseinfo.age,
    insurances: v.insuinfo
      .filter((row) => row.insutype && row.insuplc_admdvs)
      .map(
        (row): PersonInsurance => ({
          insuranceType: BY_CODE.get(row.insutype ?? '') ?? null,
          insuranceTypeCode: row.insutype ?? '',
          insuranceTypeLabel: INSUTYPE_LABELS[row.insutype ?? ''] ?? `险种${row.insutype}`,
          insuredRegion: row.insuplc_admdvs ?? '',
          personType: row.psn_type,
          status: row.psn_insu_stas,
          since: row.psn_insu_date,
          pausedSince: row.paus_insu_date,
          civilServant: row.cvlserv_flag === '1',
          employer: row.emp_name,
          balance: row.balc,
        }),
      ),
    identities: v.idetinfo.map((row) => ({ type: row.psn_idet_type ?? '', level: row.psn_type_lv, since: row.begntime, until: row.endtime })),
  }));
}

/**
 * The insurance row a filing is about (§2.2: a person can have several; the chosen row's region goes
 * in the envelope). Prefers a row in normal status ('1') when there are several of the same type.
 */
export function chooseInsurance(person: PersonInfo, insuranceType: InsuranceType): PersonInsurance | undefined {
  const rows = person.insurances.filter((row) => row.insuranceType === insuranceType);
  return rows.find((row) => row.status === '1') ?? rows[0];
}
