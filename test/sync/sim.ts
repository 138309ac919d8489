// The upload queue against the real platform simulator on a loopback port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOf } from '../../shared/contract';
import type { ReferralRequestInput } from '../../shared/domain/filing-request';
import type { InsuranceType } from '../../shared/domain/insurance';
import { addDays, businessDate } from '../../shared/domain/time';
import { createDesk, type Desk, type DeskPlatformConfig } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';
import { createPlatformClient } from '../../main/platform/client';
import { NATIONAL_DEFAULT } from '../../main/platform/profiles';
import { SIM_DESK_INSTITUTION, SIM_DIAGNOSES, SIM_INSTITUTIONS, SIM_PERSONS } from '../../main/platform/sim/seed';
import type { Simulator } from '../../main/platform/sim/server';
import { queueStats } from '../../db/repositories/outbox';

const INSUTYPES: Record<string, InsuranceType> = { '310': 'employee', '390': 'resident', '340': 'retired_cadre' };

/** Persons the simulator accepts filings for, and the institutions they can be referred to. */
export const SIM_FILERS = SIM_PERSONS.filter((p) => p.insurances[0]!.status === '1' && INSUTYPES[p.insurances[0]!.insutype]);
/** Institutions outside the desk's own city (a referral goes elsewhere). */
export const SIM_TARGETS = SIM_INSTITUTIONS.filter((i) => i.type === '1' && i.code.slice(1, 5) !== SIM_DESK_INSTITUTION.regionCode.slice(0, 4));
/**
 * A person holds one active filing per class for any day (shared/domain/policy/overlap.ts), so each
 * distinct referral goes to its own person: the simulator's world (main/platform/sim/seed.ts) has
 * the hand-written persons and two thousand generated ones.
 */
export const DISTINCT_REFERRALS = SIM_FILERS.length;

/** The four municipalities are filed at province level, elsewhere the prefecture-level city (policy-rules.md §2.3). */
function destinationRegionOf(institutionCode: string): string {
  const province = institutionCode.slice(1, 3);
  return ['11', '12', '31', '50'].includes(province) ? `${province}0000` : `${institutionCode.slice(1, 5)}00`;
}

/** The n-th distinct referral the simulator will accept (0 <= n < DISTINCT_REFERRALS): person n, from today. */
export function simReferral(n: number): ReferralRequestInput {
  if (n >= DISTINCT_REFERRALS) throw new Error(`only ${DISTINCT_REFERRALS} distinct referrals`);
  const person = SIM_FILERS[n]!;
  const target = SIM_TARGETS[n % SIM_TARGETS.length]!;
  const insurance = person.insurances[0]!;
  const diagnosis = SIM_DIAGNOSES[n % SIM_DIAGNOSES.length]!;
  const today = businessDate(new Date());
  return {
    type: 'referral',
    insuranceType: INSUTYPES[insurance.insutype]!,
    certType: 'id_card',
    certNo: person.certNo,
    personName: person.name,
    // Referrals run at least six months (policy).
    startDate: today,
    endDate: addDays(today, 190),
    details: {
      destinationRegion: destinationRegionOf(target.code),
      diagnosisCode: diagnosis.code,
      diagnosisName: diagnosis.name,
      referralKind: '1',
      referralReason: '本院无相应诊疗条件',
      phone: person.phone,
      personNo: person.personNo,
      insuredRegion: insurance.insuredRegion,
      destinationInstitutionCode: target.code,
      destinationInstitutionName: target.name,
    },
  };
}

export const SIM_SETUP: RequestOf<'setup.initialize'> = {
  institutionCode: SIM_DESK_INSTITUTION.code,
  institutionName: SIM_DESK_INSTITUTION.name,
  regionCode: SIM_DESK_INSTITUTION.regionCode,
  adminUsername: 'admin',
  adminDisplayName: '系统管理员',
  adminPassword: 'admin12345',
};

/** Short waits, so fault scenarios run in seconds. */
export const FAST_QUEUE: Omit<DeskPlatformConfig, 'client' | 'operator'> = {
  concurrency: 4,
  sendBackoff: { baseMs: 20, capMs: 200 },
  retryBackoff: { baseMs: 20, capMs: 200 },
  breaker: { failureThreshold: 3, probe: { baseMs: 40, capMs: 300 } },
  pollMs: 200,
  statsThrottleMs: 50,
  reconcileSlackMs: 60_000,
};

