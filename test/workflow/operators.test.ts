// workflow.operators through the real dispatcher: every operator's id and name for the filing list's
// 经办人 filter — inactive ones too (their filings stay listed), active first — for any logged-in role.
import { afterEach, describe, expect, it } from 'vitest';
import { setUpDesk, type TestDesk } from '../helpers/desk';

let t: TestDesk | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

function valueOf<T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
}

describe('workflow.operators', () => {
  it('lists active and inactive operators, active first, to every role, and nothing more than id, name and active', async () => {
    t = await setUpDesk();
    const reviewer = await t.addOperator('rev1', 'reviewer');
    const filer = await t.addOperator('filer1', 'operator');
    await t.addOperator('gone1', 'operator');
    const accounts = valueOf(await t.desk.dispatch('operator.list', {}, t.admin));
    const gone = accounts.find((a) => a.username === 'gone1')!;
    valueOf(await t.desk.dispatch('operator.setActive', { id: gone.id, active: false }, t.admin));

    for (const session of [filer, reviewer, t.admin]) {
      const list = valueOf(await t.desk.dispatch('workflow.operators', {}, session));
      expect(list).toHaveLength(accounts.length);
      expect(list.at(-1)).toEqual({ id: gone.id, displayName: 'gone1姓名', active: false });
      expect(list.slice(0, -1).every((o) => o.active)).toBe(true);
      expect(Object.keys(list[0]!).sort()).toEqual(['active', 'displayName', 'id']);
      expect(list.map((o) => o.id).sort()).toEqual(accounts.map((a) => a.id).sort());
    }
  });

  it('is refused without a session', async () => {
    t = await setUpDesk();
    expect(await t.desk.dispatch('workflow.operators', {}, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });
});
