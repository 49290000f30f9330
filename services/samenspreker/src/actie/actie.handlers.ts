import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ACTIE_SUBJECTS, type ActieList, ActieSluiten, type ActieView, ActieVoortgang, type MessageContext, NieuweActie, VraagstukVerwijzing } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { ActieService } from './actie.service';

/** Writes are logged in here; which table role or staff role may do what is checked in the service. */
@Controller()
export class ActieHandlers {
  constructor(private readonly acties: ActieService) {}

  @MessagePattern(ACTIE_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuweActie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ActieView> {
    return this.acties.maakAan(request, actor, context);
  }

  @MessagePattern(ACTIE_SUBJECTS.voortgang)
  @Ingelogd()
  voortgang(@Payload() request: ActieVoortgang, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ActieView> {
    return this.acties.meldVoortgang(request, actor, context);
  }

  @MessagePattern(ACTIE_SUBJECTS.sluit)
  @Ingelogd()
  sluit(@Payload() request: ActieSluiten, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ActieView> {
    return this.acties.sluit(request, actor, context);
  }

  @MessagePattern(ACTIE_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: VraagstukVerwijzing, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ActieList> {
    return this.acties.lijst(request.vraagstukId, context, actor);
  }
}
