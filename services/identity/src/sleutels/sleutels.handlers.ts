import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { SLEUTEL_SUBJECTS, type Jwks } from '@samen/contracts';
import { Publiek } from '@samen/platform';
import { SigningKeys } from './signing-keys';

@Controller()
export class SleutelsHandlers {
  constructor(private readonly keys: SigningKeys) {}

  /** Public keys: every verifier fetches them, also before it can verify anything. */
  @Publiek()
  @MessagePattern(SLEUTEL_SUBJECTS.jwks)
  jwks(): Promise<Jwks> {
    return this.keys.jwks();
  }
}
