// 2501 / 2501A 转院备案, 2502 撤销, 5304 查询 (§2.4-§2.6, §2.10), with the checks a strict platform makes.
import { findInstitution, SIM_DIAGNOSES } from '../seed';
import { checkFields, reject, type FieldRules } from '../validate';
import { insuredPerson, type TxContext } from './context';
import { activeFilingsInWindow, cancelOwnFiling, storeFiling } from './filings';

const REFERRAL_FIELDS: FieldRules = {
  psn_no: { label: '人员编号', max: 30, required: true },
  insutype: { label: '险种类型', max: 6, dict: 'insutype' },
  tel: { label: '联系电话', max: 50 },
  addr: { label: '联系地址', max: 200 },
  insu_optins: { label: '参保机构医保区划', max: 6, format: 'admdvs' },
  diag_code: { label: '诊断代码', max: 20, required: true },
  diag_name: { label: '诊断名称', max: 100, required: true },
  dise_cond_dscr: { label: '疾病病情描述', max: 2000 },
  reflin_medins_no: { label: '转往定点医药机构编号', max: 30, required: true },
  reflin_medins_name: { label: '转往定点医药机构名称', max: 200, required: true },
  mdtrtarea_admdvs: { label: '就医地医保区划', max: 6, required: true, format: 'admdvs' },
  hosp_agre_refl_flag: { label: '医院同意转院标志', max: 3, dict: 'hosp_agre_refl_flag' },
  refl_type: { label: '转院类型', max: 30, required: true, dict: 'refl_type' },
  refl_date: { label: '转院日期', max: 10, required: true, format: 'date' },
  refl_rea: { label: '转院原因', max: 100, required: true },
  refl_opnn: { label: '转院意见', max: 200, required: true },
  begndate: { label: '开始日期', max: 10, required: true, format: 'date' },
  enddate: { label: '结束日期', max: 10, format: 'date' },
};

/** A region code's significant prefix: 110000 -> 11, 320100 -> 3201, 320106 -> 320106. */
function regionPrefix(code: string): string {
  return code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
}

export function fileReferral(ctx: TxContext): unknown {
  const rules: FieldRules = { ...REFERRAL_FIELDS };
  if (ctx.env.infno === '2501A') {
    if (ctx.behaviour.referralAExtra === 'refl_old_mdtrt_id') rules.refl_old_mdtrt_id = { label: '转院前就诊ID', max: 30, required: true };
    else rules.refl_used_flag = { label: '转诊使用标志', max: 3, required: true };
  }
  const v = checkFields(ctx.node, rules, ctx.env.insuplc_admdvs, 'refmedin');
  if (v.refl_used_flag && !['0', '1'].includes(v.refl_used_flag)) reject('refmedin.refl_used_flag（转诊使用标志）应为0或1');
  const { insurance } = insuredPerson(ctx, v.psn_no!, v.insutype);
  if (insurance.status !== '1') reject('参保人参保状态非正常（暂停或终止），不能办理转院备案');
  if (v.enddate && v.enddate < v.begndate!) reject('结束日期不能早于开始日期');
  if (!SIM_DIAGNOSES.some((d) => d.code === v.diag_code)) reject(`诊断代码[${v.diag_code}]不在医保疾病诊断目录中`);
  const destination = findInstitution(v.reflin_medins_no!);
  if (!destination || destination.type !== '1') reject(`转往定点医药机构[${v.reflin_medins_no}]不存在`);
  if (destination.name !== v.reflin_medins_name) reject(`转往定点医药机构名称与编号[${v.reflin_medins_no}]不符`);
  if (destination.code === ctx.env.fixmedins_code) reject('转往机构不能是本机构');
  if (!destination.code.slice(1, 7).startsWith(regionPrefix(v.mdtrtarea_admdvs!))) {
    reject(`就医地医保区划[${v.mdtrtarea_admdvs}]与转往机构所在地不符`);
  }
  const duplicate = ctx.store.activeOverlapping('referral', v.psn_no!, destination.code, v.begndate!, v.enddate ?? null).length > 0;
  if (duplicate) reject(`该参保人已有转往${destination.name}的有效转院备案，请勿重复备案`);
  return storeFiling(ctx, {
    kind: 'referral',
    personNo: v.psn_no!,
    target: destination.code,
    startDate: v.begndate!,
    endDate: v.enddate ?? null,
    data: { ...v, insutype: v.insutype ?? insurance.insutype },
  });
}

export function cancelReferral(ctx: TxContext): unknown {
  return cancelOwnFiling(ctx, 'referral', '转院备案');
}

export function queryReferrals(ctx: TxContext): unknown {
  const { person, rows } = activeFilingsInWindow(ctx, 'referral');
  return {
    refmedin: rows.map((f) => {
      const d = f.data as Record<string, string | undefined>;
      return {
        insutype: d.insutype ?? null,
        dcla_souc: '1',
        psn_no: f.personNo,
        psn_cert_type: '01',
        certno: person.certNo,
        psn_name: person.name,
        gend: person.sex === 'male' ? '1' : '2',
        brdy: person.birthDate,
        tel: d.tel ?? null,
        addr: d.addr ?? null,
        insu_optins: d.insu_optins ?? f.insuredRegion,
        emp_name: null,
        diag_code: d.diag_code,
        diag_name: d.diag_name,
        dise_cond_dscr: d.dise_cond_dscr ?? null,
        reflin_medins_no: f.target,
        reflin_medins_name: d.reflin_medins_name,
        out_flag: f.target.slice(1, 5) === f.insuredRegion.slice(0, 4) ? '0' : '1',
        refl_date: d.refl_date,
        refl_rea: d.refl_rea,
        begndate: f.startDate,
        enddate: f.endDate,
        hosp_agre_refl_flag: d.hosp_agre_refl_flag ?? null,
        opter_id: f.operator,
        opter_name: f.operatorName,
        opt_time: f.operatedAt,
        ...(ctx.behaviour.includeSerialIn5304 ? { trt_dcla_detl_sn: f.serial } : {}),
      };
    }),
  };
}
