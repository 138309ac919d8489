// Shared set-up for the platform tests: a migrated desk database in a temp folder, a simulator on a
// loopback port, and a client between them. Everything is real: files, sockets, SQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { openMigrated } from '../../db/migrate';
import type { DbHandle } from '../../db/open';
import { createPlatformClient, type PlatformClientOptions } from '../../main/platform/client';
import { NATIONAL_DEFAULT, type InterfaceProfile } from '../../main/platform/profiles';
import { SIM_DESK_INSTITUTION, SIM_PERSONS, type SimPerson } from '../../main/platform/sim/seed';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../main/platform/sim/server';
import type { PlatformOperator, ReferralUpload } from '../../main/platform/types';

export const OPERATOR: PlatformOperator = { id: 'op-zhang-0001', name: '张经办' };
export const OTHER_OPERATOR: PlatformOperator = { id: 'op-wang-0002', name: '王经办' };
export const INSTITUTION = { ...SIM_DESK_INSTITUTION };

/** national-default with timeouts short enough for tests. */
export const TEST_PROFILE: InterfaceProfile = { ...NATIONAL_DEFAULT, timeouts: { connectMs: 2_000, responseMs: 1_500 } };
/** For tests whose simulator is deliberately slow but whose calls must not time out. */
export const PATIENT_PROFILE: InterfaceProfile = { ...NATIONAL_DEFAULT, timeouts: { connectMs: 5_000, responseMs: 15_000 } };

export function person(name: string): SimPerson {
  const found = SIM_PERSONS.find((p) => p.name === name);
  if (!found) throw new Error(`no seeded person ${name}`);
  return found;
}

export class Harness {
  private readonly dirs: string[] = [];
  private readonly handles: DbHandle[] = [];
  private readonly sims: Simulator[] = [];

  tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-platform-'));
    this.dirs.push(dir);
    return dir;
  }

  async desk(dir = this.tempDir()): Promise<DbHandle> {
    const { handle } = await openMigrated(join(dir, 'desk.sqlite'), { backupDir: join(dir, 'backups') });
    this.handles.push(handle);
    return handle;
  }

  async sim(options: SimulatorOptions = {}): Promise<Simulator> {
    const sim = await startSimulator(options);
    this.sims.push(sim);
    return sim;
  }

  client(handle: DbHandle, sim: { url: string }, options: Partial<PlatformClientOptions> = {}) {
    return createPlatformClient({
      sqlite: handle.sqlite,
      institution: INSTITUTION,
      profile: TEST_PROFILE,
      baseUrl: sim.url,
      device: { mac: '02:00:00:00:00:01', ip: '10.0.0.8' },
      ...options,
    });
  }

  async cleanup(): Promise<void> {
    for (const sim of this.sims.splice(0)) await sim.close();
    for (const handle of this.handles.splice(0)) {
      try {
        handle.close();
      } catch {
        // already closed by the test
      }
    }
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** A referral that the simulator accepts for `who` (override to provoke rejections). */
export function referralFor(who: SimPerson, overrides: Partial<ReferralUpload> = {}): ReferralUpload {
  const insurance = who.insurances[0]!;
  return {
    personNo: who.personNo,
    insuranceType: insurance.insutype === '390' ? 'resident' : insurance.insutype === '340' ? 'retired_cadre' : 'employee',
    insuredRegion: insurance.insuredRegion,
    phone: who.phone,
    address: who.address,
    diagnosisCode: 'C34.900',
    diagnosisName: '肺恶性肿瘤',
    caseSummary: '病情需上级医院进一步诊治',
    destinationInstitutionCode: 'H11010500001',
    destinationInstitutionName: '北京演练肿瘤医院',
    destinationRegion: '110000',
    hospitalAgrees: true,
    referralKind: '1',
    referralDate: '2026-03-02',
    referralReason: '本院无放疗条件',
    referralOpinion: '同意转往上级医院',
    startDate: '2026-03-02',
    endDate: null,
    ...overrides,
  };
}

/** A raw POST to the simulator (for envelope checks the adapter would never get wrong). */
export function rawPost(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(text);
  });
}
