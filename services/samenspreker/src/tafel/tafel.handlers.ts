import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type DeelnemerView, type MessageContext, TAFEL_SUBJECTS, TafelRolWijziging, TafelToetreding, TafelUitnodiging, type TafelView, VraagstukId } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { TafelService } from './tafel.service';

/** Logged in for every write; who may invite or change roles depends on the seat at this table, checked in the service. */
@Controller()
export class TafelHandlers {
  constructor(private readonly tafel: TafelService) {}

  @MessagePattern(TAFEL_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: VraagstukId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<TafelView> {
    return this.tafel.get(request.id, context, actor);
  }

  @MessagePattern(TAFEL_SUBJECTS.uitnodigen)
  @Ingelogd()
  uitnodigen(@Payload() request: TafelUitnodiging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<DeelnemerView> {
    return this.tafel.uitnodigen(request, actor, context);
  }

  @MessagePattern(TAFEL_SUBJECTS.toetreden)
  @Ingelogd()
  toetreden(@Payload() request: TafelToetreding, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<DeelnemerView> {
    return this.tafel.toetreden(request, actor, context);
  }

  @MessagePattern(TAFEL_SUBJECTS.verlaten)
  @Ingelogd()
  verlaten(@Payload() request: VraagstukId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<DeelnemerView> {
    return this.tafel.verlaten(request.id, actor, context);
  }

  @MessagePattern(TAFEL_SUBJECTS.rolWijzigen)
  @Ingelogd()
  rolWijzigen(@Payload() request: TafelRolWijziging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<DeelnemerView> {
    return this.tafel.rolWijzigen(request, actor, context);
  }
}
