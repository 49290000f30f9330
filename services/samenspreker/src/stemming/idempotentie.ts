import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The retry record of a digital cast keeps the receipt so that a retry with the same
 * Idempotency-Key gets it again. Stored in the clear it would tie an account to a receipt in the
 * database; so it is encrypted (AES-256-GCM) with a key derived from the Idempotency-Key, which
 * only the voter's client holds. A retry with another key cannot decrypt it: that is how a
 * different key is recognised, without storing the key or a hash of it.
 */
function sleutelVan(idempotencyKey: string, stemmingId: string, accountId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', idempotencyKey, `${stemmingId}:${accountId}`, 'samen-stem-idempotentie', 32));
}

export function versleutelBonnetje(bonnetje: string, idempotencyKey: string, stemmingId: string, accountId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sleutelVan(idempotencyKey, stemmingId, accountId), iv);
  const tekst = Buffer.concat([cipher.update(bonnetje, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), tekst]).toString('base64');
}

/** The receipt, or undefined when this Idempotency-Key is not the one the cast was made with. */
export function ontsleutelBonnetje(versleuteld: string, idempotencyKey: string, stemmingId: string, accountId: string): string | undefined {
  const bytes = Buffer.from(versleuteld, 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', sleutelVan(idempotencyKey, stemmingId, accountId), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
