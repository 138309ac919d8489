// What the filing transactions share: recording a filing as the platform does and answering with its
// serial, cancelling the institution's own filing, and listing a person's active filings in a window.
import { simDateTime } from '../clock';
import type { SimPerson } from '../seed';
import type { FilingKind, SimFiling } from '../store';
import { checkFields, reject } from '../validate';
import { insuredPerson, newSerial, type TxContext } from './context';

/** What a filing transaction decides; the rest comes from the envelope. */
export interface NewFiling {
  kind: FilingKind;
  personNo: string;
  target: string;
  startDate: string;
  endDate: string | null;
  data: Record<string, unknown>;
}

/** Stores the filing under a new serial and answers with it (unless the noSerial fault fired). */
export function storeFiling(ctx: TxContext, filing: NewFiling): unknown {
  const serial = newSerial(ctx, ctx.env.insuplc_admdvs, 'filing');
  ctx.store.addFiling({
    serial,
    ...filing,
    infno: ctx.env.infno,
    msgid: ctx.env.msgid,
    institutionCode: ctx.env.fixmedins_code,
    insuredRegion: ctx.env.insuplc_admdvs,
    operator: ctx.env.opter,
    operatorName: ctx.env.opter_name,
    operatedAt: simDateTime(ctx.now),
  });
  return { result: ctx.omitSerial ? {} : { trt_dcla_detl_sn: serial } };
}

/** Cancels a filing of this kind made by the calling institution; `noun` names it in the refusals. */
export function cancelOwnFiling(ctx: TxContext, kind: FilingKind, noun: string): unknown {
  const v = checkFields(
    ctx.node,
    {
      trt_dcla_detl_sn: { label: '待遇申报明细流水号', max: 30, required: true },
      psn_no: { label: '人员编号', max: 30, required: true },
      memo: { label: '备注', max: 500 },
    },
    ctx.env.insuplc_admdvs,
    'data',
  );
  insuredPerson(ctx, v.psn_no!);
  const filing = ctx.store.filing(v.trt_dcla_detl_sn!);
  if (!filing || filing.kind !== kind) reject(`${noun}流水号[${v.trt_dcla_detl_sn}]不存在`);
  if (filing.personNo !== v.psn_no) reject(`${noun}流水号与人员编号不符`);
  if (filing.institutionCode !== ctx.env.fixmedins_code) reject(`该${noun}非本机构办理，不能撤销`);
  if (filing.status === 'cancelled') reject(`该${noun}已撤销，请勿重复撤销`);
  ctx.store.cancelFiling(filing.serial, simDateTime(ctx.now), v.memo ?? '', ctx.env.msgid);
  return {};
}

/**
 * The person's active filings of this kind recorded in the request's begntime..endtime. Assumption
 * (docs/platform.md): the window applies to the time the platform recorded the filing, and cancelled
 * filings are not listed.
 */
export function activeFilingsInWindow(ctx: TxContext, kind: FilingKind): { person: SimPerson; rows: SimFiling[] } {
  const v = checkFields(
    ctx.node,
    {
      psn_no: { label: '人员编号', max: 30, required: true },
      begntime: { label: '开始时间', max: 19, required: true, format: 'datetime' },
      endtime: { label: '结束时间', max: 19, required: true, format: 'datetime' },
    },
    ctx.env.insuplc_admdvs,
    'data',
  );
  const { person } = insuredPerson(ctx, v.psn_no!);
  if (v.endtime! < v.begntime!) reject('结束时间不能早于开始时间');
  const rows = ctx.store.filings({ kind, personNo: v.psn_no!, status: 'active' }).filter((f) => f.operatedAt >= v.begntime! && f.operatedAt <= v.endtime!);
  return { person, rows };
}
