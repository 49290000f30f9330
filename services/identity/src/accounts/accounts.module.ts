import { Logger, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { IdentityEnv } from '../config/identity-env';
import { Gemeente } from '../gemeente/gemeente.entity';
import { MailModule } from '../mail/mail.module';
import { OrganisatieModule } from '../organisaties/organisatie.module';
import { RefreshTokensModule } from '../sessies/refresh-tokens.module';
import { DEVELOPMENT_KEY_SECRET } from '../sleutels/sleutels.module';
import { Account } from './account.entity';
import { AccountToken } from './account-token.entity';
import { AccountsHandlers } from './accounts.handlers';
import { DemoAccounts } from './demo-accounts';
import { DemoHandlers } from './demo.handlers';
import { AccountsService } from './accounts.service';
import { GeheimVersleuteling } from './geheim-versleuteling';

/** Accounts: registration, e-mail confirmation, password reset, second factor. */
@Module({
  imports: [MikroOrmModule.forFeature([Account, AccountToken, Gemeente]), MailModule, RefreshTokensModule, OrganisatieModule],
  controllers: [AccountsHandlers, DemoHandlers],
  providers: [
    AccountsService,
    DemoAccounts,
    {
      provide: GeheimVersleuteling,
      inject: [IdentityEnv],
      useFactory: (env: IdentityEnv) => {
        // IdentityEnv refuses to start in production without the secret; SleutelsModule warns elsewhere.
        if (env.IDENTITY_KEY_SECRET === undefined) new Logger('AccountsModule').debug('TOTP secrets use the development key secret');
        return new GeheimVersleuteling(env.IDENTITY_KEY_SECRET ?? DEVELOPMENT_KEY_SECRET);
      },
    },
  ],
  exports: [AccountsService, GeheimVersleuteling],
})
export class AccountsModule {}
