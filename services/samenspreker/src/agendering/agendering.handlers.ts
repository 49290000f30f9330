import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type MessageContext, STEUN_SUBJECTS, SteunBetuiging, type SteunbetuigingView, SteunIntrekking, type VraagstukSteun } from '@samen/contracts';
import { Context, Ingelogd, Principal } from '@samen/platform';
import { AgenderingService } from './agendering.service';

@Controller()
export class AgenderingHandlers {
  constructor(private readonly agendering: AgenderingService) {}

  /** Anyone logged in in the gemeente; the phase, the initiatiefnemer and duplicates are the service's rules. */
  @MessagePattern(STEUN_SUBJECTS.create)
  @Ingelogd()
  betuig(@Payload() request: SteunBetuiging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<SteunbetuigingView> {
    return this.agendering.betuig(request, actor, context);
  }

  @MessagePattern(STEUN_SUBJECTS.intrekken)
  @Ingelogd()
  trekIn(@Payload() request: SteunIntrekking, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VraagstukSteun> {
    return this.agendering.trekIn(request, actor, context);
  }
}
