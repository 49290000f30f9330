import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  FaseWijziging,
  type MessageContext,
  NieuwVraagstuk,
  VRAAGSTUK_SUBJECTS,
  VraagstukId,
  type VraagstukList,
  VraagstukLijstVraag,
  type VraagstukView,
} from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { VraagstukService } from './vraagstuk.service';

@Controller()
export class VraagstukHandlers {
  constructor(private readonly vraagstukken: VraagstukService) {}

  @MessagePattern(VRAAGSTUK_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuwVraagstuk, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VraagstukView> {
    return this.vraagstukken.create(request, actor, context);
  }

  @MessagePattern(VRAAGSTUK_SUBJECTS.get)
  @Publiek()
  get(@Payload() request: VraagstukId, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VraagstukView> {
    return this.vraagstukken.get(request.id, context, actor);
  }

  @MessagePattern(VRAAGSTUK_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: VraagstukLijstVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VraagstukList> {
    return this.vraagstukken.list(request, context, actor);
  }

  /** Logged in here; who may make which transition is the phase machine's rule, checked in the service. */
  @MessagePattern(VRAAGSTUK_SUBJECTS.faseWijzigen)
  @Ingelogd()
  faseWijzigen(@Payload() request: FaseWijziging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VraagstukView> {
    return this.vraagstukken.faseWijzigen(request, actor, context);
  }
}
