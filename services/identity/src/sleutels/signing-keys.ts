import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { TOKEN_ALGORITHM, type Jwks } from '@samen/contracts';
import { KeyEncryption } from './key-encryption';
import { SigningKey } from './signing-key.entity';
import { ACCESS_TOKEN_TTL_SECONDS, KEY_ENCRYPTION } from './sleutels.tokens';

/** How long an instance signs with the key it loaded before it looks again (another instance may have rotated). */
export const CURRENT_KEY_CACHE_MS = 60_000;
/** Slack for clocks and for verifiers' tolerance (libs/platform TokenVerifier allows 30 s). */
const CLOCK_SLACK_SECONDS = 60;

export interface CurrentSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * identity's Ed25519 signing keys: one current key (created on first use) and the keys it
 * replaced, which stay published until every token they signed has expired. The table holds at
 * most one current key (a partial unique index); creation and rotation take an advisory lock so
 * that instances starting together agree on one key.
 */
@Injectable()
export class SigningKeys {
  private readonly logger = new Logger('SigningKeys');
  private cached?: { key: CurrentSigningKey; until: number };

  constructor(
    private readonly em: EntityManager,
    @Inject(KEY_ENCRYPTION) private readonly encryption: KeyEncryption,
    @Inject(ACCESS_TOKEN_TTL_SECONDS) private readonly ttlSeconds: number,
  ) {}

  /** The key to sign with now. */
  async current(): Promise<CurrentSigningKey> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.key;
    const em = this.em.fork();
    let row = await em.findOne(SigningKey, { vervangenTijdstip: null });
    if (!row) row = await this.replaceCurrent(false);
    let key: CurrentSigningKey;
    try {
      key = this.unseal(row);
    } catch {
      // The key-encryption secret changed (or the row was altered): that key cannot sign any more,
      // but its public half still verifies the tokens it signed. Carry on with a fresh key.
      this.logger.error({ kid: row.kid }, 'current signing key cannot be decrypted with IDENTITY_KEY_SECRET; rotating to a new key');
      key = this.unseal(await this.replaceCurrent(true));
    }
    this.cached = { key, until: Date.now() + CURRENT_KEY_CACHE_MS };
    return key;
  }

  /** Makes a new current key; the previous one stays in the JWKS until its tokens have expired. */
  async rotate(): Promise<string> {
    const row = await this.replaceCurrent(true);
    this.cached = undefined;
    this.logger.log({ kid: row.kid }, 'signing key rotated');
    return row.kid;
  }

  /** Public keys of the current key and of the replaced keys whose tokens may still be valid. */
  async jwks(): Promise<Jwks> {
    // Never an empty set: a verifier that asks before the first token was signed finds the key.
    await this.current();
    const em = this.em.fork();
    const since = new Date(Date.now() - this.retentionSeconds() * 1000);
    const rows = await em.find(SigningKey, { $or: [{ vervangenTijdstip: null }, { vervangenTijdstip: { $gt: since } }] }, { orderBy: { aangemaaktTijdstip: 'desc' } });
    return { keys: rows.map((row) => ({ ...row.publicJwk, kid: row.kid, kty: String(row.publicJwk.kty), alg: TOKEN_ALGORITHM, use: 'sig' })) };
  }

  /**
   * A replaced key is kept while a token it signed may still be valid: an instance may sign with
   * it up to CURRENT_KEY_CACHE_MS after the rotation, and that token lives ACCESS_TOKEN_TTL_SECONDS.
   */
  private retentionSeconds(): number {
    return this.ttlSeconds + CURRENT_KEY_CACHE_MS / 1000 + CLOCK_SLACK_SECONDS;
  }

  /** With `force` false, only creates a key when there is no current one (first use). */
  private replaceCurrent(force: boolean): Promise<SigningKey> {
    return this.em.fork().transactional(async (em) => {
      await em.execute(`select pg_advisory_xact_lock(hashtext('identity.signing_key'))`);
      const existing = await em.findOne(SigningKey, { vervangenTijdstip: null });
      if (existing && !force) return existing;
      const now = new Date();
      if (existing) {
        existing.vervangenTijdstip = now;
        // Written before the insert: the partial unique index allows one current key at a time.
        await em.flush();
      }
      // Private keys of keys no longer published serve no purpose: remove them.
      await em.nativeDelete(SigningKey, { vervangenTijdstip: { $lt: new Date(now.getTime() - this.retentionSeconds() * 1000) } });
      const row = await this.generate(now);
      em.persist(row);
      await em.flush();
      return row;
    });
  }

  private async generate(now: Date): Promise<SigningKey> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const publicJwk = publicKey.export({ format: 'jwk' }) as JWK;
    // The RFC 7638 thumbprint: a kid that any holder of the public key can recompute.
    const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
    const row = new SigningKey();
    row.kid = kid;
    row.publicJwk = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x };
    row.privateKeyEncrypted = this.encryption.encrypt(privateKey.export({ format: 'der', type: 'pkcs8' }), kid);
    row.aangemaaktTijdstip = now;
    return row;
  }

  private unseal(row: SigningKey): CurrentSigningKey {
    const der = this.encryption.decrypt(row.privateKeyEncrypted, row.kid);
    return { kid: row.kid, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
  }
}
