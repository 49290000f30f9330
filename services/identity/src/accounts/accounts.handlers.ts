import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCOUNT_SUBJECTS,
  HerstelAanvraag,
  Registratie,
  TokenInvoer,
  TotpActivatie,
  WachtwoordHerstel,
  type Geaccepteerd,
  type MessageContext,
  type TweedeFactorInschrijving,
} from '@samen/contracts';
import { Context, Ingelogd, Principal, Publiek } from '@samen/platform';
import { AccountsService } from './accounts.service';

@Controller()
export class AccountsHandlers {
  constructor(private readonly accounts: AccountsService) {}

  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.register)
  register(@Payload() request: Registratie, @Context() context: MessageContext): Promise<Geaccepteerd> {
    return this.accounts.registreer(request, context);
  }

  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.confirmEmail)
  confirmEmail(@Payload() request: TokenInvoer, @Context() context: MessageContext): Promise<Geaccepteerd> {
    return this.accounts.bevestigEmail(request.token, context);
  }

  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.requestPasswordReset)
  requestPasswordReset(@Payload() request: HerstelAanvraag, @Context() context: MessageContext): Promise<Geaccepteerd> {
    return this.accounts.vraagHerstelAan(request.email, context);
  }

  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.resetPassword)
  resetPassword(@Payload() request: WachtwoordHerstel): Promise<Geaccepteerd> {
    return this.accounts.herstelWachtwoord(request);
  }

  /** @Ingelogd and no role: the restricted token of a staff login without second factor passes. */
  @Ingelogd()
  @MessagePattern(ACCOUNT_SUBJECTS.enrolTotp)
  enrolTotp(@Principal() principal: Principal | undefined): Promise<TweedeFactorInschrijving> {
    return this.accounts.schrijfTotpIn(principal);
  }

  @Ingelogd()
  @MessagePattern(ACCOUNT_SUBJECTS.activateTotp)
  activateTotp(@Payload() request: TotpActivatie, @Principal() principal: Principal | undefined): Promise<Geaccepteerd> {
    return this.accounts.activeerTotp(principal, request.code);
  }
}
