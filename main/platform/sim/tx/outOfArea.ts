// OA01: the simulator's STAND-IN for a provincial out-of-area filing transaction. No public
// hospital-side transaction exists (nhsa-interface.md §2.13); the fields follow the platform's
// out-of-area application record OUT_APPY_EVT_C (S11). An assumption to confirm per province.
import { checkFields, reject } from '../validate';
import { insuredPerson, type TxContext } from './context';
import { activeFilingsInWindow, cancelOwnFiling, storeFiling } from './filings';

export function fileOutOfArea(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    {
      psn_no: { label: '人员编号', max: 30, required: true },
      insutype: { label: '险种类型', max: 6, required: true, dict: 'insutype' },
      tel: { label: '联系电话', max: 50, required: true },
      addr: { label: '联系地址', max: 200 },
      insu_admdvs: { label: '参保地医保区划', max: 6, format: 'admdvs' },
      rloc_admdvs: { label: '安置地医保区划', max: 6, required: true, format: 'admdvs' },
      rloc_rea: { label: '异地安置原因', max: 6, required: true, dict: 'rloc_rea' },
      resout_addr: { label: '居外地址', max: 200 },
      begndate: { label: '开始日期', max: 10, required: true, format: 'date' },
      enddate: { label: '结束日期', max: 10, format: 'date' },
      trafout_fixmedins_code: { label: '转出医药机构编号', max: 30 },
      trafout_fixmedins_name: { label: '转出医药机构名称', max: 200 },
      memo: { label: '备注', max: 500 },
    },
    ctx.env.insuplc_admdvs,
    'data',
  );
  const { insurance } = insuredPerson(ctx, v.psn_no!, v.insutype);
  if (insurance.status !== '1') reject('参保人参保状态非正常（暂停或终止），不能办理异地就医备案');
  if (v.rloc_rea !== '4' && !v.resout_addr) reject('长期异地（安置、居住、工作）备案须填写居外地址resout_addr');
  if (v.rloc_admdvs!.slice(0, 4) === ctx.env.insuplc_admdvs.slice(0, 4)) reject('安置地与参保地属同一统筹区，无需办理异地就医备案');
  if (v.enddate && v.enddate < v.begndate!) reject('结束日期不能早于开始日期');
  const duplicate = ctx.store.activeOverlapping('out_of_area', v.psn_no!, null, v.begndate!, v.enddate ?? null).length > 0;
  if (duplicate) reject('该参保人已有有效的异地就医备案，请勿重复备案');
  return storeFiling(ctx, { kind: 'out_of_area', personNo: v.psn_no!, target: v.rloc_admdvs!, startDate: v.begndate!, endDate: v.enddate ?? null, data: v });
}

/** OA02 (stand-in): cancels the institution's own out-of-area filing, as 2502 does for referrals. */
export function cancelOutOfArea(ctx: TxContext): unknown {
  return cancelOwnFiling(ctx, 'out_of_area', '异地就医备案');
}

/**
 * OA03 (stand-in): the person's active out-of-area filings recorded in the window. Unlike the V1.0
 * 5304 it returns the serial. Same assumptions as 5304 here: the window applies to the time the
 * platform recorded the filing; cancelled filings are not listed.
 */
export function queryOutOfArea(ctx: TxContext): unknown {
  const { person, rows } = activeFilingsInWindow(ctx, 'out_of_area');
  return {
    list: rows.map((f) => {
      const d = f.data as Record<string, string | undefined>;
      return {
        trt_dcla_detl_sn: f.serial,
        psn_no: f.personNo,
        psn_name: person.name,
        certno: person.certNo,
        insutype: d.insutype ?? null,
        rloc_admdvs: f.target,
        rloc_rea: d.rloc_rea ?? null,
        begndate: f.startDate,
        enddate: f.endDate,
        opter_name: f.operatorName,
        opt_time: f.operatedAt,
      };
    }),
  };
}
