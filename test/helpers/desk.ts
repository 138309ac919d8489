// Test helpers: a real desk on a real SQLite file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestOf } from '../../shared/contract';
import type { ReferralRequestInput } from '../../shared/domain/filing-request';
import { idCardCheckChar } from '../../shared/domain/idcard';
import { createDesk, type Desk, type DeskConfig } from '../../main/app/desk';
import type { Session } from '../../main/app/sessions';

export function tempDir(prefix = 'desk-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const SETUP: RequestOf<'setup.initialize'> = {
  institutionCode: 'H34010100001',
  institutionName: '演练第一人民医院',
  regionCode: '340100',
  adminUsername: 'admin',
  adminDisplayName: '系统管理员',
  adminPassword: 'admin12345',
};

/**
 * A valid GB 11643 ID number for test person `n` (0 ≤ n < 28 000), distinct per n and from referral()'s
 * default: a desk refuses a second active filing of the same class for one person whose dates overlap.
 */
export function personIdNumber(n: number): string {
  const first17 = `110105196001${String(1 + (n % 28)).padStart(2, '0')}${String(Math.floor(n / 28)).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}

export function referral(overrides: Partial<ReferralRequestInput> = {}): ReferralRequestInput {
  return {
    type: 'referral',
    insuranceType: 'employee',
    certType: 'id_card',
    certNo: '11010519491231002X',
    personName: '张三丰',
    startDate: '2026-11-23',
    details: {
      destinationRegion: '310000',
      diagnosisName: '肺恶性肿瘤',
      referralKind: '1',
      referralReason: '本院无相应诊疗条件',
      phone: '13800000000',
    },
    ...overrides,
  };
}

export interface TestDesk {
  desk: Desk;
  dir: string;
  admin: Session;
  login(username: string, password: string): Promise<Session>;
  addOperator(username: string, role: 'operator' | 'reviewer' | 'admin'): Promise<Session>;
  close(): void;
}

/** A set-up desk with the admin logged in. */
export async function setUpDesk(config: Partial<DeskConfig> = {}): Promise<TestDesk> {
  const dir = tempDir();
  const desk = await createDesk({ dataDir: dir.path, mode: 'training', log: { error: () => {} }, ...config });
  const init = await desk.dispatch('setup.initialize', SETUP, null);
  if (!init.ok) throw new Error(init.message);
  const login = async (username: string, password: string): Promise<Session> => {
    const r = await desk.dispatch('auth.login', { username, password }, null);
    if (!r.ok) throw new Error(r.message);
    return desk.sessions.get(r.value.token)!;
  };
  const admin = await login(SETUP.adminUsername, SETUP.adminPassword);
  return {
    desk,
    dir: dir.path,
    admin,
    login,
    async addOperator(username, role) {
      const r = await desk.dispatch('operator.create', { username, displayName: `${username}姓名`, role, password: 'pass12345' }, admin);
      if (!r.ok) throw new Error(r.message);
      return login(username, 'pass12345');
    },
    close() {
      desk.close();
      dir.remove();
    },
  };
}
