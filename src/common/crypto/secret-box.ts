import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope for secrets at rest. A stored value is
 * `v1:<keyId>:<iv b64>:<tag b64>:<ciphertext b64>`; the key id lets us hold several keys
 * at once and re-encrypt under the newest (`npm run keys:rotate`).
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  /** @param keys base64 32-byte keys, the first is used to encrypt */
  constructor(keys: string[]) {
    if (keys.length === 0) throw new Error('SecretBox needs at least one key');
    for (const k of keys) {
      const raw = Buffer.from(k, 'base64');
      if (raw.length !== 32) throw new Error('encryption keys must be 32 bytes, base64');
      this.keys.set(SecretBox.keyId(raw), raw);
    }
    this.currentKeyId = SecretBox.keyId(Buffer.from(keys[0], 'base64'));
  }

  static keyId(raw: Buffer): string {
    return createHash('sha256').update(raw).digest('hex').slice(0, 12);
  }

  encrypt(plain: string): string {
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return ['v1', this.currentKeyId, iv.toString('base64'), tag.toString('base64'), ct.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [v, keyId, iv, tag, ct] = sealed.split(':');
    if (v !== 'v1' || !keyId || !iv || !tag || ct === undefined) throw new Error('not a sealed secret');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`no encryption key with id ${keyId} is configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
  }

  keyIdOf(sealed: string): string | undefined {
    return sealed.split(':')[1];
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
