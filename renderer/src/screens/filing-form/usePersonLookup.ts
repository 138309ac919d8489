// 参保人查询 (1101 through person.lookup) from the certificate number: found → the name, the
// insurance row, 人员编号 and 参保地 are filled; platform unavailable → manual entry, verified once
// the platform is back; not found → manual entry with a warning.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { PersonDto } from '../../../../shared/contract/areas/lookup';
import { checkIdCard } from '../../../../shared/domain/idcard';
import { INSURANCE_TYPE_LABELS } from '../../../../shared/domain/insurance';
import { useApi } from '../../api/ApiContext';
import type { FilingFormValues } from './formValues';

export type LookupState =
  | { status: 'idle' }
  | { status: 'looking' }
  | { status: 'found'; person: PersonDto; note: string | null }
  | { status: 'offline'; message: string }
  | { status: 'not_found'; message: string }
  | { status: 'failed'; message: string };

/** Whether the number is complete enough to ask the platform (an ID card must pass its check digit). */
export function canLookUp(certType: string | undefined, certNo: string | undefined): boolean {
  const n = certNo?.trim() ?? '';
  if (!certType || !n) return false;
  return certType === 'id_card' ? checkIdCard(n).ok : n.length >= 4;
}

export function usePersonLookup(form: FormInstance<FilingFormValues>) {
  const api = useApi();
  const [state, setState] = useState<LookupState>({ status: 'idle' });

  /** Looks the person up; resolves true when the platform filled the person. */
  async function lookUp(): Promise<boolean> {
    const certType = form.getFieldValue('certType') as FilingFormValues['certType'];
    const certNo = String(form.getFieldValue('certNo') ?? '').trim();
    if (!certType || !canLookUp(certType, certNo)) return false;
    setState({ status: 'looking' });
    const cardSerial = String(form.getFieldValue('cardSerial') ?? '').trim();
    const r = await api.invoke('person.lookup', { certType, number: certNo, ...(certType === 'social_security_card' && cardSerial ? { cardSerial } : {}) });
    if (!r.ok) {
      if (r.code === 'PLATFORM_UNAVAILABLE') setState({ status: 'offline', message: r.message });
      else if (r.code === 'NOT_FOUND') setState({ status: 'not_found', message: `${r.message}；可核对证件号码后手工录入` });
      else setState({ status: 'failed', message: `参保人查询未成功（${r.message}），请手工录入` });
      return false;
    }
    const person = r.value;
    const chosen = form.getFieldValue('insuranceType') as FilingFormValues['insuranceType'];
    const fileable = person.insurances.filter((i) => i.insuranceType !== null);
    const row = fileable.find((i) => i.insuranceType === chosen) ?? (fileable.length === 1 ? fileable[0] : undefined);
    let note: string | null = null;
    if (!row) note = fileable.length ? '该参保人有多条参保记录，请按险种类别选择后再查询' : '该参保人没有可办理异地备案的参保险种';
    else if (chosen && row.insuranceType !== chosen) note = `已按平台参保记录改为${INSURANCE_TYPE_LABELS[row.insuranceType!]}`;
    else if (row.status !== null && row.status !== '1') note = `参保状态：${row.statusLabel}，备案可能被拒绝`;
    form.setFieldsValue({
      personName: person.name,
      ...(row?.insuranceType ? { insuranceType: row.insuranceType } : {}),
    });
    form.setFieldValue(['details', 'personNo'], person.personNo);
    if (row) form.setFieldValue(['details', 'insuredRegion'], row.insuredRegion);
    setState({ status: 'found', person, note });
    return true;
  }

  /** The number changed: what was looked up no longer applies. */
  function reset(): void {
    if (state.status === 'idle') return;
    form.setFieldValue(['details', 'personNo'], undefined);
    form.setFieldValue(['details', 'insuredRegion'], undefined);
    setState({ status: 'idle' });
  }

  return { state, lookUp, reset };
}
