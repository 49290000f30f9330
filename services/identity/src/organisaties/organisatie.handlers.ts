import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  LidmaatschapSleutel,
  LidmaatschapWijziging,
  type LidmaatschapList,
  type LidmaatschapView,
  type MessageContext,
  NieuweOrganisatie,
  NieuwLidmaatschap,
  ORGANISATIE_SUBJECTS,
  OrganisatieId,
  type OrganisatieList,
  OrganisatieLijstVraag,
  type OrganisatieView,
} from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { OrganisatieService } from './organisatie.service';

@Controller()
export class OrganisatieHandlers {
  constructor(private readonly organisaties: OrganisatieService) {}

  @MessagePattern(ORGANISATIE_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuweOrganisatie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OrganisatieView> {
    return this.organisaties.create(request, actor, context);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: OrganisatieId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OrganisatieView> {
    return this.organisaties.get(request.id, context, actor);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: OrganisatieLijstVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OrganisatieList> {
    return this.organisaties.list(request, context, actor);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.lidmaatschappen)
  @Ingelogd()
  lidmaatschappen(@Payload() request: OrganisatieId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<LidmaatschapList> {
    return this.organisaties.lidmaatschappen(request.id, actor, context);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen)
  @Ingelogd()
  toevoegen(@Payload() request: NieuwLidmaatschap, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<LidmaatschapView> {
    return this.organisaties.toevoegen(request, actor, context);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.lidmaatschapWijzigen)
  @Ingelogd()
  wijzigen(@Payload() request: LidmaatschapWijziging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<LidmaatschapView> {
    return this.organisaties.wijzigen(request, actor, context);
  }

  @MessagePattern(ORGANISATIE_SUBJECTS.lidmaatschapVerwijderen)
  @Ingelogd()
  verwijderen(@Payload() request: LidmaatschapSleutel, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<Record<string, never>> {
    return this.organisaties.verwijderen(request.id, request.accountId, actor, context);
  }
}
