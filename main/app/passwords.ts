import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with per-password salt; parameters are stored with the hash so they can be raised later.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keylen, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P, KEYLEN);
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The rule the contract's schema cannot see: a password must not be the login name (in any case,
 * or the name with digits around it being the whole password). Returns the operator's message or null.
 */
export function passwordProblem(username: string, password: string): string | null {
  const name = username.trim().toLowerCase();
  const pass = password.toLowerCase();
  if (name.length > 0 && (pass === name || pass.replace(/\d+/g, '') === name)) return '密码不能是登录名或登录名加数字，请换一个';
  return null;
}
