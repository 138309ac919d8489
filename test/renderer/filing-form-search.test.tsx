// The search boxes of the new-filing form: a destination institution picked from institution.search
// fills its platform code; a diagnosis picked from diagnosis.search fills both halves.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { POLICY_PROFILES } from '../../shared/domain/policy';
import { FilingForm } from '../../renderer/src/screens/filing-form/FilingForm';
import { initialValues } from '../../renderer/src/screens/filing-form/formValues';
import type { DeskPolicy } from '../../renderer/src/screens/filing-form/useDeskPolicy';
import { fakeDesk } from './fakeDesk';

const NATIONAL: DeskPolicy = {
  profile: POLICY_PROFILES['national-2022'],
  types: [{ type: 'referral', label: '异地转诊人员' }],
  institution: { code: 'H32010600001', name: '南京演练人民医院', regionCode: '320100' },
};

const byId = (id: string) => document.getElementById(id) as HTMLInputElement;

function renderForm() {
  const desk = fakeDesk({
    'institution.search': () => ({ ok: true, value: { items: [{ code: 'H31010400001', name: '上海演练胸科医院', regionCode: '310104', level: null }], source: 'platform', warning: null } }),
    'diagnosis.search': () => ({ ok: true, value: [{ code: 'C34.900', name: '肺恶性肿瘤' }] }),
  });
  render(desk.wrap(<FilingForm policy={NATIONAL} initialValues={initialValues(new Date(), 'referral')} save={(r) => desk.api.invoke('filing.create', r)} onSaved={() => {}} onCancel={() => {}} />));
  return desk;
}

describe('search boxes', () => {
  it('fills the destination institution code from the picked line', async () => {
    renderForm();
    const box = byId('filing_details_destinationInstitution_name');
    fireEvent.change(box, { target: { value: '胸科' } });
    const option = await screen.findByText('上海演练胸科医院（H31010400001）', {}, { timeout: 3000 });
    await act(async () => {
      fireEvent.click(option);
    });
    await waitFor(() => expect(box.value).toBe('上海演练胸科医院'));
    expect((screen.getByTestId('filing_details_destinationInstitution_name_code') as HTMLInputElement).value).toBe('H31010400001');
  });

  it('fills the diagnosis code when the name is picked from the catalogue', async () => {
    renderForm();
    const box = byId('filing_details_diagnosisName');
    fireEvent.change(box, { target: { value: '肺' } });
    const option = await screen.findByText('C34.900 肺恶性肿瘤', { selector: '.ant-select-item-option-content' }, { timeout: 3000 });
    await act(async () => {
      fireEvent.click(option);
    });
    await waitFor(() => expect(box.value).toBe('肺恶性肿瘤'));
    expect(byId('filing_details_diagnosisCode').value).toBe('C34.900');
  });
});
