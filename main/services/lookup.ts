// Person lookup (1101), the destination-institution picker (1201, cached) and the diagnosis
// catalogue (downloaded and stored): the lookup area's use cases (shared/contract/areas/lookup.ts).
import type { ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { PLATFORM_UNAVAILABLE_MESSAGE, type PersonDto, type PersonVerificationDto } from '../../shared/contract/areas/lookup';
import { checkIdCard } from '../../shared/domain/idcard';
import { nameInitials } from '../../shared/domain/pinyin';
import { appendAudit } from '../../db/repositories/audit';
import { getFiling } from '../../db/repositories/filings';
import {
  catalogueStatus,
  filingOrigin,
  getVerification,
  markCatalogueRefreshed,
  recentInstitutionQueries,
  replaceDiagnoses,
  saveInstitutions,
  searchDiagnoses,
  searchInstitutions,
  type CachedDiagnosis,
  type CachedInstitution,
} from '../../db/repositories/lookup';
import { DeskError } from '../app/errors';
import type { Session } from '../app/sessions';
import type { InstitutionInfo, PersonInfo, PlatformOperator, PlatformOutcome } from '../platform/types';
import { inTransaction, type ServiceContext } from './context';
import { lookupRuntime, type LookupPlatform } from './lookupPlatform';
import { LOOKUP_OPERATOR, needsVerification, SOCIAL_CARD_NOT_VERIFIED, statusLabel } from './lookupVerification';

function operatorOf(session: Session): PlatformOperator {
  return { id: session.operatorId, name: session.displayName };
}

/** The platform if it may be asked now; otherwise the error the form falls back to manual entry on. */
function platformOrUnavailable(ctx: ServiceContext, message = PLATFORM_UNAVAILABLE_MESSAGE): LookupPlatform {
  const a = lookupRuntime(ctx).availability();
  if (!a.ok) throw new DeskError('PLATFORM_UNAVAILABLE', message);
  return a.platform;
}

/** Outcomes that mean "the platform could not be asked": fall back, do not blame the input. */
function unreachable(outcome: PlatformOutcome<unknown>): boolean {
  return outcome.outcome === 'not_sent' || outcome.outcome === 'unknown' || outcome.outcome === 'auth';
}

// --- person.lookup ----------------------------------------------------------------------------

function toPersonDto(person: PersonInfo): PersonDto {
  return {
    personNo: person.personNo,
    name: person.name,
    certNo: person.certNo,
    sex: person.sex,
    birthDate: person.birthDate,
    // 1101 carries no phone or address (nhsa-interface.md §2.2); a province that adds them can map them here.
    phone: null,
    address: null,
    insurances: person.insurances.map((row) => ({
      insuranceType: row.insuranceType,
      insuranceTypeCode: row.insuranceTypeCode,
      insuredRegion: row.insuredRegion,
      status: row.status,
      statusLabel: statusLabel(row.status),
      label: row.insuranceTypeLabel,
    })),
  };
}

export async function lookupPerson(ctx: ServiceContext, req: ParsedRequestOf<'person.lookup'>, session: Session): Promise<ResponseOf<'person.lookup'>> {
  const number = req.number.trim().toUpperCase();
  if (req.certType === 'id_card') {
    const check = checkIdCard(number);
    if (!check.ok) throw new DeskError('INVALID_REQUEST', check.message, { number: check.message });
  }
  if (req.certType === 'social_security_card' && !req.cardSerial?.trim()) {
    const message = '按社会保障卡查询需要卡识别码，请刷卡读取或改用身份证号查询';
    throw new DeskError('INVALID_REQUEST', message, { cardSerial: message });
  }
  const platform = platformOrUnavailable(ctx);
  const lookup = { certType: req.certType, certNo: number, ...(req.cardSerial?.trim() ? { cardSerial: req.cardSerial.trim() } : {}) };
  const outcome = await platform.queryPerson(lookup, operatorOf(session));
  if (outcome.outcome === 'ok' && outcome.value) return toPersonDto(outcome.value);
  if (unreachable(outcome)) throw new DeskError('PLATFORM_UNAVAILABLE', PLATFORM_UNAVAILABLE_MESSAGE);
  // Rejected: the platform looked and did not find the person; its words say why.
  throw new DeskError('NOT_FOUND', `医保平台未查到该参保人：${outcome.message}`, { number: '请核对证件号码' });
}

// --- institution.search -----------------------------------------------------------------------

/** A 1201 answer younger than this is not asked again for the same query. */
const INSTITUTION_QUERY_FRESH_MS = 10 * 60_000;
const OFFLINE_INSTITUTIONS = '医保平台暂不可用，以下为本机缓存的医疗机构（可能不全），也可直接填写机构编码和名称';
const recentlyAsked = new WeakMap<ServiceContext, Map<string, number>>();

function cacheRow(i: InstitutionInfo): CachedInstitution {
  return { code: i.code, name: i.name, initials: nameInitials(i.name), regionCode: i.region, level: i.level, kind: i.kind };
}

/** What to ask 1201 for a typed query: a full institution code, or a name fragment; pinyin initials are answered locally. */
function institutionQueryOf(text: string): { key: string; query: { code?: string; name?: string } } | null {
  if (/^[A-Za-z]\d{11}$/.test(text)) return { key: `code:${text.toUpperCase()}`, query: { code: text.toUpperCase() } };
  if (/[\u4e00-\u9fff]/.test(text)) return { key: `name:${text}`, query: { name: text } };
  return null;
}

async function askInstitutions(ctx: ServiceContext, platform: LookupPlatform, key: string, query: { code?: string; name?: string }, op: PlatformOperator): Promise<boolean> {
  const outcome = await platform.queryInstitutions({ ...query, kind: 'medical' }, op);
  if (outcome.outcome !== 'ok' || !outcome.value) return false;
  const rows = outcome.value.map(cacheRow);
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => saveInstitutions(ctx.db, key, rows, at));
  return true;
}

