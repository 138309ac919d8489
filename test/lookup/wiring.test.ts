// The desk as the shells wire it (main/app/platform-wiring.ts platformFor): the lookups and the
// out-of-area routes reach the platform through the switchable client, not only the queue's calls.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDesk } from '../../main/app/desk';
import { platformFor, switchableClient } from '../../main/app/platform-wiring';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';
import { LOOKUP_SETUP, simPerson, until } from './helpers';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.close();
});

it('person lookup, catalogue and routes work through the wired platform client', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-wiring-'));
  const platform = platformFor(sim.url, {}, true);
  const desk = await createDesk({ dataDir, mode: 'training', log: { error: () => {} }, platform });
  try {
    expect((await desk.dispatch('setup.initialize', LOOKUP_SETUP, null)).ok).toBe(true);
    const login = await desk.dispatch('auth.login', { username: 'admin', password: LOOKUP_SETUP.adminPassword }, null);
    if (!login.ok) throw new Error(login.message);
    const admin = desk.sessions.get(login.value.token)!;
    // Before set-up the queue's sign-ins were "not sent" and may have opened its breaker, which holds
    // lookups too; once set up, a retry brings the platform online.
    desk.sync!.retryNow();
    await until(() => desk.sync!.status().state === 'online');
    const p = simPerson('周双保');
    const person = await desk.dispatch('person.lookup', { certType: 'id_card', number: p.certNo }, admin);
    expect(person).toMatchObject({ ok: true, value: { personNo: p.personNo } });
    const diagnoses = await desk.dispatch('diagnosis.search', { query: 'C50' }, admin);
    expect(diagnoses.ok && diagnoses.value).toEqual([{ code: 'C50.900', name: '乳腺恶性肿瘤' }]);
    const institutions = await desk.dispatch('institution.search', { query: '广州' }, admin);
    expect(institutions.ok && institutions.value.items.map((i) => i.code)).toEqual(['H44010400001']);
    // national-default routes the long-term types through its out-of-area transaction.
    const client = switchableClient({ sqlite: desk.db.sqlite, institution: { code: LOOKUP_SETUP.institutionCode, name: LOOKUP_SETUP.institutionName, regionCode: LOOKUP_SETUP.regionCode } }, platform.switcher!);
    expect(client.uploadRouteOf!('retired_resettled')).toEqual({ transaction: 'out_of_area', kind: 'retired_resettled' });
  } finally {
    desk.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
