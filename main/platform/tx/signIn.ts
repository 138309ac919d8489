// 9001 签到 / 9002 签退 (nhsa-interface.md §2.1).
import { z } from 'zod';
import type { Interpretation } from '../exchange';
import { text } from './common';

export function signInInput(operatorCode: string, device: { mac: string; ip: string }): Record<string, unknown> {
  return { opter_no: operatorCode, mac: device.mac, ip: device.ip };
}

export function signOutInput(operatorCode: string, signNo: string): Record<string, unknown> {
  return { sign_no: signNo, opter_no: operatorCode };
}

const signInOutput = z.object({ signinoutb: z.object({ sign_no: text, sign_time: text }) });

export function interpretSignIn(output: unknown): Interpretation<{ signNo: string; signedAt: string | null }> {
  const parsed = signInOutput.safeParse(output);
  const signNo = parsed.success ? parsed.data.signinoutb.sign_no : null;
  if (!parsed.success || !signNo) {
    // A sign-in that yields no sign_no cannot be used; asking again is harmless.
    return { ok: false, outcome: 'auth', message: '医保平台签到应答缺少签到流水号，请稍后重试', reason: 'sign_in_without_sign_no' };
  }
  return { ok: true, value: { signNo, signedAt: parsed.data.signinoutb.sign_time } };
}

export function interpretSignOut(): Interpretation<Record<string, never>> {
  return { ok: true, value: {} };
}
