// Which platform the upload queue files to, for both shells (Electron and browser mode):
// - training mode (no platform URL): the platform simulator runs in this process on a free loopback
//   port, so the whole flow (filing, queue, outage, replay) can be practised on a fresh data folder;
// - live mode: the provincial platform at the configured URL, with the interface profile named by
//   DESK_PLATFORM_PROFILE (default national-default).
// Either is only the start-up choice: an admin may switch the profile (and address) at run time
// (main/services/cutover-profile.ts, docs/cutover.md). The choice is kept in the desk's database and
// read at every call, so the queue's next request goes where the desk is configured now. Gateway
// credentials never enter the database: on desk PCs they may be kept encrypted by the system
// (main/app/credential-store.ts, the Electron shell's safeStorage); else, and in browser mode, they come
// from a protected file or the environment (docs/cutover.md "Credentials").
import { readFileSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { getProfileSetting } from '../../db/repositories/cutover';
import { createPlatformClient, type DeskPlatformClient } from '../platform/client';
import { findProfile, NATIONAL_DEFAULT, uploadRouteOf, type InterfaceProfile } from '../platform/profiles';
import type { GatewayCredentials } from '../platform/signing';
import { startSimulator, type Simulator } from '../platform/sim/server';
import type { PlatformOutcome } from '../platform/types';
import type { SyncPlatform } from '../sync/ports';
import { defaultUploadRoute } from '../sync/mapping';
import type { LookupPlatform } from '../services/lookupPlatform';
import { requiredFields, validCredentials, type CredentialStore } from './credential-store';
import type { DeskPlatformConfig, PlatformEnvironment } from './desk';

/** The queue files as the desk itself; the operator who saved a filing is in its audit trail. */
export const QUEUE_OPERATOR = { id: 'desk-queue', name: '上传队列' };

/** Where the desk files: an interface profile and the platform's base address. */
export interface PlatformChoice {
  profileId: string;
  baseUrl: string;
}

export type CredentialLookup =
  | { status: 'not_needed' }
  | { status: 'available'; source: 'store' | 'file' | 'env'; credentials: GatewayCredentials }
  | { status: 'missing' | 'invalid'; message: string };

/** What the cut-over services need from the wiring: the start-up choice, credentials, candidate clients. */
export interface PlatformSwitcher {
  readonly startup: PlatformChoice;
  readonly training: boolean;
  /** The choice in force: the database's setting, else the start-up one. */
  active(sqlite: Database.Database): PlatformChoice & { source: 'setting' | 'startup' };
  credentialsFor(profile: InterfaceProfile): CredentialLookup;
  /** The system-encrypted store (Electron on desk PCs); null in browser mode. */
  readonly store: CredentialStore | null;
  /** A client for a candidate choice (the dry-run test), sharing the desk's database. */
  clientFor(env: PlatformEnvironment, choice: PlatformChoice): DeskPlatformClient;
}

export interface PlatformWiring {
  platform: DeskPlatformConfig;
  /** The in-process simulator in training mode, else null. */
  simulator: Simulator | null;
  close(): Promise<void>;
}

export const CREDENTIALS_FILE_ENV = 'DESK_PLATFORM_CREDENTIALS_FILE';

function credentialsFromEnv(profile: InterfaceProfile, env: NodeJS.ProcessEnv): GatewayCredentials | null {
  if (profile.gateway.scheme === 'x-tif' && env.DESK_PLATFORM_XTIF_PAASID && env.DESK_PLATFORM_XTIF_SECRET) {
    return { scheme: 'x-tif', paasId: env.DESK_PLATFORM_XTIF_PAASID, secret: env.DESK_PLATFORM_XTIF_SECRET };
  }
  if (profile.gateway.scheme === 'csb' && env.DESK_PLATFORM_CSB_ACCESS_KEY && env.DESK_PLATFORM_CSB_SECRET_KEY) {
    return { scheme: 'csb', accessKey: env.DESK_PLATFORM_CSB_ACCESS_KEY, secretKey: env.DESK_PLATFORM_CSB_SECRET_KEY };
  }
  return null;
}

/**
 * Gateway credentials for a profile: the system-encrypted store when there is one (an entry there wins;
 * a store whose encryption is unavailable has none), else the protected file named by
 * DESK_PLATFORM_CREDENTIALS_FILE (JSON, keyed by profile id; refused when group or others may read it),
 * else DESK_PLATFORM_XTIF_* / DESK_PLATFORM_CSB_* environment variables. Read at each use, so a rotated
 * secret needs no restart.
 */
export function lookUpCredentials(profile: InterfaceProfile, env: NodeJS.ProcessEnv = process.env, store: CredentialStore | null = null): CredentialLookup {
  if (profile.gateway.scheme === 'none') return { status: 'not_needed' };
  const stored = store?.read(profile.id) ?? { status: 'none' as const };
  if (stored.status === 'invalid') return stored;
  if (stored.status === 'available') {
    const credentials = validCredentials(stored.credentials, profile.gateway.scheme);
    return credentials
      ? { status: 'available', source: 'store', credentials }
      : { status: 'invalid', message: `本机保存的“${profile.id}”网关凭据与接口配置的签名方式不符：${requiredFields(profile.gateway.scheme)}，请重新录入` };
  }
  const file = env[CREDENTIALS_FILE_ENV];
  if (file) {
    let text: string;
    try {
      const mode = statSync(file).mode;
      if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
        return { status: 'invalid', message: `凭据文件 ${file} 的权限过宽，请执行 chmod 600 后重试（仅限本机账户读取）` };
      }
      text = readFileSync(file, 'utf8');
    } catch {
      return { status: 'invalid', message: `无法读取凭据文件 ${file}，请检查路径和权限` };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { status: 'invalid', message: `凭据文件 ${file} 不是有效的 JSON，请检查格式` };
    }
    const entry = (parsed as Record<string, unknown> | null)?.[profile.id];
    if (entry !== undefined) {
      const credentials = validCredentials(entry, profile.gateway.scheme);
      return credentials
        ? { status: 'available', source: 'file', credentials }
        : { status: 'invalid', message: `凭据文件中“${profile.id}”的内容不完整：${requiredFields(profile.gateway.scheme)}` };
    }
  }
  const fromEnv = credentialsFromEnv(profile, env);
  if (fromEnv) return { status: 'available', source: 'env', credentials: fromEnv };
  return {
    status: 'missing',
    message:
      profile.gateway.scheme === 'x-tif'
        ? '缺少网关凭据：请设置 DESK_PLATFORM_XTIF_PAASID / DESK_PLATFORM_XTIF_SECRET，或在凭据文件中配置'
        : '缺少网关凭据：请设置 DESK_PLATFORM_CSB_ACCESS_KEY / DESK_PLATFORM_CSB_SECRET_KEY，或在凭据文件中配置',
  };
}

