// The desk's client for the provincial platform. Every method resolves to a PlatformOutcome and never
// throws for network or platform problems (docs/platform.md). Configuration errors (a profile whose
// gateway needs credentials that were not given) throw at construction.
import { networkInterfaces } from 'node:os';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { loadDictionary, saveDictionary } from '../../db/repositories/platformDictionaries';
import { businessDate } from '../../shared/domain/time';
import { INSUTYPE_CODES } from '../../shared/domain/insurance';
import { exchange, operatorCode, type DeviceIdentity, type ExchangeContext, type ExchangeRequest, type InstitutionIdentity } from './exchange';
import { uploadRouteOf, type InterfaceProfile } from './profiles';
import type { FilingType } from '../../shared/domain/filing';
import { SignIns } from './signin';
import { checkCredentials, type GatewayCredentials } from './signing';
import { fetchTransport, httpTransport, type Transport } from './transport';
import { diagnosisPageInput, interpretDiagnosisPage, type DiagnosisPage } from './tx/diagnoses';
import { dictionaryInput, FALLBACK_DICTIONARIES, interpretDictionary } from './tx/dictionary';
import { institutionInput, interpretInstitutions } from './tx/institutions';
import { interpretOutOfAreaQuery, outOfAreaCancelInput, outOfAreaInput, outOfAreaQueryInput } from './tx/outOfArea';
import { interpretPerson, personInput } from './tx/person';
import { cancelInput, interpretCancel, interpretFiling, interpretReferralQuery, referralInput, referralQueryInput } from './tx/referral';
import { interpretSignOut, signOutInput } from './tx/signIn';
import type {
  CallOptions,
  Dictionary,
  FilingResult,
  InstitutionInfo,
  InstitutionQuery,
  OutOfAreaCancel,
  OutOfAreaUpload,
  PersonInfo,
  PersonLookup,
  PlatformOperator,
  PlatformOutcome,
  ReferralCancel,
  ReferralQuery,
  ReferralRecord,
  ReferralUpload,
  SignIn,
  UploadRoute,
} from './types';
import { INFNO } from './wire';

export interface PlatformClientOptions {
  /** The desk's database: msgid counter, exchange log, dictionary cache, sign-ins. */
  sqlite: Database.Database;
  institution: InstitutionIdentity;
  profile: InterfaceProfile;
  /** e.g. http://127.0.0.1:9100 for the simulator; the profile adds the path. */
  baseUrl: string;
  /** Gateway credentials from the desk's configuration; never in code, never logged. */
  credentials?: GatewayCredentials;
  clock?: () => Date;
  /** Send through this fetch instead of node:http (less precise about "not sent"). */
  fetchImpl?: typeof fetch;
  transport?: Transport;
  /** dev_no and the mac/ip reported at sign-in; defaults to this machine's first external interface. */
  device?: Partial<DeviceIdentity>;
}

