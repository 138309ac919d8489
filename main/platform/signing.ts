// Gateway signing in front of the platform (nhsa-interface.md §1.5). The platform envelope itself is
// the same everywhere; provinces put different gateways in front of it. The simulator uses the same
// functions to verify, so a desk and the simulator agree on the canonical strings by construction;
// the tests check those strings against the formulas in the reference independently.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GatewaySigning } from './profiles';

export type GatewayCredentials =
  | { scheme: 'x-tif'; paasId: string; secret: string }
  | { scheme: 'csb'; accessKey: string; secretKey: string };

export class PlatformConfigError extends Error {
  readonly code = 'PLATFORM_CONFIG';
}

/** x-tif-signature: lowercase hex SHA-256 of timestamp + secret + nonce + timestamp (S1, S4, S5, S9). */
export function xTifSignature(timestampSeconds: string, secret: string, nonce: string): string {
  return createHash('sha256').update(timestampSeconds + secret + nonce + timestampSeconds, 'utf8').digest('hex');
}

/** _api_signature: base64 HMAC-SHA1 over `k=v&…` of the four _api_* parameters sorted by key (S7). */
export function csbSignature(params: Record<string, string>, secretKey: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHmac('sha1', secretKey).update(canonical, 'utf8').digest('base64');
}

/** Checks at start-up that a profile's gateway has the credentials it needs; throws otherwise. */
export function checkCredentials(gateway: GatewaySigning, credentials: GatewayCredentials | undefined): void {
  if (gateway.scheme === 'none') return;
  if (!credentials || credentials.scheme !== gateway.scheme) {
    throw new PlatformConfigError(`profile gateway '${gateway.scheme}' needs ${gateway.scheme} credentials`);
  }
}

/** The headers the gateway wants for one request. `now` is wall time (the gateway checks freshness). */
export function gatewayHeaders(gateway: GatewaySigning, credentials: GatewayCredentials | undefined, now: Date): Record<string, string> {
  if (gateway.scheme === 'none') return {};
  checkCredentials(gateway, credentials);
  if (gateway.scheme === 'x-tif' && credentials?.scheme === 'x-tif') {
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const nonce = randomBytes(16).toString('hex');
    return {
      'x-tif-paasid': credentials.paasId,
      'x-tif-timestamp': timestamp,
      'x-tif-nonce': nonce,
      'x-tif-signature': xTifSignature(timestamp, credentials.secret, nonce),
    };
  }
  if (gateway.scheme === 'csb' && credentials?.scheme === 'csb') {
    const params = {
      _api_name: gateway.apiName,
      _api_version: gateway.apiVersion,
      _api_access_key: credentials.accessKey,
      _api_timestamp: String(now.getTime()),
    };
    return { ...params, _api_signature: csbSignature(params, credentials.secretKey) };
  }
  throw new PlatformConfigError(`unsupported gateway scheme`);
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type HeaderLookup = (name: string) => string | undefined;

/** Verifies a request's gateway headers (the simulator's gateway). null = valid, else the reason. */
export function verifyGateway(
  credentials: GatewayCredentials,
  header: HeaderLookup,
  now: Date,
  maxSkewMs = 300_000,
): string | null {
  if (credentials.scheme === 'x-tif') {
    const paasId = header('x-tif-paasid');
    const timestamp = header('x-tif-timestamp');
    const nonce = header('x-tif-nonce');
    const signature = header('x-tif-signature');
    if (!paasId || !timestamp || !nonce || !signature) return 'missing x-tif headers';
    if (paasId !== credentials.paasId) return 'unknown paasid';
    if (!/^\d{10}$/.test(timestamp) || Math.abs(Number(timestamp) * 1000 - now.getTime()) > maxSkewMs) return 'stale timestamp';
    return same(signature, xTifSignature(timestamp, credentials.secret, nonce)) ? null : 'bad signature';
  }
  const params = {
    _api_name: header('_api_name') ?? '',
    _api_version: header('_api_version') ?? '',
    _api_access_key: header('_api_access_key') ?? '',
    _api_timestamp: header('_api_timestamp') ?? '',
  };
  const signature = header('_api_signature');
  if (!signature || Object.values(params).some((v) => v === '')) return 'missing _api_ headers';
  if (params._api_access_key !== credentials.accessKey) return 'unknown access key';
  if (!/^\d{13}$/.test(params._api_timestamp) || Math.abs(Number(params._api_timestamp) - now.getTime()) > maxSkewMs) return 'stale timestamp';
  return same(signature, csbSignature(params, credentials.secretKey)) ? null : 'bad signature';
}
