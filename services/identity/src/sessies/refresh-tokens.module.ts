import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokens } from './refresh-tokens';

/** The refresh-token store alone, so that accounts (password reset) can revoke sessions too. */
@Module({
  imports: [MikroOrmModule.forFeature([RefreshToken])],
  providers: [RefreshTokens],
  exports: [RefreshTokens],
})
export class RefreshTokensModule {}