export interface PlatformClient {
  signIn(op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<SignIn>>;
  /** Today's (CST) sign-in for the operator, signing in only when none is held. */
  ensureSignedIn(op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<SignIn>>;
  /** Forget held sign-ins (one operator's or all), e.g. after an outage; the next call signs in first. */
  invalidateSignIn(operatorId?: string): void;
  queryPerson(lookup: PersonLookup, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<PersonInfo>>;
  queryInstitutions(query: InstitutionQuery, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<InstitutionInfo[]>>;
  /** On failure, value carries the cached dictionary or the built-in fallback (see Dictionary.source). */
  queryDictionary(type: string, region: string, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<Dictionary>>;
  fileReferral(upload: ReferralUpload, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<FilingResult>>;
  cancelReferral(cancel: ReferralCancel, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<FilingResult>>;
  queryReferrals(query: ReferralQuery, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<ReferralRecord[]>>;
  fileOutOfArea(upload: OutOfAreaUpload, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<FilingResult>>;
  /** Cancels an uploaded out-of-area filing through the profile's cancel transaction. */
  cancelOutOfArea(cancel: OutOfAreaCancel, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<FilingResult>>;
  /**
   * The person's out-of-area filings recorded in the window, through the profile's query transaction,
   * as records in the reconciliation fingerprint (tx/outOfArea.ts interpretOutOfAreaQuery).
   */
  queryOutOfArea(query: ReferralQuery, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<ReferralRecord[]>>;
  /** Which transaction uploads a filing type under this client's profile; null: none (无需上传). */
  uploadRouteOf(type: FilingType): UploadRoute | null;
  /** One page (1-based) of the diagnosis catalogue, through the profile's catalogue transaction. */
  queryDiagnoses(pageNum: number, op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<DiagnosisPage>>;
  /** A light call for the connectivity breaker: a fresh sign-in (which also renews the held one). */
  probe(op: PlatformOperator): Promise<PlatformOutcome<SignIn>>;
}

/** What createPlatformClient returns: the PlatformClient plus desk-side extras. */
export interface DeskPlatformClient extends PlatformClient {
  readonly profile: InterfaceProfile;
  signOut(op: PlatformOperator, call?: CallOptions): Promise<PlatformOutcome<Record<string, never>>>;
  /** The best dictionary available without the network: cached for the region, else built-in, else null. */
  cachedDictionary(type: string, region: string): Dictionary | null;
}

function defaultDevice(): DeviceIdentity {
  for (const list of Object.values(networkInterfaces())) {
    for (const nic of list ?? []) {
      if (nic.family === 'IPv4' && !nic.internal) return { no: '', mac: nic.mac, ip: nic.address };
    }
  }
  return { no: '', mac: '00:00:00:00:00:00', ip: '127.0.0.1' };
}

/** A transaction the profile does not configure: nothing is built or sent. */
function notConfigured(message: string): PlatformOutcome<never> {
  return { outcome: 'not_sent', message, msgid: null, msgids: [], infno: '', durationMs: 0, reason: 'transaction_not_configured' };
}

type Call<T> = Omit<ExchangeRequest<T>, 'signNo' | 'operator' | 'call'>;

export function createPlatformClient(options: PlatformClientOptions): DeskPlatformClient {
  checkCredentials(options.profile.gateway, options.credentials);
  const clock = options.clock ?? (() => new Date());
  const db = drizzle(options.sqlite, { schema });
  const ctx: ExchangeContext = {
    db,
    sqlite: options.sqlite,
    institution: options.institution,
    profile: options.profile,
    baseUrl: options.baseUrl,
    credentials: options.credentials,
    clock,
    transport: options.transport ?? (options.fetchImpl ? fetchTransport(options.fetchImpl) : httpTransport()),
    device: { ...defaultDevice(), ...options.device },
    onOutage: () => signIns.invalidate(),
  };
  const signIns = new SignIns(ctx);

  /**
   * A business transaction: sign in if needed, send; if the platform refuses the sign-in, renew it and
   * send once more (a refused call was not executed, so resending is safe; it gets a new msgid).
   */
  async function run<T>(op: PlatformOperator, request: Call<T>, call?: CallOptions): Promise<PlatformOutcome<T>> {
    const started = performance.now();
    const msgids: string[] = [];
    const finish = (o: Omit<PlatformOutcome<T>, 'infno' | 'durationMs' | 'msgids' | 'msgid'>): PlatformOutcome<T> => ({
      ...o,
      msgid: msgids.at(-1) ?? null,
      msgids,
      infno: request.infno,
      durationMs: Math.round(performance.now() - started),
    });
    for (let attempt = 1; ; attempt += 1) {
      const signIn = await signIns.ensure(op);
      if (signIn.outcome !== 'ok' || !signIn.value) {
        // The transaction itself never left: not sent, unless the platform refused the sign-in.
        return finish({
          outcome: signIn.outcome === 'auth' ? 'auth' : 'not_sent',
          message: `${signIn.message}（本笔交易未发出）`,
          reason: `sign_in_${signIn.reason ?? signIn.outcome}`,
        });
      }
      const result = await exchange(ctx, { ...request, operator: op, signNo: signIn.value.signNo, ...(call ? { call } : {}) });
      if (result.msgid) msgids.push(result.msgid);
      if (result.outcome === 'auth' && result.reason === 'sign_in_refused' && attempt === 1) {
        signIns.invalidate(op.id);
        continue;
      }
      if (result.outcome === 'auth' && result.reason === 'sign_in_refused') signIns.invalidate(op.id);
      return finish({
        outcome: result.outcome,
        ...(result.outcome === 'ok' ? { value: result.value } : {}),
        message: result.message,
        reason: result.reason,
        platformMsgid: result.refMsgid,
        ...(result.warning ? { warning: result.warning } : {}),
      });
    }
  }

  function cachedDictionary(type: string, region: string): Dictionary | null {
    const cached = loadDictionary(db, type, region);
    if (cached) return { type, region, entries: cached.entries, source: 'cache', fetchedAt: cached.fetchedAt };
    const fallback = FALLBACK_DICTIONARIES[type];
    return fallback ? { type, region, entries: fallback, source: 'fallback', fetchedAt: null } : null;
  }

  return {
    profile: options.profile,
    signIn: (op, call) => signIns.signIn(op, call),
    ensureSignedIn: (op, call) => signIns.ensure(op, call),
    invalidateSignIn: (operatorId) => signIns.invalidate(operatorId),
    probe: (op) => signIns.signIn(op),

    async signOut(op, call) {
      const held = signIns.current(op.id);
      if (!held) return { outcome: 'ok', value: {}, message: '当前未签到，无需签退', msgid: null, msgids: [], infno: INFNO.signOut, durationMs: 0 };
      const result = await run(op, { infno: INFNO.signOut, input: signOutInput(operatorCode(op), held.signIn.signNo), interpret: interpretSignOut }, call);
      if (result.outcome === 'ok') signIns.invalidate(op.id);
      return result;
    },

    queryPerson: (lookup, op, call) => run(op, { infno: INFNO.person, input: personInput(lookup), interpret: interpretPerson }, call),

    queryInstitutions: (query, op, call) =>
      run(op, { infno: INFNO.institution, input: institutionInput(query), interpret: interpretInstitutions(query) }, call),

    async queryDictionary(type, region, op, call) {
      const result = await run(op, { infno: INFNO.dictionary, input: dictionaryInput(type, region, businessDate(clock())), interpret: interpretDictionary }, call);
      if (result.outcome === 'ok' && result.value) {
        const fetchedAt = clock().toISOString();
        saveDictionary(db, { type, region, entries: result.value, fetchedAt });
        return { ...result, value: { type, region, entries: result.value, source: 'platform', fetchedAt } };
      }
      const { value: _none, ...failed } = result;
      const offline = cachedDictionary(type, region);
      return offline ? { ...failed, value: offline } : failed;
    },

    fileReferral: (upload, op, call) =>
      run(
        op,
        {
          infno: options.profile.referral.infno,
          input: referralInput(upload, options.profile, options.institution.regionCode),
          insuredRegion: upload.insuredRegion,
          insutype: INSUTYPE_CODES[upload.insuranceType],
          interpret: interpretFiling,
        },
        call,
      ),

    cancelReferral: (cancel, op, call) =>
      run(
        op,
        { infno: INFNO.referralCancel, input: cancelInput(cancel), insuredRegion: cancel.insuredRegion, interpret: interpretCancel(cancel.serial) },
        call,
      ),

    queryReferrals: (query, op, call) =>
      run(op, { infno: INFNO.referralQuery, input: referralQueryInput(query), insuredRegion: query.insuredRegion, interpret: interpretReferralQuery }, call),

    async fileOutOfArea(upload, op, call) {
      const tx = options.profile.outOfArea;
      if (!tx) return notConfigured('本省接口未提供医院端异地就医备案交易，请指导参保人到参保地经办窗口或国家医保服务平台办理');
      return run(
        op,
        {
          infno: tx.infno,
          input: outOfAreaInput(upload, tx, options.institution),
          insuredRegion: upload.insuredRegion,
          insutype: INSUTYPE_CODES[upload.insuranceType],
          interpret: interpretFiling,
        },
        call,
      );
    },

    async cancelOutOfArea(cancel, op, call) {
      const tx = options.profile.outOfArea;
      if (!tx) return notConfigured('本省接口未提供医院端异地就医备案撤销交易，请到参保地经办窗口办理撤销');
      return run(
        op,
        { infno: tx.cancelInfno, input: outOfAreaCancelInput(cancel), insuredRegion: cancel.insuredRegion, interpret: interpretCancel(cancel.serial) },
        call,
      );
    },

    async queryOutOfArea(query, op, call) {
      const tx = options.profile.outOfArea;
      if (!tx) return notConfigured('本省接口未提供异地就医备案查询交易');
      return run(op, { infno: tx.queryInfno, input: outOfAreaQueryInput(query), insuredRegion: query.insuredRegion, interpret: interpretOutOfAreaQuery(tx) }, call);
    },

    uploadRouteOf: (type) => uploadRouteOf(options.profile, type),

    async queryDiagnoses(pageNum, op, call) {
      const tx = options.profile.diagnosisCatalogue;
      if (!tx) return notConfigured('本省接口未提供诊断目录下载交易，诊断请按病历手工填写');
      return run(op, { infno: tx.infno, input: diagnosisPageInput(pageNum, tx.pageSize), interpret: interpretDiagnosisPage }, call);
    },

    cachedDictionary,
  };
}
