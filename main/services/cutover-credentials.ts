// Gateway credentials at a cut-over (docs/cutover.md "Credentials"): which source each profile's
// credentials come from, and — on desk PCs, where the Electron shell hands the switcher a
// system-encrypted store — entering or removing them. Nothing here returns or audits a secret value.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { appendAudit } from '../../db/repositories/audit';
import { ENCRYPTION_UNAVAILABLE, type CredentialStore } from '../app/credential-store';
import { DeskError } from '../app/errors';
import { CREDENTIALS_FILE_ENV, type PlatformSwitcher } from '../app/platform-wiring';
import type { Session } from '../app/sessions';
import { findProfile, PROFILES } from '../platform/profiles';
import type { ServiceContext } from './context';

export const BROWSER_MODE_REFUSAL = `浏览器模式下请通过凭据文件或环境变量配置网关凭据：设置 ${CREDENTIALS_FILE_ENV} 指向权限为 600 的 JSON 凭据文件，或设置 DESK_PLATFORM_XTIF_PAASID / DESK_PLATFORM_XTIF_SECRET（x-tif）、DESK_PLATFORM_CSB_ACCESS_KEY / DESK_PLATFORM_CSB_SECRET_KEY（csb）`;

export function status(switcher: PlatformSwitcher | null): ResponseOf<'cutover.credentials.status'> {
  if (!switcher) return [];
  const store = switcher.store?.status() ?? { available: false, profiles: [] };
  return PROFILES.filter((p) => p.gateway.scheme !== 'none').map((profile) => {
    const lookup = switcher.credentialsFor(profile);
    const source = lookup.status === 'available' ? lookup.source : lookup.status === 'not_needed' ? 'missing' : lookup.status;
    return {
      profileId: profile.id,
      label: profile.label,
      gateway: profile.gateway.scheme,
      source,
      message: lookup.status === 'missing' || lookup.status === 'invalid' ? lookup.message : null,
      storeAvailable: store.available,
      stored: store.profiles.includes(profile.id),
    };
  });
}

function needStore(switcher: PlatformSwitcher | null): { switcher: PlatformSwitcher; store: CredentialStore } {
  if (!switcher) throw new DeskError('BUSINESS_RULE', '本工作台未接入可切换的医保平台配置（未配置平台或使用固定的测试平台），不能保存网关凭据');
  if (!switcher.store) throw new DeskError('BUSINESS_RULE', BROWSER_MODE_REFUSAL);
  return { switcher, store: switcher.store };
}

function profileOf(profileId: string) {
  const profile = findProfile(profileId);
  if (!profile) throw new DeskError('INVALID_REQUEST', `没有名为“${profileId}”的接口配置，请从列表中选择`, { profileId: '请从列表中选择接口配置' });
  return profile;
}

export function set(ctx: ServiceContext, switcher: PlatformSwitcher | null, req: ParsedRequestOf<'cutover.credentials.set'>, session: Session): ResponseOf<'cutover.credentials.set'> {
  const { store } = needStore(switcher);
  const profile = profileOf(req.profileId);
  if (profile.gateway.scheme !== 'none' && req.credentials.scheme !== profile.gateway.scheme) {
    throw new DeskError('INVALID_REQUEST', `${profile.label}使用 ${profile.gateway.scheme} 网关签名，填写的凭据是 ${req.credentials.scheme}，请重新填写`, { credentials: `应为 ${profile.gateway.scheme} 凭据` });
  }
  if (!store.status().available) throw new DeskError('BUSINESS_RULE', ENCRYPTION_UNAVAILABLE);
  const replaced = store.status().profiles.includes(profile.id);
  store.write(profile.id, req.credentials);
  appendAudit(ctx.db, {
    at: ctx.clock().toISOString(),
    operatorId: session.operatorId,
    action: 'platform.credentials.set',
    entityType: 'platform_profile',
    entityId: profile.id,
    // Which fields were entered, never their values.
    after: { source: 'store', scheme: req.credentials.scheme, fields: Object.keys(req.credentials).filter((k) => k !== 'scheme'), replaced },
  });
  return status(switcher);
}

export function clear(ctx: ServiceContext, switcher: PlatformSwitcher | null, req: ParsedRequestOf<'cutover.credentials.clear'>, session: Session): ResponseOf<'cutover.credentials.clear'> {
  const { store } = needStore(switcher);
  const profile = profileOf(req.profileId);
  if (!store.clear(profile.id)) throw new DeskError('CONFLICT', `本机没有保存“${profile.label}”的网关凭据，无需清除`);
  appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session.operatorId, action: 'platform.credentials.clear', entityType: 'platform_profile', entityId: profile.id, after: { source: 'store' } });
  return status(switcher);
}
