// The simulated platform behind the HTTP layer: from a request body to the platform's response
// envelope, with the checks every transaction passes first (envelope, msgid uniqueness, sign-in,
// insuplc_admdvs) and the business faults (rejection at a rate, success without a serial).
import { simStamp } from './clock';
import type { ResponseEnvelope } from '../wire';
import type { FaultController } from './faults';
import type { SimStore } from './store';
import { checkSignIn, signIn, signOut } from './tx/signIn';
import { diagnoses, dictionary, institutions, person } from './tx/lookup';
import { cancelReferral, fileReferral, queryReferrals } from './tx/referral';
import { cancelOutOfArea, fileOutOfArea, queryOutOfArea } from './tx/outOfArea';
import type { SimBehaviour, TxContext, TxHandler } from './tx/context';
import { checkEnvelope, nodeOf, Rejection } from './validate';

const HANDLERS: Record<string, TxHandler> = {
  '9001': signIn,
  '9002': signOut,
  '1101': person,
  '1201': institutions,
  '1901': dictionary,
  '1307': diagnoses,
  '2501': fileReferral,
  '2501A': fileReferral,
  '2502': cancelReferral,
  '5304': queryReferrals,
  OA01: fileOutOfArea,
  OA02: cancelOutOfArea,
  OA03: queryOutOfArea,
};

const FILING_INFNOS = new Set(['2501', '2501A', 'OA01']);
const SIGN_IN_INFNOS = new Set(['9001', '9002']);

export interface Processed {
  body: ResponseEnvelope;
  infno: string | null;
  msgid: string | null;
  opter: string | null;
  envelope: Record<string, unknown> | null;
  /** Names of the business faults that fired. */
  faults: string[];
}

function stamp17(at: Date): string {
  return `${simStamp(at)}${String(at.getMilliseconds()).padStart(3, '0')}`;
}

function lenient(raw: unknown): { infno: string | null; msgid: string | null; opter: string | null; envelope: Record<string, unknown> | null } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { infno: null, msgid: null, opter: null, envelope: null };
  const e = raw as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return { infno: s(e.infno), msgid: s(e.msgid), opter: s(e.opter), envelope: e };
}

export class SimPlatform {
  constructor(
    private readonly store: SimStore,
    private readonly faults: FaultController,
    readonly behaviour: SimBehaviour,
    private readonly clock: () => Date,
    private readonly random: () => number,
  ) {}

  /** The infno of a body without validating it (for routing and fault targeting). */
  static peek(raw: unknown): string | null {
    return lenient(raw).infno;
  }

  process(raw: unknown, receivedAt: Date): Processed {
    const meta = lenient(raw);
    const fired: string[] = [];
    const respond = (body: ResponseEnvelope): Processed => ({ ...meta, body, faults: fired });
    const receiver = (region: unknown) => (typeof region === 'string' && /^\d{6}$/.test(region) ? `${region.slice(0, 2)}0000` : '000000');
    const envelopeOf = (output: unknown, errMsg: string | null): ResponseEnvelope => {
      const now = this.clock();
      return {
        infcode: errMsg === null ? 0 : -1,
        inf_refmsgid: `${receiver(meta.envelope?.mdtrtarea_admvs)}${simStamp(now)}${String(this.store.next('refmsgid')).padStart(10, '0')}`,
        refmsg_time: stamp17(receivedAt),
        respond_time: stamp17(now),
        err_msg: errMsg,
        warn_msg: null,
        cainfo: null,
        signtype: null,
        enctype: null,
        output: output ?? null,
      };
    };
    try {
      const env = checkEnvelope(raw);
      if (!this.store.registerMsgid(env.msgid, env.infno, receivedAt.toISOString())) {
        return respond(envelopeOf(null, `报文ID[${env.msgid}]重复，请勿重复发送`));
      }
      const ctx: TxContext = {
        env,
        node: nodeOf(env),
        store: this.store,
        now: this.clock(),
        behaviour: this.behaviour,
        random: this.random,
        omitSerial: false,
      };
      if (env.infno !== '9001') checkSignIn(ctx);
      const psnNo = ctx.node.psn_no;
      if (typeof psnNo === 'string' && psnNo.trim() !== '' && !env.insuplc_admdvs) {
        return respond(envelopeOf(null, '输入含人员编号psn_no时，参保地医保区划insuplc_admdvs不能为空'));
      }
      const rule = this.faults.peek('reject');
      const businessOnly = !rule?.infnos && SIGN_IN_INFNOS.has(env.infno);
      if (!businessOnly && this.faults.fires('reject', env.infno)) {
        fired.push('reject');
        return respond(envelopeOf(null, rule?.message ?? '业务校验未通过，请核对后重新提交（模拟拒绝）'));
      }
      if (FILING_INFNOS.has(env.infno) && this.faults.fires('noSerial', env.infno)) {
        fired.push('noSerial');
        ctx.omitSerial = true;
      }
      const handler = HANDLERS[env.infno]!;
      const output = this.store.db.transaction(() => handler(ctx))();
      return respond(envelopeOf(output, null));
    } catch (error) {
      if (error instanceof Rejection) return respond(envelopeOf(null, error.errMsg));
      throw error;
    }
  }
}
