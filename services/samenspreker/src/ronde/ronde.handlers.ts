import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type MessageContext, RONDE_SUBJECTS, type RondeList, RondesVanVraagstuk, RondeSluiten, RondeVraag, type RondeView } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { RondeService } from './ronde.service';

/** Logged in for writes; the table role (or gemeente staff role) is checked in the service. */
@Controller()
export class RondeHandlers {
  constructor(private readonly rondes: RondeService) {}

  @MessagePattern(RONDE_SUBJECTS.open)
  @Ingelogd()
  open(@Payload() request: RondesVanVraagstuk, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<RondeView> {
    return this.rondes.open(request, actor, context);
  }

  @MessagePattern(RONDE_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: RondesVanVraagstuk, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<RondeList> {
    return this.rondes.list(request.vraagstukId, context, actor);
  }

  @MessagePattern(RONDE_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: RondeVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<RondeView> {
    return this.rondes.get(request.vraagstukId, request.nummer, context, actor);
  }

  @MessagePattern(RONDE_SUBJECTS.sluit)
  @Ingelogd()
  sluit(@Payload() request: RondeSluiten, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<RondeView> {
    return this.rondes.sluit(request, actor, context);
  }
}
