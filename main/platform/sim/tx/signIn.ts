// 9001 / 9002 and the sign_no check every other transaction passes first (§2.1).
// An invalid or expired sign_no is refused with an err_msg containing 签到 ("…请重新签到"): the
// adapter's profiles recognise that wording and sign in again (docs/platform.md).
import { randomBytes } from 'node:crypto';
import { simDateTime, simStamp } from '../clock';
import { checkFields, reject } from '../validate';
import { today, type TxContext } from './context';

export const SIGN_IN_INVALID = '签到信息无效或已过期，请重新签到';

export function checkSignIn(ctx: TxContext): void {
  const { env } = ctx;
  if (!env.sign_no) reject('签到流水号sign_no不能为空，请先签到');
  const held = ctx.store.signIn(env.sign_no);
  if (!held || held.state !== 'valid' || held.opter !== env.opter || held.fixmedinsCode !== env.fixmedins_code || held.day !== today(ctx)) {
    reject(SIGN_IN_INVALID);
  }
}

export function signIn(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    { opter_no: { label: '操作员编号', max: 20, required: true }, mac: { label: 'MAC地址', max: 20 }, ip: { label: 'IP地址', max: 20, required: true } },
    ctx.env.mdtrtarea_admvs,
    'signIn',
  );
  if (v.opter_no !== ctx.env.opter) reject('签到操作员编号opter_no与公共报文opter不一致');
  if (ctx.behaviour.operators && !ctx.behaviour.operators.includes(v.opter_no!)) reject(`操作员[${v.opter_no}]未在医保平台登记，签到失败`);
  // 30 chars: time (14) + sequence (6) + 10 random hex, so sign_nos cannot be guessed.
  const signNo = `${simStamp(ctx.now)}${String(ctx.store.next('sign_no') % 1_000_000).padStart(6, '0')}${randomBytes(5).toString('hex')}`;
  const signTime = simDateTime(ctx.now);
  ctx.store.addSignIn(signNo, v.opter_no!, ctx.env.fixmedins_code, today(ctx), signTime);
  return { signinoutb: { sign_time: signTime, sign_no: signNo } };
}

export function signOut(ctx: TxContext): unknown {
  const v = checkFields(
    ctx.node,
    { sign_no: { label: '签到编号', max: 30, required: true }, opter_no: { label: '操作员编号', max: 20, required: true } },
    ctx.env.mdtrtarea_admvs,
    'signOut',
  );
  if (v.sign_no !== ctx.env.sign_no || v.opter_no !== ctx.env.opter) reject('签退信息与签到信息不一致');
  ctx.store.setSignInState(v.sign_no!, 'signed_out');
  return { signoutoutb: { sign_time: simDateTime(ctx.now) } };
}
