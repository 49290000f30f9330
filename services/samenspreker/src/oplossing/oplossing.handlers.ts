import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type MessageContext, NieuweOplossing, NieuweVersie, OPLOSSING_SUBJECTS, OplossingVraag, type OplossingView, PositieInnemen } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { OplossingService } from './oplossing.service';

/** Logged in for writes; who at the table may do what is checked in the service against the Tafel. */
@Controller()
export class OplossingHandlers {
  constructor(private readonly oplossingen: OplossingService) {}

  @MessagePattern(OPLOSSING_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuweOplossing, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OplossingView> {
    return this.oplossingen.create(request, actor, context);
  }

  @MessagePattern(OPLOSSING_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: OplossingVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OplossingView> {
    return this.oplossingen.get(request.vraagstukId, request.oplossingId, context, actor);
  }

  @MessagePattern(OPLOSSING_SUBJECTS.versieToevoegen)
  @Ingelogd()
  versieToevoegen(@Payload() request: NieuweVersie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OplossingView> {
    return this.oplossingen.versieToevoegen(request, actor, context);
  }

  @MessagePattern(OPLOSSING_SUBJECTS.positieInnemen)
  @Ingelogd()
  positieInnemen(@Payload() request: PositieInnemen, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<OplossingView> {
    return this.oplossingen.positieInnemen(request, actor, context);
  }
}
