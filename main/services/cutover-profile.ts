// Switching the desk's platform profile (endpoint, gateway signing, interface variant) at a cut-over.
// Safety rule (docs/cutover.md): an upload that is in flight or uncertain belongs to the platform it
// was sent to — its outcome can only be reconciled there — so a switch is refused until the queue has
// none. Pending uploads have not left yet; they go wherever the desk is configured when they are sent,
// so a switch with pending uploads needs the admin to confirm they move (the count is audited). The
// queue resolves the profile at each call (main/app/platform-wiring.ts) after committing the entry in
// flight, so the check here and the claim there cannot both pass for the same entry.
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { appendAudit } from '../../db/repositories/audit';
import { getProfileSetting, saveProfileSetting } from '../../db/repositories/cutover';
import { getInstitution } from '../../db/repositories/institution';
import { queueStats } from '../../db/repositories/outbox';
import { clearSignIns } from '../../db/repositories/platformSignIns';
import { DeskError } from '../app/errors';
import type { PlatformSwitcher } from '../app/platform-wiring';
import type { Session } from '../app/sessions';
import { findProfile, PROFILES, type InterfaceProfile } from '../platform/profiles';
import type { SyncControl } from '../sync/engine';
import { inTransaction, type ServiceContext } from './context';
import { publishQueueStats } from './queue';

/** The dry run signs in as its own operator, so the queue's held sign-in is never replaced by a candidate's. */
export const PROBE_OPERATOR = { id: 'desk-cutover-probe', name: '切换测试' };

function endpointText(profile: InterfaceProfile): string {
  return profile.endpoint.style === 'single' ? `单一入口 ${profile.endpoint.path}` : `按交易号路径 ${profile.endpoint.pathTemplate}`;
}

export const CREDENTIAL_SOURCE_NOTES = { store: '来自本机加密保存', file: '来自凭据文件', env: '来自环境变量' } as const;

function option(profile: InterfaceProfile, switcher: PlatformSwitcher | null): ResponseOf<'cutover.profile.get'>['profiles'][number] {
  const lookup = switcher?.credentialsFor(profile) ?? (profile.gateway.scheme === 'none' ? { status: 'not_needed' as const } : { status: 'missing' as const, message: '未配置网关凭据' });
  return {
    id: profile.id,
    label: profile.label,
    source: profile.source,
    gateway: profile.gateway.scheme,
    endpoint: endpointText(profile),
    referralInfno: profile.referral.infno,
    infver: profile.infver,
    outOfArea: profile.outOfArea !== null,
    credentials: lookup.status,
    credentialsNote: lookup.status === 'available' ? CREDENTIAL_SOURCE_NOTES[lookup.source] : lookup.status === 'not_needed' ? null : lookup.message,
  };
}

function queueCounts(ctx: ServiceContext) {
  const s = queueStats(ctx.db);
  return { pending: s.pending, inFlight: s.inFlight, uncertain: s.uncertain, rejected: s.rejected };
}

export function state(ctx: ServiceContext, switcher: PlatformSwitcher | null): ResponseOf<'cutover.profile.get'> {
  const active = switcher?.active(ctx.sqlite) ?? null;
  return {
    switchable: switcher !== null,
    training: switcher?.training ?? ctx.mode === 'training',
    active: active ? { profileId: active.profileId, label: findProfile(active.profileId)?.label ?? active.profileId, baseUrl: active.baseUrl, source: active.source } : null,
    startup: switcher ? { ...switcher.startup } : null,
    profiles: PROFILES.map((p) => option(p, switcher)),
    queue: queueCounts(ctx),
  };
}

function needSwitcher(switcher: PlatformSwitcher | null): PlatformSwitcher {
  if (!switcher) throw new DeskError('BUSINESS_RULE', '本工作台未接入可切换的医保平台配置（未配置平台或使用固定的测试平台），不能切换接口配置');
  return switcher;
}

