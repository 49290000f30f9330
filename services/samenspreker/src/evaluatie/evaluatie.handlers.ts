import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EVALUATIE_SUBJECTS, type EvaluatieOverzicht, type EvaluatieView, type MessageContext, MijnEvaluatie, NieuweEvaluatieSamenvatting, VraagstukVerwijzing } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { EvaluatieService } from './evaluatie.service';

/** Writes are logged in here; seat and table role are checked in the service. */
@Controller()
export class EvaluatieHandlers {
  constructor(private readonly evaluaties: EvaluatieService) {}

  @MessagePattern(EVALUATIE_SUBJECTS.geef)
  @Ingelogd()
  geef(@Payload() request: MijnEvaluatie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<EvaluatieView> {
    return this.evaluaties.geef(request, actor, context);
  }

  @MessagePattern(EVALUATIE_SUBJECTS.samenvatten)
  @Ingelogd()
  samenvatten(@Payload() request: NieuweEvaluatieSamenvatting, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<EvaluatieOverzicht> {
    return this.evaluaties.vatSamen(request, actor, context);
  }

  @MessagePattern(EVALUATIE_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: VraagstukVerwijzing, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<EvaluatieOverzicht> {
    return this.evaluaties.lees(request.vraagstukId, context, actor);
  }
}
