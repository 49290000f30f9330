import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type AccountRollenView, type MessageContext, ROL_SUBJECTS, RolWijziging } from '@samen/contracts';
import { Context, Principal, Rollen } from '@samen/platform';
import { RoltoekenningService } from './roltoekenning.service';

@Controller()
export class RoltoekenningHandlers {
  constructor(private readonly rollen: RoltoekenningService) {}

  @MessagePattern(ROL_SUBJECTS.toekennen)
  @Rollen('gemeentebeheerder', 'platformbeheerder')
  toekennen(@Payload() request: RolWijziging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<AccountRollenView> {
    return this.rollen.wijzig(request, true, actor, context);
  }

  @MessagePattern(ROL_SUBJECTS.intrekken)
  @Rollen('gemeentebeheerder', 'platformbeheerder')
  intrekken(@Payload() request: RolWijziging, @Context() context: MessageContext, @Principal() actor: Principal | undefined): Promise<AccountRollenView> {
    return this.rollen.wijzig(request, false, actor, context);
  }
}
