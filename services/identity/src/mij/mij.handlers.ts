import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { MIJ_SUBJECTS } from '@samen/contracts';
import { Ingelogd, Principal } from '@samen/platform';

/** Who am I: the principal of the verified token (the account's own data joins later, issue 3 AVG). */
@Controller()
export class MijHandlers {
  @Ingelogd()
  @MessagePattern(MIJ_SUBJECTS.get)
  get(@Principal() principal: Principal): Principal {
    return principal;
  }
}
