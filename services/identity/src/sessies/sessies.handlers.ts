import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Aanmelding, Afmelding, SESSIE_SUBJECTS, Vernieuwing, type Aanmeldresultaat, type Geaccepteerd, type MessageContext, type SessieView } from '@samen/contracts';
import { Context, Principal, Publiek } from '@samen/platform';
import { GEACCEPTEERD } from '../accounts/accounts.service';
import { SessiesService } from './sessies.service';

@Controller()
export class SessiesHandlers {
  constructor(private readonly sessies: SessiesService) {}

  @Publiek()
  @MessagePattern(SESSIE_SUBJECTS.create)
  create(@Payload() request: Aanmelding, @Context() context: MessageContext): Promise<Aanmeldresultaat> {
    return this.sessies.meldAan(request, context);
  }

  @Publiek()
  @MessagePattern(SESSIE_SUBJECTS.refresh)
  refresh(@Payload() request: Vernieuwing): Promise<SessieView> {
    return this.sessies.vernieuw(request);
  }

  /** Public: the refresh token alone may end its session; an access token sent is verified. */
  @Publiek()
  @MessagePattern(SESSIE_SUBJECTS.revoke)
  async revoke(@Payload() request: Afmelding, @Principal() principal: Principal | undefined): Promise<Geaccepteerd> {
    await this.sessies.meldAf(request.refreshToken, principal);
    return GEACCEPTEERD;
  }
}
