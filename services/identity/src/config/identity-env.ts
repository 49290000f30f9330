import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ServiceEnv } from '@samen/platform';

/** identity's own settings on top of every service's. Names and meaning: docs/operations.md. */
export class IdentityEnv extends ServiceEnv {
  /**
   * Key-encryption secret: the private signing keys are stored encrypted under a key derived from
   * it. Required in production; elsewhere a fixed development secret is used (and logged), so a
   * newcomer's `npm run up` works without setup.
   */
  @ValidateIf((env: IdentityEnv) => env.NODE_ENV === 'production' || env.IDENTITY_KEY_SECRET !== undefined)
  @IsString({ message: 'IDENTITY_KEY_SECRET is verplicht in productie' })
  @MinLength(32, { message: 'IDENTITY_KEY_SECRET moet minstens 32 tekens lang zijn' })
  IDENTITY_KEY_SECRET?: string;

  /** Lifetime of an access token; short, because an access token cannot be revoked. */
  @Type(() => Number)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 600;
}
