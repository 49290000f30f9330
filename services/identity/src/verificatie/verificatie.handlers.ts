import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CodeInwisselen,
  type CodeBatchView,
  type MessageContext,
  NieuweCodes,
  PersoonlijkeVerificatie,
  VERIFICATIE_SUBJECTS,
  type VerificatieView,
} from '@samen/contracts';
import { Context, Ingelogd, Principal, Rollen } from '@samen/platform';
import { VerificatieService } from './verificatie.service';

@Controller()
export class VerificatieHandlers {
  constructor(private readonly verificaties: VerificatieService) {}

  @MessagePattern(VERIFICATIE_SUBJECTS.codesAanmaken)
  @Rollen('gemeentebeheerder', 'ambtenaar')
  codesAanmaken(@Payload() request: NieuweCodes, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<CodeBatchView> {
    return this.verificaties.codesAanmaken(request, actor, context);
  }

  @MessagePattern(VERIFICATIE_SUBJECTS.inwisselen)
  @Ingelogd()
  inwisselen(@Payload() request: CodeInwisselen, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VerificatieView> {
    return this.verificaties.inwisselen(request.code, actor, context);
  }

  @MessagePattern(VERIFICATIE_SUBJECTS.persoonlijk)
  @Rollen('ambtenaar')
  persoonlijk(@Payload() request: PersoonlijkeVerificatie, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<VerificatieView> {
    return this.verificaties.persoonlijk(request, actor, context);
  }
}
