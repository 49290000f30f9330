import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { BESLUIT_SUBJECTS, BesluitId, type BesluitList, type BesluitView, type MessageContext, NieuwBesluit, VraagstukVerwijzing } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { BesluitService } from './besluit.service';

@Controller()
export class BesluitHandlers {
  constructor(private readonly besluiten: BesluitService) {}

  /** Logged in here; besluitvormer or staff is checked in the service, against the table. */
  @MessagePattern(BESLUIT_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuwBesluit, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<BesluitView> {
    return this.besluiten.publiceer(request, actor, context);
  }

  @MessagePattern(BESLUIT_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: VraagstukVerwijzing, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<BesluitList> {
    return this.besluiten.lijst(request.vraagstukId, context, actor);
  }

  @MessagePattern(BESLUIT_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: BesluitId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<BesluitView> {
    return this.besluiten.lees(request.vraagstukId, request.besluitId, context, actor);
  }
}