function candidate(switcher: PlatformSwitcher, req: { profileId: string; baseUrl?: string | undefined }) {
  const profile = findProfile(req.profileId);
  if (!profile) throw new DeskError('INVALID_REQUEST', `没有名为“${req.profileId}”的接口配置，请从列表中选择`, { profileId: '请从列表中选择接口配置' });
  const lookup = switcher.credentialsFor(profile);
  if (lookup.status === 'missing' || lookup.status === 'invalid') throw new DeskError('BUSINESS_RULE', `${profile.label}：${lookup.message}`, { profileId: lookup.message });
  return { profile, choice: { profileId: profile.id, baseUrl: req.baseUrl ?? switcher.startup.baseUrl } };
}

/** Signs in against the candidate (9001) and reports what happened; the desk's setting is untouched. */
export async function test(ctx: ServiceContext, switcher: PlatformSwitcher | null, req: ParsedRequestOf<'cutover.profile.test'>, session: Session): Promise<ResponseOf<'cutover.profile.test'>> {
  const { profile, choice } = candidate(needSwitcher(switcher), req);
  const institution = getInstitution(ctx.db);
  if (!institution) throw new DeskError('BUSINESS_RULE', '工作台尚未完成初始设置，请先填写医疗机构信息');
  const client = switcher!.clientFor({ sqlite: ctx.sqlite, institution }, choice);
  const outcome = await client.probe(PROBE_OPERATOR);
  client.invalidateSignIn(PROBE_OPERATOR.id);
  const result = {
    ok: outcome.outcome === 'ok',
    profileId: profile.id,
    baseUrl: choice.baseUrl,
    outcome: outcome.outcome,
    message: outcome.outcome === 'ok' ? `连接测试成功：已在 ${choice.baseUrl} 按“${profile.label}”签到（${outcome.durationMs} 毫秒），未切换` : `连接测试未通过：${outcome.message}`,
    durationMs: outcome.durationMs,
    msgid: outcome.msgid,
  };
  appendAudit(ctx.db, { at: ctx.clock().toISOString(), operatorId: session.operatorId, action: 'platform.profile.test', entityType: 'platform_profile', entityId: profile.id, after: result });
  return result;
}

export function switchProfile(
  ctx: ServiceContext,
  switcher: PlatformSwitcher | null,
  sync: SyncControl | null,
  req: ParsedRequestOf<'cutover.profile.switch'>,
  session: Session,
): ResponseOf<'cutover.profile.switch'> {
  const s = needSwitcher(switcher);
  const { profile, choice } = candidate(s, req);
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    const before = s.active(ctx.sqlite);
    if (before.profileId === choice.profileId && before.baseUrl === choice.baseUrl) {
      throw new DeskError('CONFLICT', `当前已在使用“${profile.label}”（${choice.baseUrl}），无需切换`);
    }
    const counts = queueCounts(ctx);
    if (counts.inFlight > 0 || counts.uncertain > 0) {
      throw new DeskError(
        'CONFLICT',
        `上传队列中有 ${counts.inFlight} 笔上传中、${counts.uncertain} 笔待核实的备案，它们已发往当前平台，只能在当前平台核实结果；请在“上传队列”中处理完毕后再切换`,
      );
    }
    if (counts.pending + counts.rejected > 0 && !req.movePending) {
      throw new DeskError(
        'BUSINESS_RULE',
        `上传队列中有 ${counts.pending} 笔待上传、${counts.rejected} 笔被退回的备案，切换后将上传到新平台；请勾选“待上传备案改为上传到新平台”后再切换`,
        { movePending: '请确认待上传备案改为上传到新平台' },
      );
    }
    const previous = getProfileSetting(ctx.db) ?? null;
    saveProfileSetting(ctx.db, { profileId: choice.profileId, baseUrl: req.baseUrl ?? null, updatedAt: at, updatedBy: session.operatorId });
    // A sign_no belongs to the platform that issued it: the next call signs in at the new one.
    clearSignIns(ctx.db);
    appendAudit(ctx.db, {
      at,
      operatorId: session.operatorId,
      action: 'platform.profile.switch',
      entityType: 'platform_profile',
      entityId: choice.profileId,
      before: { ...before, setting: previous },
      after: { ...choice, movedPending: counts.pending, movedRejected: counts.rejected },
    });
  });
  publishQueueStats(ctx);
  sync?.retryNow();
  return state(ctx, s);
}
