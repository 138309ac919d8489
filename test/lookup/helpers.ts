// A desk wired to the real platform simulator on a loopback port, for the lookup area's tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RequestOf } from '../../shared/contract';
import type { FilingRequestInput } from '../../shared/domain/filing-request';
import type { InsuranceType } from '../../shared/domain/insurance';
import { addDays, businessDate } from '../../shared/domain/time';
import { createDesk, type Desk, type DeskPlatformConfig } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { createPlatformClient } from '../../main/platform/client';
import { NATIONAL_DEFAULT, type InterfaceProfile } from '../../main/platform/profiles';
import { SIM_DESK_INSTITUTION, SIM_PERSONS, type SimPerson } from '../../main/platform/sim/seed';
import { startSimulator, type Simulator } from '../../main/platform/sim/server';

export const INSUTYPES: Record<string, InsuranceType> = { '310': 'employee', '390': 'resident', '340': 'retired_cadre' };

export const LOOKUP_SETUP: RequestOf<'setup.initialize'> = {
  institutionCode: SIM_DESK_INSTITUTION.code,
  institutionName: SIM_DESK_INSTITUTION.name,
  regionCode: SIM_DESK_INSTITUTION.regionCode,
  adminUsername: 'admin',
  adminDisplayName: '系统管理员',
  adminPassword: 'admin12345',
};

export function simPerson(name: string): SimPerson {
  const p = SIM_PERSONS.find((x) => x.name === name);
  if (!p) throw new Error(`no simulator person ${name}`);
  return p;
}

export interface LookupDesk {
  desk: Desk;
  admin: Session;
  operator: Session;
  close(): void;
}

/**
 * One simulator for the test file, handed to `started` before all tests and closed after them. After
 * each test the desk `current` returns is closed and the simulator reset: a new desk starts its msgid
 * sequence again, and the simulator would refuse the repeats.
 */
export function simulatorPerFile(started: (sim: Simulator) => void, current: () => { close(): void } | undefined): void {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    started(sim);
  });
  afterAll(async () => {
    await sim?.close();
  });
  afterEach(async () => {
    current()?.close();
    sim?.reset();
    await sim?.settled();
  });
}

const FAST = { connectMs: 1_000, responseMs: 2_000 };
let deskCount = 0;

/** A set-up desk filing to `sim` (or to nothing when sim is null), admin and an operator logged in. */
export async function lookupDesk(
  sim: Simulator | null,
  options: { profile?: Partial<InterfaceProfile>; platform?: Partial<DeskPlatformConfig>; clock?: () => Date } = {},
): Promise<LookupDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-lookup-'));
  const profile: InterfaceProfile = { ...NATIONAL_DEFAULT, timeouts: FAST, ...options.profile };
  const desk = await createDesk({
    dataDir,
    mode: 'training',
    log: { error: () => {} },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(sim
      ? {
          platform: {
            client: ({ sqlite, institution }) => createPlatformClient({ sqlite, institution, profile, baseUrl: sim.url }),
            operator: { id: 'queue', name: '上传队列' },
            sendBackoff: { baseMs: 20, capMs: 200 },
            retryBackoff: { baseMs: 20, capMs: 200 },
            breaker: { failureThreshold: 3, probe: { baseMs: 40, capMs: 300 } },
            pollMs: 200,
            statsThrottleMs: 50,
            reconcileSlackMs: 60_000,
            ...options.platform,
          },
        }
      : {}),
  });
  // Each desk its own institution code: a new desk restarts the msgid sequence, and a request a closed
  // desk left in flight may reach the simulator after its reset — the same msgid would be refused.
  deskCount += 1;
  const institutionCode = `H340109${String(deskCount).padStart(5, '0')}`;
  const init = await desk.dispatch('setup.initialize', { ...LOOKUP_SETUP, institutionCode }, null);
  if (!init.ok) throw new Error(init.message);
  if (desk.sync) {
    // Before set-up the queue's sign-ins were "not sent" and may have opened its breaker, which holds
    // lookups as well; set up, a retry brings the platform online.
    desk.sync.retryNow();
    await until(() => desk.sync!.status().state === 'online', 10_000, 'the platform to come online');
  }
  const login = async (username: string, password: string) => {
    const r = await desk.dispatch('auth.login', { username, password }, null);
    if (!r.ok) throw new Error(r.message);
    return desk.sessions.get(r.value.token)!;
  };
  const admin = await login(LOOKUP_SETUP.adminUsername, LOOKUP_SETUP.adminPassword);
  const created = await desk.dispatch('operator.create', { username: 'clerk', displayName: '窗口经办', role: 'operator', password: 'pass12345' }, admin);
  if (!created.ok) throw new Error(created.message);
  const operator = await login('clerk', 'pass12345');
  return {
    desk,
    admin,
    operator,
    close: () => {
      desk.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A referral of a simulator person as typed at the desk; `looked` adds what the person lookup gives. */
export function referralOf(p: SimPerson, opts: { looked?: boolean; name?: string; insurance?: number } = {}): FilingRequestInput {
  const insurance = p.insurances[opts.insurance ?? 0]!;
  const today = businessDate(new Date());
  return {
    type: 'referral',
    insuranceType: INSUTYPES[insurance.insutype]!,
    certType: 'id_card',
    certNo: p.certNo,
    personName: opts.name ?? p.name,
    startDate: today,
    endDate: addDays(today, 190),
    details: {
      destinationRegion: '310000',
      diagnosisCode: 'C34.900',
      diagnosisName: '肺恶性肿瘤',
      referralKind: '1',
      referralReason: '本院无相应诊疗条件',
      phone: p.phone,
      destinationInstitutionCode: 'H31010400001',
      destinationInstitutionName: '上海演练胸科医院',
      ...(opts.looked ? { personNo: p.personNo, insuredRegion: insurance.insuredRegion } : {}),
    },
  };
}

/** Waits (bounded) for a condition the desk reaches asynchronously. */
export async function until(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
