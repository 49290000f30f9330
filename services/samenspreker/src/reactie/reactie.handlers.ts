import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type MessageContext, NieuweReactie, REACTIE_SUBJECTS, type ReactieList, ReactieLijstVraag, ReactieVerbergen, type ReactieView } from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek, Rollen } from '@samen/platform';
import { ReactieService } from './reactie.service';

@Controller()
export class ReactieHandlers {
  constructor(private readonly reacties: ReactieService) {}

  @MessagePattern(REACTIE_SUBJECTS.create)
  @Ingelogd()
  create(@Payload() request: NieuweReactie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ReactieView> {
    return this.reacties.create(request, actor, context);
  }

  @MessagePattern(REACTIE_SUBJECTS.list)
  @Publiek()
  list(@Payload() request: ReactieLijstVraag, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ReactieList> {
    return this.reacties.list(request, context, actor);
  }

  /** The guard admits only a moderator whose token belongs to the gemeente the request acts in. */
  @MessagePattern(REACTIE_SUBJECTS.verberg)
  @Rollen('moderator')
  verberg(@Payload() request: ReactieVerbergen, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<ReactieView> {
    return this.reacties.verberg(request, actor, context);
  }
}
