import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_SUBJECTS, type MessageContext, type TweedeFactorInschrijving } from '@samen/contracts';
import { BouwsteenClient, Ingelogd } from '@samen/platform';
import { TOKEN_SECURITY_SCHEME } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { TotpActivatieDto, TweedeFactorInschrijvingDto } from './accounts.dto';

const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';

/**
 * The second factor (TOTP) of the caller. Needs a login but no role, so the restricted token of a
 * staff login without second factor reaches it; that is what it is for.
 */
@ApiTags('accounts')
@ApiCallerContext()
@ApiBearerAuth(TOKEN_SECURITY_SCHEME)
@ApiProblem(401, 'Geen, een ongeldig of een verlopen toegangstoken.')
@ApiProblem(403, 'Uw toegangstoken hoort bij een andere gemeente dan Samen-Gemeente.')
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Ingelogd()
@Controller('mij/tweede-factor')
export class TweedeFactorController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @ApiOperation({
    operationId: 'postTweedeFactor',
    summary: 'Tweede factor instellen',
    description: 'Maakt een nieuw geheim voor een authenticator-app. De tweede factor werkt pas na activeren met een code.',
  })
  @ApiCreatedResponse({ description: 'Het geheim; toon het als QR-code.', type: TweedeFactorInschrijvingDto })
  @ApiProblem(409, 'De tweede factor is al actief.')
  async enrol(@CallerContext() context: MessageContext): Promise<TweedeFactorInschrijvingDto> {
    const inschrijving = await this.bouwstenen.request<TweedeFactorInschrijving>(ACCOUNT_SUBJECTS.enrolTotp, {}, context);
    return { geheim: inschrijving.geheim, otpauthUri: inschrijving.otpauthUri };
  }

  @Post('_activeren')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'postTweedeFactorActiveren',
    summary: 'Tweede factor activeren',
    description: 'Activeert de tweede factor met de code die de app nu toont. Bestaande sessies eindigen; log opnieuw in met totpCode.',
  })
  @ApiNoContentResponse({ description: 'Actief.' })
  @ApiProblem(409, 'De tweede factor is al actief.')
  @ApiProblem(422, 'De code klopt niet, of er is nog geen tweede factor ingesteld.')
  async activate(@Body() body: TotpActivatieDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.activateTotp, { code: body.code }, context);
  }
}
