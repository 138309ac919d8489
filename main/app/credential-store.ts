// Gateway credentials kept on this computer, encrypted by the operating system (docs/cutover.md
// "Credentials"). Electron-free: the cipher is handed in — on desk PCs main/electron/main.ts builds it
// from safeStorage (DPAPI on Windows, the keychain/libsecret elsewhere); tests use a fake one. The file
// (in the data folder) maps profile id → base64 ciphertext of the credentials JSON; it never holds a
// secret in clear, and nothing here ever hands a secret to the renderer.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findProfile } from '../platform/profiles';
import type { GatewayCredentials } from '../platform/signing';
import { DeskError } from './errors';

/** What the operating system offers to encrypt with (Electron's safeStorage has this shape). */
export interface CredentialCipher {
  available(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export type StoredCredentials =
  | { status: 'none' }
  | { status: 'available'; credentials: GatewayCredentials }
  | { status: 'invalid'; message: string };

export interface CredentialStoreStatus {
  /** False: the system's encryption is unavailable; nothing can be stored or read. */
  available: boolean;
  /** Profiles with a stored entry (their secrets are never returned). */
  profiles: string[];
}

export interface CredentialStore {
  readonly file: string;
  read(profileId: string): StoredCredentials;
  write(profileId: string, credentials: unknown): void;
  /** True when an entry was removed. */
  clear(profileId: string): boolean;
  status(): CredentialStoreStatus;
}

export const ENCRYPTION_UNAVAILABLE = '系统加密服务不可用，不能在本机保存网关凭据：请改用凭据文件（DESK_PLATFORM_CREDENTIALS_FILE）或环境变量配置';

/** The shape a profile's credentials must have: the same rules for the store and the credentials file. */
export function validCredentials(value: unknown, scheme: string): GatewayCredentials | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (scheme === 'x-tif' && v.scheme === 'x-tif' && typeof v.paasId === 'string' && v.paasId && typeof v.secret === 'string' && v.secret) {
    return { scheme: 'x-tif', paasId: v.paasId, secret: v.secret };
  }
  if (scheme === 'csb' && v.scheme === 'csb' && typeof v.accessKey === 'string' && v.accessKey && typeof v.secretKey === 'string' && v.secretKey) {
    return { scheme: 'csb', accessKey: v.accessKey, secretKey: v.secretKey };
  }
  return null;
}

export function requiredFields(scheme: string): string {
  return scheme === 'x-tif' ? '需要 scheme、paasId、secret' : '需要 scheme、accessKey、secretKey';
}

type Entries = Record<string, string>;

export function createEncryptedCredentialStore(file: string, cipher: CredentialCipher): CredentialStore {
  const corrupt = `本机保存的凭据文件 ${file} 已损坏，请在“平台接口配置”中重新录入网关凭据`;

  /** The entries, or null when the file is not a map of strings. */
  const load = (): Entries | null => {
    if (!existsSync(file)) return {};
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
      const entries = parsed as Record<string, unknown>;
      return Object.values(entries).every((v) => typeof v === 'string') ? (entries as Entries) : null;
    } catch {
      return null;
    }
  };

  // Temp file + rename, so a crash leaves the old file or the new one; 0o600 before the rename.
  const save = (entries: Entries): void => {
    const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    writeFileSync(temp, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, file);
  };

  return {
    file,
    read(profileId) {
      if (!cipher.available()) return { status: 'none' };
      const entries = load();
      if (!entries) return { status: 'invalid', message: corrupt };
      const sealed = entries[profileId];
      if (sealed === undefined) return { status: 'none' };
      let parsed: unknown;
      try {
        parsed = JSON.parse(cipher.decrypt(Buffer.from(sealed, 'base64')));
      } catch {
        return { status: 'invalid', message: `无法解密本机保存的“${profileId}”网关凭据（可能更换了系统账户或电脑），请重新录入` };
      }
      const scheme = (parsed as { scheme?: unknown } | null)?.scheme;
      const credentials = validCredentials(parsed, typeof scheme === 'string' ? scheme : '');
      return credentials ? { status: 'available', credentials } : { status: 'invalid', message: `本机保存的“${profileId}”网关凭据不完整，请重新录入` };
    },
    write(profileId, credentials) {
      const profile = findProfile(profileId);
      if (!profile) throw new DeskError('INVALID_REQUEST', `没有名为“${profileId}”的接口配置，请从列表中选择`, { profileId: '请从列表中选择接口配置' });
      if (profile.gateway.scheme === 'none') throw new DeskError('BUSINESS_RULE', `${profile.label}不需要网关凭据`, { profileId: '该接口配置不需要网关凭据' });
      const valid = validCredentials(credentials, profile.gateway.scheme);
      if (!valid) throw new DeskError('INVALID_REQUEST', `${profile.label}的网关凭据不完整：${requiredFields(profile.gateway.scheme)}`, { credentials: requiredFields(profile.gateway.scheme) });
      if (!cipher.available()) throw new DeskError('BUSINESS_RULE', ENCRYPTION_UNAVAILABLE);
      // A damaged file cannot be read for anyone: it is replaced by the entry being saved.
      const entries = load() ?? {};
      entries[profileId] = cipher.encrypt(JSON.stringify(valid)).toString('base64');
      save(entries);
    },
    clear(profileId) {
      const entries = load();
      if (!entries) {
        save({});
        return true;
      }
      if (entries[profileId] === undefined) return false;
      delete entries[profileId];
      save(entries);
      return true;
    },
    status() {
      const available = cipher.available();
      return { available, profiles: available ? Object.keys(load() ?? {}) : [] };
    },
  };
}

/** The store's file name in the Electron user-data folder. */
export const CREDENTIAL_STORE_FILE = 'platform-credentials.json';

/** Electron's safeStorage (or anything of its shape) as a cipher; main/electron/main.ts hands it in. */
export function systemCipher(safe: { isEncryptionAvailable(): boolean; encryptString(text: string): Buffer; decryptString(data: Buffer): string }): CredentialCipher {
  return { available: () => safe.isEncryptionAvailable(), encrypt: (text) => safe.encryptString(text), decrypt: (data) => safe.decryptString(data) };
}
