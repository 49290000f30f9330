import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_SUBJECTS, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Publiek } from '@samen/platform';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { EmailBevestigingDto, HerstelAanvraagDto, RegistratieDto, WachtwoordHerstelDto } from './accounts.dto';

const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';
const ONGELDIGE_CODE = 'De code is ongeldig, al gebruikt of verlopen.';

/** Accounts: registering, confirming the e-mail address, a new password. All public. */
@ApiTags('accounts')
@ApiCallerContext()
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Publiek()
@Controller()
export class AccountsController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post('accounts')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'postAccount',
    summary: 'Account aanmaken',
    description:
      'Maakt een account in de gemeente van Samen-Gemeente en stuurt een bevestigingsmail. Het antwoord is altijd 202, ' +
      'ook als het e-mailadres al een account heeft (dan krijgt dat adres een mail); zo verraadt de API niet wie een account heeft.',
  })
  @ApiAcceptedResponse({ description: 'Aangenomen; kijk in de mail.' })
  @ApiProblem(400, 'Ongeldige invoer (ook: een te kort of veelgebruikt wachtwoord, of geen Samen-Gemeente).')
  async register(@Body() body: RegistratieDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.register, { email: body.email, wachtwoord: body.wachtwoord, weergavenaam: body.weergavenaam }, context);
  }

  @Post('e-mailbevestigingen')
  @HttpCode(204)
  @ApiOperation({ operationId: 'postEmailBevestiging', summary: 'E-mailadres bevestigen', description: 'Bevestigt het e-mailadres met de code uit de bevestigingsmail; daarna kan het account inloggen.' })
  @ApiNoContentResponse({ description: 'Bevestigd.' })
  @ApiProblem(422, ONGELDIGE_CODE)
  async confirm(@Body() body: EmailBevestigingDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.confirmEmail, { token: body.token }, context);
  }

  @Post('wachtwoordherstel')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'postWachtwoordherstel',
    summary: 'Nieuw wachtwoord aanvragen',
    description: 'Stuurt een herstelmail als het adres een account heeft in de gemeente van Samen-Gemeente (zonder die header: platformbeheer). Het antwoord is altijd 202.',
  })
  @ApiAcceptedResponse({ description: 'Aangenomen; kijk in de mail.' })
  async requestReset(@Body() body: HerstelAanvraagDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.requestPasswordReset, { email: body.email }, context);
  }

  @Post('wachtwoordherstel/_voltooien')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'postWachtwoordherstelVoltooien',
    summary: 'Nieuw wachtwoord instellen',
    description: 'Stelt het nieuwe wachtwoord in met de code uit de herstelmail. Alle sessies van het account eindigen.',
  })
  @ApiNoContentResponse({ description: 'Het nieuwe wachtwoord geldt; log opnieuw in.' })
  @ApiProblem(422, ONGELDIGE_CODE)
  async completeReset(@Body() body: WachtwoordHerstelDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.resetPassword, { token: body.token, wachtwoord: body.wachtwoord }, context);
  }
}
