// The setup form's values and how they become a setup.initialize request.
import { channels, fail, type Failure, type RequestOf } from '../../../../shared/contract';
import { validate, type Validated } from '../../api/validate';

export interface SetupFormValues {
  institutionCode?: string;
  institutionName?: string;
  regionCode?: string;
  adminUsername?: string;
  adminDisplayName?: string;
  adminPassword?: string;
  confirmPassword?: string;
}

/** Field order on the form; the names are the request's own (plus the local confirmation). */
export const SETUP_FIELDS = [
  'institutionCode',
  'institutionName',
  'regionCode',
  'adminUsername',
  'adminDisplayName',
  'adminPassword',
  'confirmPassword',
] as const;

const MISMATCH = '两次输入的密码不一致，请重新输入';

export function toSetupRequest(values: SetupFormValues): Validated<RequestOf<'setup.initialize'>> {
  const checked = validate(channels['setup.initialize'].request, {
    institutionCode: values.institutionCode ?? '',
    institutionName: values.institutionName ?? '',
    regionCode: values.regionCode,
    adminUsername: values.adminUsername ?? '',
    adminDisplayName: values.adminDisplayName ?? '',
    adminPassword: values.adminPassword ?? '',
  });
  const mismatch = (values.confirmPassword ?? '') !== (values.adminPassword ?? '');
  if (!mismatch) return checked;
  if (checked.ok) return fail('INVALID_REQUEST', MISMATCH, { confirmPassword: MISMATCH });
  const failure: Failure = { ...checked, fields: { ...checked.fields, confirmPassword: MISMATCH } };
  return failure;
}
