import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACCOUNT_SUBJECTS, type MessageContext, type TweedeFactorInschrijving } from '@samen/contracts';
import { BouwsteenClient, Publiek } from '@samen/platform';
import { TOKEN_SECURITY_SCHEME } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { TotpActivatieDto, TweedeFactorInschrijvingDto, TweedeFactorVerzoekDto } from './accounts.dto';

const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';

/**
 * The second factor (TOTP) of the caller: the holder of an access token, or a staff member who
 * logged in without a second factor and got an `inschrijfToken` instead of a session. Public at
 * the guard because of the latter; identity refuses a request that carries neither (401).
 */
@ApiTags('accounts')
@ApiCallerContext()
@ApiBearerAuth(TOKEN_SECURITY_SCHEME)
@ApiProblem(401, 'Geen geldig toegangstoken en geen geldig inschrijfToken.')
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Publiek()
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
  async enrol(@Body() body: TweedeFactorVerzoekDto, @CallerContext() context: MessageContext): Promise<TweedeFactorInschrijvingDto> {
    const payload = body.inschrijfToken ? { inschrijfToken: body.inschrijfToken } : {};
    const inschrijving = await this.bouwstenen.request<TweedeFactorInschrijving>(ACCOUNT_SUBJECTS.enrolTotp, payload, context);
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
    await this.bouwstenen.request(ACCOUNT_SUBJECTS.activateTotp, { code: body.code, ...(body.inschrijfToken ? { inschrijfToken: body.inschrijfToken } : {}) }, context);
  }
}
