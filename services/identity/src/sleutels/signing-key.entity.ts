import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One Ed25519 key pair with which identity signs access tokens. The public half is published in
 * the JWKS; the private half is stored only encrypted (AES-256-GCM under IDENTITY_KEY_SECRET).
 */
@Entity({ tableName: 'signing_key' })
export class SigningKey {
  @PrimaryKey({ length: 64 })
  kid: string;

  /** The public key as a JWK (kty OKP, crv Ed25519, x). */
  @Property({ type: 'json' })
  publicJwk: Record<string, unknown>;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the PKCS#8 private key; see key-encryption.ts. */
  @Property({ type: 'text' })
  privateKeyEncrypted: string;

  @Property({ columnType: 'timestamptz' })
  aangemaaktTijdstip: Date = new Date();

  /** When a newer key took over; the key stays published until its last token has expired. */
  @Property({ columnType: 'timestamptz', nullable: true })
  vervangenTijdstip?: Date;
}
