import { createHmac, generateKeyPairSync } from 'node:crypto';
import type { JWK } from 'oidc-provider';
import type { DataSource } from 'typeorm';
import type { SecretBox } from '../common/crypto/secret-box.js';

const SETTING = 'authz_signing_jwk';

/**
 * The authorization server's signing key (ID tokens, JWKS), made once and shared by every
 * replica through `platform_settings`, sealed with ENCRYPTION_KEY. Access tokens are opaque
 * and checked in PostgreSQL, so this key signs nothing the gateway relies on.
 */
export async function loadSigningKeys(ds: DataSource, box: SecretBox, warn: (msg: string) => void): Promise<JWK[]> {
  const read = async () =>
    ((await ds.query(`SELECT value FROM platform_settings WHERE key = $1`, [SETTING])) as { value: string }[])[0]?.value;
  let sealed = await read();
  if (!sealed) {
    await ds.query(`INSERT INTO platform_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [SETTING, box.encryptJson(newKey())]);
    sealed = (await read())!;
  }
  try {
    return [box.decryptJson<JWK>(sealed)];
  } catch (e) {
    // A replica started with another ENCRYPTION_KEY: it still serves (access tokens are opaque, checked in
    // PostgreSQL), with its own ID token key; its sealed secrets and interaction cookies will not match either.
    warn(`the stored authorization server key cannot be opened (${(e as Error).message}); is ENCRYPTION_KEY the same on every replica? Using a key of this process.`);
    return [newKey()];
  }
}

function newKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...(privateKey.export({ format: 'jwk' }) as JWK), kid: `pb-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };
}

/** Cookie signing keys derived from the encryption keys (newest first), identical on every replica. */
export function cookieKeys(encryptionKeys: string[]): string[] {
  return encryptionKeys.map((k) => createHmac('sha256', Buffer.from(k, 'base64')).update('patchbay-authz-cookies').digest('base64url'));
}

/** A per-interaction anti-CSRF token for the sign-in and consent forms. */
export function csrfToken(encryptionKey: string, uid: string): string {
  return createHmac('sha256', Buffer.from(encryptionKey, 'base64')).update(`patchbay-authz-csrf:${uid}`).digest('base64url');
}