function isInitials(text: string): boolean {
  return /^[A-Za-z]+$/.test(text);
}

export async function searchInstitutionsService(
  ctx: ServiceContext,
  req: ParsedRequestOf<'institution.search'>,
  session: Session,
): Promise<ResponseOf<'institution.search'>> {
  const text = req.query.trim();
  const limit = req.limit ?? 20;
  let source: 'platform' | 'cache' = 'cache';
  let warning: string | null = null;
  const ask = institutionQueryOf(text);
  if (ask) {
    const asked = recentlyAsked.get(ctx) ?? new Map<string, number>();
    recentlyAsked.set(ctx, asked);
    const last = asked.get(ask.key);
    const now = ctx.clock().getTime();
    if (last === undefined || now - last > INSTITUTION_QUERY_FRESH_MS) {
      const a = lookupRuntime(ctx).availability();
      if (a.ok && (await askInstitutions(ctx, a.platform, ask.key, ask.query, operatorOf(session)))) {
        asked.set(ask.key, now);
        source = 'platform';
      } else {
        warning = OFFLINE_INSTITUTIONS;
      }
    } else {
      source = 'platform';
    }
  }
  const rows = searchInstitutions(ctx.db, {
    text,
    initials: isInitials(text) ? text.toLowerCase() : '',
    ...(req.regionCode ? { regionPrefix: regionPrefix(req.regionCode) } : {}),
    limit,
  });
  return { items: rows.map((r) => ({ code: r.code, name: r.name, regionCode: r.regionCode, level: r.level })), source, warning };
}

