import { Logger, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { IdentityEnv } from '../config/identity-env';
import { KeyEncryption } from './key-encryption';
import { SigningKey } from './signing-key.entity';
import { SigningKeys } from './signing-keys';
import { SleutelsHandlers } from './sleutels.handlers';
import { ACCESS_TOKEN_TTL_SECONDS, KEY_ENCRYPTION } from './sleutels.tokens';
import { TokenIssuer } from './token-issuer';

/** Known to everyone who reads this repository: fine for a laptop, never for production (refused there). */
export const DEVELOPMENT_KEY_SECRET = 'samen-development-key-secret-not-for-production';

/** identity's signing keys, the JWKS they publish, and the {@link TokenIssuer} that uses them. */
@Module({
  imports: [MikroOrmModule.forFeature([SigningKey])],
  controllers: [SleutelsHandlers],
  providers: [
    {
      provide: KEY_ENCRYPTION,
      inject: [IdentityEnv],
      useFactory: (env: IdentityEnv) => {
        if (env.IDENTITY_KEY_SECRET === undefined) {
          new Logger('SleutelsModule').warn('IDENTITY_KEY_SECRET not set: private signing keys are encrypted with the public development secret');
        }
        return new KeyEncryption(env.IDENTITY_KEY_SECRET ?? DEVELOPMENT_KEY_SECRET);
      },
    },
    { provide: ACCESS_TOKEN_TTL_SECONDS, inject: [IdentityEnv], useFactory: (env: IdentityEnv) => env.ACCESS_TOKEN_TTL_SECONDS },
    SigningKeys,
    TokenIssuer,
  ],
  exports: [TokenIssuer, SigningKeys],
})
export class SleutelsModule {}
