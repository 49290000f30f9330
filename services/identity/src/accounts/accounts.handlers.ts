import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCOUNT_SUBJECTS,
  HerstelAanvraag,
  Registratie,
  TokenInvoer,
  TotpActivatie,
  TweedeFactorVerzoek,
  WachtwoordHerstel,
  type Geaccepteerd,
  type MessageContext,
  type TweedeFactorInschrijving,
} from '@samen/contracts';
import { Context, Principal, Publiek } from '@samen/platform';
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

  /**
   * Public at the guard: either an access token (then verified, and the caller enrols) or the
   * `inschrijfToken` of a staff login without a second factor identifies the account.
   */
  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.enrolTotp)
  enrolTotp(@Payload() request: TweedeFactorVerzoek, @Principal() principal: Principal | undefined): Promise<TweedeFactorInschrijving> {
    return this.accounts.schrijfTotpIn(principal, request.inschrijfToken);
  }

  @Publiek()
  @MessagePattern(ACCOUNT_SUBJECTS.activateTotp)
  activateTotp(@Payload() request: TotpActivatie, @Principal() principal: Principal | undefined): Promise<Geaccepteerd> {
    return this.accounts.activeerTotp(principal, request.inschrijfToken, request.code);
  }
}
