import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for the TOTP secrets at rest (ASVS V11.3, BIO: encryption of secrets). The key is
 * derived with HKDF from IDENTITY_KEY_SECRET (the setting that also protects the signing keys, see
 * sleutels/key-encryption.ts), with its own `info`, so the TOTP key is never the signing-key key. Format:
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), the version naming the scheme for a later change.
 */
export class GeheimVersleuteling {
  private readonly sleutel: Buffer;

  constructor(geheim: string) {
    this.sleutel = Buffer.from(hkdfSync('sha256', geheim, 'samen-identity', 'totp-geheimen v1', 32));
  }

  /** `binding` (the account id) is authenticated data: a ciphertext copied to another account does not decrypt. */
  versleutel(tekst: string, binding: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sleutel, iv);
    cipher.setAAD(Buffer.from(binding, 'utf8'));
    const data = Buffer.concat([cipher.update(tekst, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  ontsleutel(versleuteld: string, binding: string): string {
    const [versie, iv, tag, data] = versleuteld.split('.');
    if (versie !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown encrypted secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.sleutel, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(binding, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

