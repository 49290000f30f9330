import { hkdfSync } from 'node:crypto';
import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Account } from '../accounts/account.entity';
import { IdentityEnv } from '../config/identity-env';
import { DEVELOPMENT_KEY_SECRET } from '../sleutels/sleutels.module';
import { VerwerkingslogModule } from '../avg/verwerkingslog.module';
import { Verificatie, VerificatiecodeBatch, Verificatiecode, VerificatiePoging } from './verificatie.entity';
import { VerificatieHandlers } from './verificatie.handlers';
import { VerificatieService } from './verificatie.service';
import { VERIFICATIECODE_SLEUTEL } from './verificatie.tokens';

/**
 * Resident verification: codes on letters and verification at the desk. Exports
 * {@link VerificatieService.geverifieerdGebied} for the tokens.
 */
@Module({
  imports: [MikroOrmModule.forFeature([VerificatiecodeBatch, Verificatiecode, Verificatie, VerificatiePoging, Account]), VerwerkingslogModule],
  controllers: [VerificatieHandlers],
  providers: [
    VerificatieService,
    {
      // Derived from identity's one secret (own label, so it is independent of the key-encryption
      // key). Changing the secret makes codes that are still out unusable: issue new ones then.
      provide: VERIFICATIECODE_SLEUTEL,
      inject: [IdentityEnv],
      useFactory: (env: IdentityEnv) =>
        Buffer.from(hkdfSync('sha256', env.IDENTITY_KEY_SECRET ?? DEVELOPMENT_KEY_SECRET, 'samen', 'identity/verificatiecode/v1', 32)),
    },
  ],
  exports: [VerificatieService],
})
export class VerificatieModule {}
