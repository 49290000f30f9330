import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GEMEENTE_SUBJECTS,
  GemeenteCode,
  type GemeenteList,
  type GemeenteView,
  type MessageContext,
  UpsertGemeente,
  WijzigInstellingen,
} from '@samen/contracts';
import { Context, Intern, Principal, Publiek, Rollen } from '@samen/platform';
import { GemeenteService } from './gemeente.service';

@Controller()
export class GemeenteHandlers {
  constructor(private readonly gemeenten: GemeenteService) {}

  @Publiek()
  @MessagePattern(GEMEENTE_SUBJECTS.get)
  get(@Payload() request: GemeenteCode): Promise<GemeenteView> {
    return this.gemeenten.get(request.code);
  }

  @Publiek()
  @MessagePattern(GEMEENTE_SUBJECTS.list)
  async list(): Promise<GemeenteList> {
    return { items: await this.gemeenten.list() };
  }

  // Platform-internal: npm run up and the gateway's admin-token route call it without a user token.
  @Intern()
  @MessagePattern(GEMEENTE_SUBJECTS.upsert)
  upsert(@Payload() request: UpsertGemeente, @Context() context: MessageContext): Promise<GemeenteView> {
    return this.gemeenten.upsert(request, context);
  }

  // A platform administrator creates gemeenten (issue 3); a gemeentebeheerder manages its own settings.
  @Rollen('platformbeheerder')
  @MessagePattern(GEMEENTE_SUBJECTS.vastleggen)
  vastleggen(@Payload() request: UpsertGemeente, @Context() context: MessageContext): Promise<GemeenteView> {
    return this.gemeenten.upsert(request, context);
  }

  @MessagePattern(GEMEENTE_SUBJECTS.instellingenWijzigen)
  @Rollen('gemeentebeheerder', 'platformbeheerder')
  wijzigInstellingen(@Payload() request: WijzigInstellingen, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<GemeenteView> {
    return this.gemeenten.wijzigInstellingen(request, actor, context);
  }
}
