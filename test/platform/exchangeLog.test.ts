// The exchange log keeps every exchange (msgid, infno, duration, class) with a redacted excerpt:
// ID numbers, names, phones, addresses and sign_no masked; no credentials.
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { listExchanges } from '../../db/repositories/platformExchanges';
import { classify } from '../../main/platform/classify';
import { redact, scrubText } from '../../main/platform/redact';
import { Harness, OPERATOR, person, referralFor } from './helpers';

const h = new Harness();
afterEach(() => h.cleanup());

describe('the exchange log', () => {
  it('records every exchange with msgid, infno, duration and class', async () => {
    const sim = await h.sim();
    const desk = await h.desk();
    const client = h.client(desk, sim);
    const ok = await client.fileReferral(referralFor(person('王演练')), OPERATOR, { correlationId: 'entry-1' });
    const rejected = await client.fileReferral(referralFor(person('王演练')), OPERATOR, { correlationId: 'entry-2' });
    const rows = listExchanges(drizzle(desk.sqlite, { schema }));
    expect(rows.map((r) => [r.infno, r.outcome, r.correlationId])).toEqual([
      ['9001', 'ok', null],
      ['2501', 'ok', 'entry-1'],
      ['2501', 'rejected', 'entry-2'],
    ]);
    expect(rows[1]).toMatchObject({ msgid: ok.msgid, httpStatus: 200, operatorId: OPERATOR.id });
    expect(rows[2]).toMatchObject({ msgid: rejected.msgid, message: rejected.message });
    expect(rows.every((r) => r.durationMs !== null && r.durationMs >= 0 && r.finishedAt !== null)).toBe(true);
    expect(rows[1]!.refMsgid).toBe(ok.platformMsgid);
  });

  it('masks ID numbers, names, phones, addresses and the sign_no', async () => {
    const sim = await h.sim();
    const desk = await h.desk();
    const client = h.client(desk, sim);
    const who = person('王演练');
    await client.queryPerson({ certType: 'id_card', certNo: who.certNo }, OPERATOR);
    await client.fileReferral(referralFor(who, { caseSummary: `患者${who.name}，身份证${who.certNo}，电话${who.phone}` }), OPERATOR);
    const signNo = (await client.ensureSignedIn(OPERATOR)).value!.signNo;
    const text = JSON.stringify(listExchanges(drizzle(desk.sqlite, { schema })));
    for (const secret of [who.certNo, who.name, who.phone, who.address, signNo, OPERATOR.name]) expect(text).not.toContain(secret);
    expect(text).toContain('3401**********123X');
    expect(text).toContain('王**');
    expect(text).toContain('138****0001');
    // Free text keeps only its length.
    const summary = `患者${who.name}，身份证${who.certNo}，电话${who.phone}`;
    expect(text).toContain(`dise_cond_dscr\\":\\"[${[...summary].length}字]`);
  });
});

describe('redaction', () => {
  it('scrubs free text of ID and mobile numbers and of names found in the message', () => {
    const out = redact({ psn_name: '周双保', err_msg: '周双保 36070219850421642X 13800000006', memo: '周双保要求' }) as Record<string, string>;
    expect(out).toEqual({ psn_name: '周**', err_msg: '周** 3607**********642X 138****0006', memo: '[5字]' });
    expect(scrubText('无敏感信息')).toBe('无敏感信息');
  });
});

describe('classification of replies', () => {
  const sign = /签到/;
  const reply = (body: unknown, status = 200) => classify({ kind: 'response', status, body: JSON.stringify(body) }, sign);

  it('unwraps the platform envelope a gateway nests in data', () => {
    expect(reply({ code: 0, type: 'success', message: 'ok', data: { infcode: '0', output: { x: 1 } } })).toMatchObject({ outcome: 'ok', output: { x: 1 } });
    expect(reply({ code: 0, type: 'success', message: 'ok', data: JSON.stringify({ infcode: -1, err_msg: '不符' }) })).toMatchObject({ outcome: 'rejected', message: '不符' });
  });

  it('treats -2 as a rejection and anything unrecognised as unknown', () => {
    expect(reply({ infcode: '-2', err_msg: '业务错误' })).toMatchObject({ outcome: 'rejected' });
    expect(reply({ infcode: 'x' })).toMatchObject({ outcome: 'unknown', reason: 'unrecognised_infcode' });
    expect(reply({ infcode: 1 })).toMatchObject({ outcome: 'unknown' });
    expect(reply([1, 2])).toMatchObject({ outcome: 'unknown', reason: 'malformed_reply' });
  });

  it('treats a sign-in refusal as auth and a gateway 403 as auth', () => {
    expect(reply({ infcode: -1, err_msg: '签到信息无效或已过期，请重新签到' })).toMatchObject({ outcome: 'auth', reason: 'sign_in_refused' });
    expect(reply({ code: '403', msg: 'forbidden' }, 403)).toMatchObject({ outcome: 'auth' });
  });
});
