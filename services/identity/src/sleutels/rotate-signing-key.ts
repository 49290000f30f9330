import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '@samen/platform';
import type { IdentityEnv } from '../config/identity-env';
import { identityOrm } from '../mikro-orm.config';
import { KeyEncryption } from './key-encryption';
import { SigningKeys } from './signing-keys';
import { DEVELOPMENT_KEY_SECRET } from './sleutels.module';

/**
 * `node dist/services/identity/src/main.js rotate-signing-key`: a new current signing key, as a
 * one-shot step like `migrate` (an operator's command, not an API). Running instances pick the new
 * key up within a minute; the previous key stays published until its tokens have expired.
 */
export async function rotateSigningKey(env: IdentityEnv): Promise<string> {
  const orm = await MikroORM.init(ormOptions('identity', identityOrm, env.DATABASE_URL, 1));
  try {
    const keys = new SigningKeys(orm.em, new KeyEncryption(env.IDENTITY_KEY_SECRET ?? DEVELOPMENT_KEY_SECRET), env.ACCESS_TOKEN_TTL_SECONDS);
    return await keys.rotate();
  } finally {
    await orm.close(true);
  }
}