/** 110000 -> 11, 340100 -> 3401: a province or city code covers the regions under it. */
function regionPrefix(code: string): string {
  if (code.length < 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

// --- diagnosis.search and the catalogue -----------------------------------------------------------

const DOWNLOAD_RETRY_MS = 60_000;
const lastDownloadTry = new WeakMap<ServiceContext, number>();

export async function searchDiagnosesService(ctx: ServiceContext, req: ParsedRequestOf<'diagnosis.search'>): Promise<ResponseOf<'diagnosis.search'>> {
  // An empty catalogue is downloaded on first use when the platform can be asked; a failed download is
  // tried again at most once a minute, so searches stay quick while the platform is away.
  const now = ctx.clock().getTime();
  const last = lastDownloadTry.get(ctx);
  if (catalogueStatus(ctx.db).diagnoses.count === 0 && (last === undefined || now - last >= DOWNLOAD_RETRY_MS)) {
    const a = lookupRuntime(ctx).availability();
    if (a.ok) {
      lastDownloadTry.set(ctx, now);
      await downloadDiagnoses(ctx, a.platform, LOOKUP_OPERATOR, null);
    }
  }
  const text = req.query.trim();
  const rows = searchDiagnoses(ctx.db, { text, initials: isInitials(text) ? text.toLowerCase() : '', limit: req.limit ?? 20 });
  return rows.map((r) => ({ code: r.code, name: r.name }));
}

/** Pages through the catalogue transaction; replaces the stored catalogue only when every page arrived. */
async function downloadDiagnoses(ctx: ServiceContext, platform: LookupPlatform, op: PlatformOperator, operatorId: string | null): Promise<PlatformOutcome<unknown> | null> {
  const rows = new Map<string, CachedDiagnosis>();
  for (let page = 1; page <= 10_000; page += 1) {
    const outcome = await platform.queryDiagnoses(page, op);
    if (outcome.outcome !== 'ok' || !outcome.value) return outcome;
    for (const e of outcome.value.entries) rows.set(e.code, { code: e.code, name: e.name, initials: nameInitials(e.name) });
    const total = outcome.value.total;
    if (outcome.value.entries.length === 0 || (total !== null && rows.size >= total)) break;
  }
  const at = ctx.clock().toISOString();
  inTransaction(ctx, () => {
    replaceDiagnoses(ctx.db, [...rows.values()], at);
    markCatalogueRefreshed(ctx.db, 'diagnoses', rows.size, at);
    appendAudit(ctx.db, { at, operatorId, action: 'catalogue.refreshed', entityType: 'catalogue', entityId: 'diagnoses', after: { count: rows.size } });
  });
  return null;
}

export function status(ctx: ServiceContext): ResponseOf<'catalogue.status'> {
  return catalogueStatus(ctx.db);
}

/** Downloads the diagnosis catalogue again and re-asks the recent 1201 queries (admin). */
export async function refresh(ctx: ServiceContext, session: Session): Promise<ResponseOf<'catalogue.refresh'>> {
  const platform = platformOrUnavailable(ctx, '医保平台暂不可用，目录未更新，请稍后重试（本机已有的目录照常可用）');
  const op = operatorOf(session);
  const failed = await downloadDiagnoses(ctx, platform, op, session.operatorId);
  if (failed) {
    if (unreachable(failed)) throw new DeskError('PLATFORM_UNAVAILABLE', `医保平台暂不可用，诊断目录未更新：${failed.message}`);
    throw new DeskError('BUSINESS_RULE', `医保平台未提供诊断目录：${failed.message}`);
  }
  const keys = recentInstitutionQueries(ctx.db, 50);
  // Without any cached query there is nothing to re-ask; the picker fills the cache as it is used.
  for (const key of keys) {
    const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const ok = await askInstitutions(ctx, platform, key, kind === 'code' ? { code: value } : { name: value }, op);
    if (!ok) break;
  }
  const after = catalogueStatus(ctx.db);
  if (keys.length > 0) inTransaction(ctx, () => markCatalogueRefreshed(ctx.db, 'institutions', after.institutions.count, ctx.clock().toISOString()));
  return after;
}

// --- person.verification --------------------------------------------------------------------------

const VERIFICATION_LABELS = {
  not_needed: '无需核验（参保信息来自医保平台查询）',
  pending: '待核验（平台恢复后自动核验）',
  verified: '已核验，与医保平台一致',
  mismatch: '信息与医保平台不一致，请核对',
  not_found: '医保平台查无此人，请核对证件号码',
} as const;

export function verification(ctx: ServiceContext, req: ParsedRequestOf<'person.verification'>): PersonVerificationDto {
  const filing = getFiling(ctx.db, req.filingId);
  if (!filing) throw new DeskError('NOT_FOUND', '备案不存在，请刷新后重试');
  const row = getVerification(ctx.db, filing.id);
  if (!row) {
    if (filingOrigin(ctx.db, filing.id) === 'import') {
      return { filingId: filing.id, state: 'not_needed', stateLabel: '无需核验（旧系统导入的备案）', mismatches: [], checkedAt: null, lastError: null };
    }
    const state = needsVerification(filing.details) ? 'pending' : 'not_needed';
    const lastError = state === 'pending' && filing.certType === 'social_security_card' ? SOCIAL_CARD_NOT_VERIFIED : null;
    return { filingId: filing.id, state, stateLabel: VERIFICATION_LABELS[state], mismatches: [], checkedAt: null, lastError };
  }
  return {
    filingId: filing.id,
    state: row.state,
    stateLabel: VERIFICATION_LABELS[row.state],
    mismatches: row.mismatches,
    checkedAt: row.checkedAt,
    lastError: row.lastError,
  };
}