function notSent(message: string, reason: string): PlatformOutcome<never> {
  return { outcome: 'not_sent', message, msgid: null, msgids: [], infno: '', durationMs: 0, reason };
}

/** One drizzle handle per database: the setting is read at every platform call. */
const handles = new WeakMap<Database.Database, ReturnType<typeof drizzle<typeof schema>>>();
function handleOf(sqlite: Database.Database) {
  let db = handles.get(sqlite);
  if (!db) {
    db = drizzle(sqlite, { schema });
    handles.set(sqlite, db);
  }
  return db;
}

export function createSwitcher(startup: PlatformChoice, training: boolean, env: NodeJS.ProcessEnv = process.env, store: CredentialStore | null = null): PlatformSwitcher {
  if (!findProfile(startup.profileId)) throw new Error(`unknown platform profile: ${startup.profileId}`);
  const switcher: PlatformSwitcher = {
    startup,
    training,
    active(sqlite) {
      const setting = getProfileSetting(handleOf(sqlite));
      if (!setting) return { ...startup, source: 'startup' };
      return { profileId: setting.profileId, baseUrl: setting.baseUrl ?? startup.baseUrl, source: 'setting' };
    },
    credentialsFor: (profile) => lookUpCredentials(profile, env, store),
    store,
    clientFor(platformEnv, choice) {
      const profile = findProfile(choice.profileId);
      if (!profile) throw new Error(`unknown platform profile: ${choice.profileId}`);
      const lookup = switcher.credentialsFor(profile);
      return createPlatformClient({
        sqlite: platformEnv.sqlite,
        institution: platformEnv.institution,
        profile,
        baseUrl: choice.baseUrl,
        ...(lookup.status === 'available' ? { credentials: lookup.credentials } : {}),
      });
    },
  };
  return switcher;
}

