import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque tokens (refresh tokens, e-mail confirmation and reset links): 256 random bits, only
 * their SHA-256 is stored. A fast hash is right here: the token has full entropy, so it cannot be
 * guessed from its hash, and lookup by hash stays an index scan.
 */
export function nieuwOpaakToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