export function simPlatform(sim: Simulator, tuning: { responseMs?: number } = {}): DeskPlatformConfig['client'] {
  const profile = tuning.responseMs ? { ...NATIONAL_DEFAULT, timeouts: { connectMs: 1_000, responseMs: tuning.responseMs } } : NATIONAL_DEFAULT;
  return ({ sqlite, institution }) => createPlatformClient({ sqlite, institution, profile, baseUrl: sim.url });
}

export interface SimDesk {
  desk: Desk;
  dir: string;
  admin: Session;
  close(): void;
}

export async function openSimDesk(sim: Simulator, options: Partial<DeskPlatformConfig> & { responseMs?: number } = {}, dir?: string): Promise<SimDesk> {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'desk-sync-'));
  const { responseMs, ...rest } = options;
  const desk = await createDesk({
    dataDir,
    mode: 'training',
    log: { error: () => {} },
    platform: { client: simPlatform(sim, responseMs ? { responseMs } : {}), operator: { id: 'queue', name: '上传队列' }, ...FAST_QUEUE, ...rest },
  });
  const info = await desk.dispatch('app.info', {}, null);
  if (info.ok && !info.value.initialized) {
    const init = await desk.dispatch('setup.initialize', SIM_SETUP, null);
    if (!init.ok) throw new Error(init.message);
  }
  const login = await desk.dispatch('auth.login', { username: SIM_SETUP.adminUsername, password: SIM_SETUP.adminPassword }, null);
  if (!login.ok) throw new Error(login.message);
  return {
    desk,
    dir: dataDir,
    admin: desk.sessions.get(login.value.token)!,
    close: () => {
      desk.close();
      if (!dir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits (bounded) until nothing is pending, in flight or uncertain. */
export async function drained(desk: Desk, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = queueStats(desk.db.db);
    if (s.pending + s.inFlight + s.uncertain === 0) return;
    if (Date.now() > deadline) throw new Error(`queue not drained: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface PlatformComparison {
  /** Filings uploaded and not voided, with no matching active filing on the platform. */
  missing: string[];
  /** Platform filings that no desk filing accounts for (a second copy of something). */
  extra: string[];
  /** Desk filings whose recorded serial differs from the platform's. */
  wrongSerial: string[];
  /** Voided filings still active on the platform. */
  notCancelled: string[];
  uploaded: number;
  cancelled: number;
}

/** Every filing exactly once, every cancel applied once: the desk's records against the simulator's. */
export function compareWithPlatform(desk: Desk, sim: Simulator): PlatformComparison {
  const rows = desk.db.sqlite
    .prepare("select id, status, upload_state, platform_serial, details from filings")
    .all() as { id: string; status: string; upload_state: string; platform_serial: string | null; details: string }[];
  const platform = sim.inspect.referrals();
  const used = new Set<string>();
  const result: PlatformComparison = { missing: [], extra: [], wrongSerial: [], notCancelled: [], uploaded: 0, cancelled: 0 };
  for (const row of rows) {
    const d = JSON.parse(row.details) as { personNo: string; destinationInstitutionCode: string };
    const mine = platform.filter((f) => f.personNo === d.personNo && f.target === d.destinationInstitutionCode);
    for (const f of mine) used.add(f.serial);
    const active = mine.filter((f) => f.status === 'active');
    if (row.status === 'voided') {
      if (active.length > 0) result.notCancelled.push(row.id);
      if (mine.length > 1) result.extra.push(...mine.slice(1).map((f) => f.serial));
      if (mine.length === 1) result.cancelled += 1;
      continue;
    }
    if (row.upload_state !== 'uploaded') continue;
    result.uploaded += 1;
    if (active.length === 0) result.missing.push(row.id);
    if (mine.length > 1) result.extra.push(...mine.slice(1).map((f) => f.serial));
    if (row.platform_serial !== null && active[0] && active[0].serial !== row.platform_serial) result.wrongSerial.push(row.id);
  }
  result.extra.push(...platform.filter((f) => !used.has(f.serial)).map((f) => f.serial));
  return result;
}