/**
 * The queue's client: each call goes to the choice in force at that moment. A client is built once per
 * choice and rebuilt when the choice changes; a choice that cannot be built (credentials gone) makes
 * every call "not sent" with the reason, so nothing leaves for a half-configured platform.
 */
export function switchableClient(env: PlatformEnvironment, switcher: PlatformSwitcher): SyncPlatform & LookupPlatform {
  let built: { key: string; client: DeskPlatformClient } | null = null;
  const current = (): DeskPlatformClient | PlatformOutcome<never> => {
    const choice = switcher.active(env.sqlite);
    const key = `${choice.profileId}\n${choice.baseUrl}`;
    if (built?.key === key) return built.client;
    try {
      built = { key, client: switcher.clientFor(env, choice) };
      return built.client;
    } catch (error) {
      built = null;
      return notSent(`医保平台接口配置不完整（${choice.profileId}）：${error instanceof Error ? error.message : String(error)}；本笔交易未发出`, 'platform_config');
    }
  };
  const call = <A extends unknown[], R>(pick: (c: DeskPlatformClient) => (...args: A) => Promise<R>) => {
    return async (...args: A): Promise<R> => {
      const client = current();
      if ('outcome' in client) return client as R;
      return pick(client)(...args);
    };
  };
  return {
    fileReferral: call((c) => c.fileReferral),
    cancelReferral: call((c) => c.cancelReferral),
    queryReferrals: call((c) => c.queryReferrals),
    probe: call((c) => c.probe),
    ensureSignedIn: call((c) => c.ensureSignedIn),
    invalidateSignIn: (operatorId) => {
      const client = current();
      if (!('outcome' in client)) client.invalidateSignIn(operatorId);
    },
    // The other filing types (main/sync/mapping.ts) and the lookup area (main/services/lookupPlatform.ts).
    // The route comes from the chosen profile itself, so a client that cannot be built does not turn
    // routed types into 无需上传: their sends then fail as not sent and wait.
    uploadRouteOf: (type) => {
      const profile = findProfile(switcher.active(env.sqlite).profileId);
      return profile ? uploadRouteOf(profile, type) : defaultUploadRoute(type);
    },
    fileOutOfArea: call((c) => c.fileOutOfArea),
    cancelOutOfArea: call((c) => c.cancelOutOfArea),
    queryOutOfArea: call((c) => c.queryOutOfArea),
    queryPerson: call((c) => c.queryPerson),
    queryInstitutions: call((c) => c.queryInstitutions),
    queryDiagnoses: call((c) => c.queryDiagnoses),
  };
}

export function platformFor(baseUrl: string, env: NodeJS.ProcessEnv = process.env, training = false, store: CredentialStore | null = null): DeskPlatformConfig {
  const switcher = createSwitcher({ profileId: env.DESK_PLATFORM_PROFILE ?? NATIONAL_DEFAULT.id, baseUrl }, training, env, store);
  return {
    client: (platformEnv) => switchableClient(platformEnv, switcher),
    operator: QUEUE_OPERATOR,
    switcher,
  };
}

/** `store`: the system-encrypted credential store of the Electron shell; browser mode passes none. */
export async function wirePlatform(platformUrl: string | null, env: NodeJS.ProcessEnv = process.env, store: CredentialStore | null = null): Promise<PlatformWiring> {
  const simulator = platformUrl ? null : await startSimulator({ port: 0, latencyMs: 150 });
  return {
    platform: platformFor(platformUrl ?? simulator!.url, env, simulator !== null, store),
    simulator,
    close: async () => {
      await simulator?.close();
    },
  };
}
