import { Body, Controller, Get, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GEMEENTE_SUBJECTS, type GemeenteList, type GemeenteView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Intern, Publiek, Rollen } from '@samen/platform';
import { ADMIN_SECURITY_SCHEME } from '../auth/admin-security';
import { TOKEN_SECURITY_SCHEME } from '../auth/toegang';
import { AdminTokenGuard } from '../auth/admin-token.guard';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { GemeenteCodeParams, GemeenteDto, GemeentenDto, GemeenteVastleggenDto, NieuweGemeenteDto, toGemeenteDto } from './gemeente.dto';

const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';

/** Gemeenten (tenants) of the suite; identity owns them, the gateway only forwards. */
@ApiTags('gemeenten')
@ApiCallerContext()
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Controller('gemeenten')
export class GemeentenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listGemeenten', summary: 'Alle gemeenten', description: 'De gemeenten die deze installatie bedient, op code gesorteerd.' })
  @ApiOkResponse({ description: 'De gemeenten.', type: GemeentenDto })
  async list(@CallerContext() context: MessageContext): Promise<GemeentenDto> {
    const list = await this.bouwstenen.request<GemeenteList>(GEMEENTE_SUBJECTS.list, {}, context);
    return { gemeenten: list.items.map(toGemeenteDto) };
  }

  @Get(':code')
  @Publiek()
  @ApiOperation({ operationId: 'getGemeente', summary: 'Eén gemeente', description: 'De gemeente met deze CBS-code.' })
  @ApiOkResponse({ description: 'De gemeente.', type: GemeenteDto })
  @ApiProblem(404, 'Deze gemeente bestaat niet.')
  async get(@Param() { code }: GemeenteCodeParams, @CallerContext() context: MessageContext): Promise<GemeenteDto> {
    return toGemeenteDto(await this.bouwstenen.request<GemeenteView>(GEMEENTE_SUBJECTS.get, { code }, context));
  }

  @Post()
  @Rollen('platformbeheerder')
  @ApiBearerAuth(TOKEN_SECURITY_SCHEME)
  @ApiOperation({
    operationId: 'postGemeente',
    summary: 'Gemeente aanmaken (platformbeheer)',
    description:
      'Een platformbeheerder legt een gemeente vast, of werkt haar naam en bouwstenen bij; herhalen met dezelfde inhoud verandert niets. ' +
      'Met een toegangstoken (rol platformbeheerder).',
  })
  @ApiCreatedResponse({ description: 'De gemeente zoals ze nu is vastgelegd.', type: GemeenteDto })
  @ApiProblem(401, 'Niet ingelogd, of het token is ongeldig.')
  @ApiProblem(403, 'Alleen een platformbeheerder legt gemeenten vast.')
  async post(@Body() body: NieuweGemeenteDto, @CallerContext() context: MessageContext): Promise<GemeenteDto> {
    return toGemeenteDto(await this.bouwstenen.request<GemeenteView>(GEMEENTE_SUBJECTS.vastleggen, { code: body.code, naam: body.naam, bouwstenen: body.bouwstenen }, context));
  }

  @Put(':code')
  // Authenticated by the admin token (AdminTokenGuard), not by an access token; identity takes it as a platform-internal call.
  @Intern()
  @UseGuards(AdminTokenGuard)
  @ApiBearerAuth(ADMIN_SECURITY_SCHEME)
  @ApiOperation({
    operationId: 'putGemeente',
    summary: 'Gemeente vastleggen',
    description:
      'Legt een gemeente vast of werkt haar naam en bouwstenen bij. Herhalen met dezelfde inhoud verandert niets. ' +
      'Alleen voor platformbeheer, met het beheertoken.',
  })
  @ApiOkResponse({ description: 'De gemeente zoals ze nu is vastgelegd.', type: GemeenteDto })
  @ApiProblem(401, 'Geen of een verkeerd beheertoken.')
  @ApiProblem(403, 'Beheer via de API staat op deze installatie uit.')
  async put(
    @Param() { code }: GemeenteCodeParams,
    @Body() body: GemeenteVastleggenDto,
    @CallerContext() context: MessageContext,
  ): Promise<GemeenteDto> {
    // The admin token is a gateway secret: it is checked here and does not travel on the bus.
    const { accessToken: _adminToken, ...forwarded } = context;
    const view = await this.bouwstenen.request<GemeenteView>(GEMEENTE_SUBJECTS.upsert, { code, naam: body.naam, bouwstenen: body.bouwstenen }, forwarded);
    return toGemeenteDto(view);
  }
}
