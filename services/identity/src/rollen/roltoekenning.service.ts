import { Injectable, Logger } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { type AccountRollenView, CONTEXT_HEADERS, type MessageContext, type Principal, ROL_EVENTS, type RollenGewijzigd, type RolWijziging } from '@samen/contracts';
import { DomainError, Outbox } from '@samen/platform';
import { Account } from '../accounts/account.entity';
import { magRolIntrekken, magRolToekennen, nieuweRollen } from './roltoekenning.rules';
import { GRONDSLAGEN } from '../avg/grondslagen';
import { Verwerkingslog } from '../avg/verwerkingslog';

@Injectable()
export class RoltoekenningService {
  private readonly logger = new Logger('RoltoekenningService');

  constructor(
    private readonly em: EntityManager,
    private readonly outbox: Outbox,
    private readonly verwerkingslog: Verwerkingslog,
  ) {}

  /**
   * Grants (`toekennen`) or revokes a role of an account in the gemeente of the request. Idempotent:
   * granting a role the account has changes nothing and publishes nothing. Tokens already out keep
   * their roles until they expire (minutes); the next refresh carries the new ones.
   */
  async wijzig(input: RolWijziging, toekennen: boolean, actor: Principal | undefined, context: MessageContext): Promise<AccountRollenView> {
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Log in om rollen toe te kennen.');
    const gemeente = context.gemeente ?? actor.gemeente;
    if (!gemeente) {
      throw DomainError.validation([{ name: CONTEXT_HEADERS.gemeente, code: 'isNotEmpty', reason: `Noem de gemeente in ${CONTEXT_HEADERS.gemeente}.` }]);
    }
    const mag = toekennen ? magRolToekennen(actor, input.rol, gemeente) : magRolIntrekken(actor, input.rol, gemeente, input.accountId);
    if (!mag) throw new DomainError('FORBIDDEN', `U mag de rol ${input.rol} in deze gemeente niet ${toekennen ? 'toekennen' : 'intrekken'}.`);

    return this.em.transactional(async (em) => {
      // Another gemeente's account (or a platformbeheerder's, which has none) does not exist here.
      // An erased account is a tombstone without e-mail (account_tombstone_check): it exists for nobody.
      const account = await em.findOne(Account, { id: input.accountId, gemeente, email: { $ne: null } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!account) throw DomainError.notFound('Dit account');
      const rollen = nieuweRollen(account.rollen, input.rol, toekennen);
      const view: AccountRollenView = { accountId: account.id, gemeente, rollen };
      if (account.rollen.includes(input.rol) === toekennen) return view;
      account.rollen = rollen;
      const data: RollenGewijzigd = { accountId: account.id, rol: input.rol, toegekend: toekennen, rollen, door: actor.accountId };
      this.verwerkingslog.vastleggen(em, {
        actor: actor.accountId,
        betrokkene: account.id,
        gemeente,
        handeling: 'wijziging',
        grondslag: GRONDSLAGEN.rolwijziging,
        correlationId: context.correlationId,
      });
      await this.outbox.add(em, { subject: ROL_EVENTS.gewijzigd, resource: 'rollen', event: 'gewijzigd', about: account.id, data, context: { gemeente, correlationId: context.correlationId } });
      this.logger.log({ gemeente, account: account.id, rol: input.rol, toegekend: toekennen, door: actor.accountId }, 'rol gewijzigd');
      return view;
    });
  }
}
