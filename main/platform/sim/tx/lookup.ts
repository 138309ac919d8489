// 1101 person, 1201 institutions, 1901 dictionaries (§2.2, §2.3, §2.12), 1307 diagnosis catalogue (stand-in).
import { simDate } from '../clock';
import { INSUTYPE_LABELS } from '../../wire';
import { SIM_DIAGNOSES, SIM_INSTITUTIONS, SIM_PERSONS, simDictionary } from '../seed';
import { checkFields, reject } from '../validate';
import type { TxContext } from './context';

function age(birthDate: string, at: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const [ny, nm, nd] = at.split('-').map(Number) as [number, number, number];
  return ny - y - (nm < m || (nm === m && nd < d) ? 1 : 0);
}

export function person(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    {
      mdtrt_cert_type: { label: '就诊凭证类型', max: 3, required: true, dict: 'mdtrt_cert_type' },
      mdtrt_cert_no: { label: '就诊凭证编号', max: 50, required: true },
      card_sn: { label: '卡识别码', max: 32 },
      begntime: { label: '开始时间', max: 19, format: 'datetime' },
      psn_cert_type: { label: '人员证件类型', max: 6, required: true, dict: 'psn_cert_type' },
      certno: { label: '证件号码', max: 50 },
      psn_name: { label: '人员姓名', max: 50 },
    },
    ctx.env.mdtrtarea_admvs,
    'data',
  );
  if (v.mdtrt_cert_type === '03' && !v.card_sn) reject('就诊凭证类型为社会保障卡时，卡识别码card_sn不能为空');
  const no = v.mdtrt_cert_no!.toUpperCase();
  const found = SIM_PERSONS.find((p) =>
    v.mdtrt_cert_type === '01' ? p.eVoucher === no : v.mdtrt_cert_type === '02' ? p.certNo === no : p.socialCardNo === no,
  );
  if (!found) reject('未查询到该人员的参保信息，请核对就诊凭证编号');
  if (v.certno && v.certno.toUpperCase() !== found.certNo) reject('证件号码与就诊凭证不符');
  if (v.psn_name && v.psn_name !== found.name) reject('人员姓名与证件号码不符');
  return {
    baseinfo: {
      psn_no: found.personNo,
      psn_cert_type: '01',
      certno: found.certNo,
      psn_name: found.name,
      gend: found.sex === 'male' ? '1' : '2',
      naty: '01',
      brdy: found.birthDate,
      age: age(found.birthDate, simDate(ctx.now)),
    },
    insuinfo: found.insurances.map((i) => ({
      balc: i.balance,
      insutype: i.insutype,
      psn_type: i.personType,
      psn_insu_stas: i.status,
      psn_insu_date: i.since,
      paus_insu_date: i.pausedSince,
      cvlserv_flag: i.civilServant ? '1' : '0',
      insuplc_admdvs: i.insuredRegion,
      emp_name: i.employer,
    })),
    idetinfo: [],
  };
}

export function institutions(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    {
      fixmedins_type: { label: '定点医药机构类型', max: 6, required: true },
      fixmedins_code: { label: '定点医药机构编号', max: 30 },
      fixmedins_name: { label: '定点医药机构名称', max: 200 },
    },
    ctx.env.mdtrtarea_admvs,
    'medinsinfo',
  );
  if (!['1', '2'].includes(v.fixmedins_type!)) reject('medinsinfo.fixmedins_type（定点医药机构类型）应为1或2');
  if (!v.fixmedins_code && !v.fixmedins_name) reject('请至少输入定点医药机构编号或名称');
  const list = SIM_INSTITUTIONS.filter(
    (i) =>
      i.type === v.fixmedins_type &&
      (!v.fixmedins_code || i.code === v.fixmedins_code.toUpperCase()) &&
      (!v.fixmedins_name || i.name.includes(v.fixmedins_name)),
  );
  return {
    medinsinfo: list.map((i) => ({ fixmedins_code: i.code, fixmedins_name: i.name, uscc: i.uscc, fixmedins_type: i.type, hosp_lv: i.level })),
  };
}

export function dictionary(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    {
      type: { label: '字典类型', max: 30, required: true },
      parentValue: { label: '父字典键值', max: 10 },
      admdvs: { label: '行政区划', max: 6, required: true, format: 'admdvs' },
      date: { label: '查询日期', max: 10, required: true, format: 'date' },
      valiFlag: { label: '有效标志', max: 3 },
    },
    ctx.env.mdtrtarea_admvs,
    'data',
  );
  const entries = simDictionary(v.type!, v.admdvs!);
  if (!entries) reject(`字典类型[${v.type}]不存在`);
  const rows = v.type === 'insutype' ? entries.map((e) => ({ ...e, label: INSUTYPE_LABELS[e.value] ?? e.label })) : entries;
  return {
    list: rows
      .filter((e) => !v.parentValue || e.parent === v.parentValue)
      .map((e, i) => ({
        type: v.type,
        label: e.label,
        value: e.value,
        parent_value: e.parent ?? null,
        sort: i + 1,
        vali_flag: '1',
        create_user: 'sim',
        create_date: '2021-01-01',
        version: '1',
      })),
  };
}

/**
 * 1307 (stand-in): the diagnosis catalogue a page at a time. The national catalogue downloads hand
 * back a file through 9101/9102 (not in nhsa-interface.md, UNCERTAIN); inline pages keep the
 * simulator small. Output {list: [{diag_code, diag_name}], total}.
 */
export function diagnoses(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    {
      page_num: { label: '当前页数', max: 6, required: true },
      page_size: { label: '本页数据量', max: 4, required: true },
    },
    ctx.env.mdtrtarea_admvs,
    'data',
  );
  const pageNum = Number(v.page_num);
  const pageSize = Number(v.page_size);
  if (!Number.isInteger(pageNum) || pageNum < 1) reject('data.page_num（当前页数）应为正整数');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) reject('data.page_size（本页数据量）应为1至1000的整数');
  const start = (pageNum - 1) * pageSize;
  return {
    list: SIM_DIAGNOSES.slice(start, start + pageSize).map((d) => ({ diag_code: d.code, diag_name: d.name, vali_flag: '1' })),
    total: SIM_DIAGNOSES.length,
  };
}
