// What a simulated transaction sees, and helpers they share.
import { simDate, simStamp } from '../clock';
import type { RequestEnvelope } from '../../wire';
import { findPerson, type SimInsurance, type SimPerson } from '../seed';
import type { SimStore } from '../store';
import { reject } from '../validate';

export interface SimBehaviour {
  /** Operator codes registered with the platform; null accepts any operator. */
  operators: string[] | null;
  /** Whether 5304 includes trt_dcla_detl_sn (the V1.0 output does not, §2.10). */
  includeSerialIn5304: boolean;
  /** The extra field this province's 2501A requires (§2.5). */
  referralAExtra: 'refl_old_mdtrt_id' | 'refl_used_flag';
}

export interface TxContext {
  env: RequestEnvelope;
  node: Record<string, unknown>;
  store: SimStore;
  now: Date;
  behaviour: SimBehaviour;
  random: () => number;
  /** The noSerial fault fired: commit, but answer without trt_dcla_detl_sn. */
  omitSerial: boolean;
}

export type TxHandler = (ctx: TxContext) => unknown;

/** The person and the insurance row matching the envelope's insuplc_admdvs (§1.1 row 4, §2.2). */
export function insuredPerson(ctx: TxContext, personNo: string, insutype?: string): { person: SimPerson; insurance: SimInsurance } {
  const person = findPerson(personNo);
  if (!person) reject(`人员编号[${personNo}]不存在`);
  const rows = person.insurances.filter((i) => i.insuredRegion === ctx.env.insuplc_admdvs);
  if (rows.length === 0) reject(`参保地医保区划[${ctx.env.insuplc_admdvs}]与人员参保信息不符`);
  const insurance = insutype ? rows.find((i) => i.insutype === insutype) : rows[0];
  if (!insurance) reject(`险种类型[${insutype}]与人员在该参保地的参保信息不符`);
  return { person, insurance };
}

/** A 30-character serial: region (6) + yyyyMMddHHmmss (14) + sequence (10), like inf_refmsgid (§1.2). */
export function newSerial(ctx: TxContext, region: string, counter: string): string {
  return `${region}${simStamp(ctx.now)}${String(ctx.store.next(counter)).padStart(10, '0')}`;
}

export function today(ctx: TxContext): string {
  return simDate(ctx.now);
}
