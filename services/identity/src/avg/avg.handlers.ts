import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  AccountVerwijdering,
  AVG_SUBJECTS,
  VerwerkingenVraag,
  type MessageContext,
  type MijAccount,
  type VerwerkingenPagina,
  type Verwijderd,
} from '@samen/contracts';
import { Context, DomainError, Ingelogd, Principal, Rollen } from '@samen/platform';
import { mijnAccount } from './mijn-gegevens';
import { gemeenteVanBeheerder } from './verwerking.rules';
import { Verwerkingslog } from './verwerkingslog';
import { VerwijderingService } from './verwijdering.service';

/** The AVG requests of identity: my account, erase me, the processing log. */
@Controller()
export class AvgHandlers {
  constructor(
    private readonly em: EntityManager,
    private readonly verwijdering: VerwijderingService,
    private readonly verwerkingslog: Verwerkingslog,
  ) {}

  @Ingelogd()
  @MessagePattern(AVG_SUBJECTS.account)
  async account(@Principal() principal: Principal): Promise<MijAccount> {
    const account = await mijnAccount(this.em, principal.accountId);
    if (!account) throw new DomainError('UNAUTHENTICATED', 'Dit account bestaat niet meer.');
    return account;
  }

  @Ingelogd()
  @MessagePattern(AVG_SUBJECTS.verwijder)
  verwijder(@Payload() invoer: AccountVerwijdering, @Principal() principal: Principal, @Context() context: MessageContext): Promise<Verwijderd> {
    return this.verwijdering.verwijder(principal, invoer.wachtwoord, context);
  }

  @Ingelogd()
  @MessagePattern(AVG_SUBJECTS.mijnVerwerkingen)
  mijnVerwerkingen(@Payload() vraag: VerwerkingenVraag, @Principal() principal: Principal): Promise<VerwerkingenPagina> {
    return this.verwerkingslog.over(this.em, principal.accountId, vraag.na, vraag.limiet);
  }

  @Rollen('gemeentebeheerder')
  @MessagePattern(AVG_SUBJECTS.verwerkingen)
  verwerkingen(@Payload() vraag: VerwerkingenVraag, @Principal() principal: Principal): Promise<VerwerkingenPagina> {
    return this.verwerkingslog.in(this.em, gemeenteVanBeheerder(principal), vraag.na, vraag.limiet);
  }
}
