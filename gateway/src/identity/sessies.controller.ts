import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SESSIE_SUBJECTS, type Aanmeldresultaat, type MessageContext, type SessieView } from '@samen/contracts';
import { BouwsteenClient, Publiek } from '@samen/platform';
import { TOKEN_SECURITY_SCHEME } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { AanmeldingDto, AfmeldingDto, SessieDto, toSessieDto, VernieuwingDto } from './accounts.dto';

const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';

/** Sessions: login, refresh, logout. */
@ApiTags('sessies')
@ApiCallerContext()
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Publiek()
@Controller('sessies')
export class SessiesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @ApiOperation({
    operationId: 'postSessie',
    summary: 'Inloggen',
    description:
      'Inloggen in de gemeente van Samen-Gemeente (platformbeheer: zonder die header). Een onbekend adres, een fout wachtwoord en een foute code ' +
      'geven hetzelfde antwoord (401). Elke mislukte poging maakt het antwoord trager; na vijf op rij is het account 15 minuten geblokkeerd (429), ' +
      'ook voor het goede wachtwoord. Medewerkers hebben een tweede factor nodig; zonder actieve tweede factor krijgen ze een beperkte sessie (zie tweedeFactorInstellen).',
  })
  @ApiCreatedResponse({ description: 'Ingelogd.', type: SessieDto })
  @ApiProblem(401, 'E-mailadres, wachtwoord of code klopt niet, of de code uit de authenticator-app ontbreekt.')
  @ApiProblem(403, 'Het e-mailadres is nog niet bevestigd, of u heeft geen mandaat voor de organisatie in namens.')
  @ApiProblem(429, 'Te veel mislukte pogingen: het account is tijdelijk geblokkeerd, of te veel verzoeken vanaf dit adres.')
  async create(@Body() body: AanmeldingDto, @CallerContext() context: MessageContext): Promise<SessieDto> {
    const payload = { email: body.email, wachtwoord: body.wachtwoord, ...(body.totpCode ? { totpCode: body.totpCode } : {}), ...(body.namens ? { namens: body.namens } : {}) };
    return toSessieDto(await this.bouwstenen.request<Aanmeldresultaat>(SESSIE_SUBJECTS.create, payload, context));
  }

  @Post('_vernieuwen')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'postSessieVernieuwen',
    summary: 'Toegangstoken vernieuwen',
    description:
      'Geeft een nieuw toegangstoken en een nieuw refresh token; het meegestuurde refresh token werkt daarna niet meer. ' +
      'Wie een al gebruikt refresh token opnieuw stuurt, beëindigt de hele sessie: ook het nieuwste refresh token werkt dan niet meer.',
  })
  @ApiOkResponse({ description: 'Vernieuwd.', type: SessieDto })
  @ApiProblem(401, 'Het refresh token is ongeldig, verlopen, ingetrokken of al gebruikt.')
  @ApiProblem(403, 'Geen mandaat voor de organisatie in namens (het refresh token blijft dan geldig).')
  async refresh(@Body() body: VernieuwingDto, @CallerContext() context: MessageContext): Promise<SessieDto> {
    const payload = { refreshToken: body.refreshToken, ...(body.namens ? { namens: body.namens } : {}) };
    return toSessieDto(await this.bouwstenen.request<SessieView>(SESSIE_SUBJECTS.refresh, payload, context));
  }

  @Delete('huidige')
  @HttpCode(204)
  @ApiBearerAuth(TOKEN_SECURITY_SCHEME)
  @ApiOperation({
    operationId: 'deleteSessieHuidige',
    summary: 'Uitloggen',
    description:
      'Beëindigt de sessie van het meegestuurde refresh token. Zonder refresh token, met alleen een toegangstoken: alle sessies van het account. ' +
      'Een toegangstoken blijft geldig tot het verloopt (enkele minuten).',
  })
  @ApiNoContentResponse({ description: 'Uitgelogd.' })
  @ApiProblem(401, 'Geen refresh token en geen geldig toegangstoken.')
  async delete(@Body() body: AfmeldingDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(SESSIE_SUBJECTS.revoke, body.refreshToken ? { refreshToken: body.refreshToken } : {}, context);
  }
}
