import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type LidmaatschapList,
  type LidmaatschapView,
  type MessageContext,
  ORGANISATIE_SUBJECTS,
  type OrganisatieList,
  type OrganisatieView,
} from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import {
  LidmaatschapDto,
  LidmaatschapParams,
  LidmaatschappenDto,
  LidmaatschapToevoegenDto,
  LidmaatschapWijzigenDto,
  OrganisatieAanmakenDto,
  OrganisatieDto,
  OrganisatieIdParams,
  OrganisatiesDto,
  toLidmaatschapDto,
  toOrganisatieDto,
} from './organisaties.dto';

const NIET_GEVONDEN = 'Deze organisatie bestaat niet in deze gemeente.';
const GEEN_BEHEER = 'Alleen een beheerder van de organisatie of het gemeentebeheer.';

/** Organisations as actors and their members; identity decides, the gateway forwards. */
@ApiTags('organisaties')
@ApiCallerContext()
@ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'identity antwoordde niet op tijd.')
@Controller('organisaties')
export class OrganisatiesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Het segment gemeente is alleen voor medewerkers van de gemeente, of het token hoort bij een andere gemeente.')
  @ApiOperation({
    operationId: 'postOrganisatie',
    summary: 'Organisatie aanmaken',
    description: 'Maakt een organisatie in de gemeente van Samen-Gemeente (of van uw token). U wordt haar beheerder.',
  })
  @ApiCreatedResponse({ description: 'De nieuwe organisatie.', type: OrganisatieDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  async create(@Body() body: OrganisatieAanmakenDto, @CallerContext() context: MessageContext): Promise<OrganisatieDto> {
    const input = { naam: body.naam, segment: body.segment, ...(body.kvkNummer ? { kvkNummer: body.kvkNummer } : {}) };
    return toOrganisatieDto(await this.bouwstenen.request<OrganisatieView>(ORGANISATIE_SUBJECTS.create, input, context));
  }

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listOrganisaties', summary: 'Alle organisaties van een gemeente', description: 'De organisaties van de gemeente van Samen-Gemeente, op naam; openbaar.' })
  @ApiOkResponse({ description: 'De organisaties.', type: OrganisatiesDto })
  @ApiProblem(400, 'Samen-Gemeente ontbreekt of is ongeldig.')
  async list(@CallerContext() context: MessageContext): Promise<OrganisatiesDto> {
    const list = await this.bouwstenen.request<OrganisatieList>(ORGANISATIE_SUBJECTS.list, {}, context);
    return { organisaties: list.items.map(toOrganisatieDto) };
  }

  @Get(':id')
  @Publiek()
  @ApiOperation({ operationId: 'getOrganisatie', summary: 'Eén organisatie', description: 'Naam, segment, KvK-nummer en het aantal leden; openbaar.' })
  @ApiOkResponse({ description: 'De organisatie.', type: OrganisatieDto })
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { id }: OrganisatieIdParams, @CallerContext() context: MessageContext): Promise<OrganisatieDto> {
    return toOrganisatieDto(await this.bouwstenen.request<OrganisatieView>(ORGANISATIE_SUBJECTS.get, { id }, context));
  }

  @Get(':id/lidmaatschappen')
  @Ingelogd()
  @ApiToegang('Alleen leden, hun beheerders en het gemeentebeheer zien wie lid is.')
  @ApiOperation({ operationId: 'listLidmaatschappen', summary: 'Leden van een organisatie', description: 'Wie lid is en met welke rol; alleen voor leden en beheer.' })
  @ApiOkResponse({ description: 'De lidmaatschappen.', type: LidmaatschappenDto })
  @ApiProblem(404, NIET_GEVONDEN)
  async leden(@Param() { id }: OrganisatieIdParams, @CallerContext() context: MessageContext): Promise<LidmaatschappenDto> {
    const list = await this.bouwstenen.request<LidmaatschapList>(ORGANISATIE_SUBJECTS.lidmaatschappen, { id }, context);
    return { lidmaatschappen: list.items.map(toLidmaatschapDto) };
  }

  @Post(':id/lidmaatschappen')
  @Ingelogd()
  @ApiToegang(GEEN_BEHEER)
  @ApiOperation({ operationId: 'postLidmaatschap', summary: 'Lid toevoegen', description: 'Maakt een account lid van de organisatie, met een rol.' })
  @ApiCreatedResponse({ description: 'Het nieuwe lidmaatschap.', type: LidmaatschapDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Dit account is al lid.')
  async toevoegen(@Param() { id }: OrganisatieIdParams, @Body() body: LidmaatschapToevoegenDto, @CallerContext() context: MessageContext): Promise<LidmaatschapDto> {
    const view = await this.bouwstenen.request<LidmaatschapView>(ORGANISATIE_SUBJECTS.lidmaatschapToevoegen, { id, accountId: body.accountId, rol: body.rol }, context);
    return toLidmaatschapDto(view);
  }

  @Put(':id/lidmaatschappen/:accountId')
  @Ingelogd()
  @ApiToegang(GEEN_BEHEER)
  @ApiOperation({ operationId: 'putLidmaatschap', summary: 'Rol van een lid wijzigen', description: 'Geeft een lid een andere rol. De laatste beheerder blijft beheerder.' })
  @ApiOkResponse({ description: 'Het lidmaatschap na de wijziging.', type: LidmaatschapDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, 'Deze organisatie of dit lidmaatschap bestaat niet.')
  @ApiProblem(422, 'De laatste beheerder kan geen andere rol krijgen.')
  async wijzigen(@Param() { id, accountId }: LidmaatschapParams, @Body() body: LidmaatschapWijzigenDto, @CallerContext() context: MessageContext): Promise<LidmaatschapDto> {
    const view = await this.bouwstenen.request<LidmaatschapView>(ORGANISATIE_SUBJECTS.lidmaatschapWijzigen, { id, accountId, rol: body.rol }, context);
    return toLidmaatschapDto(view);
  }

  @Delete(':id/lidmaatschappen/:accountId')
  @Ingelogd()
  @HttpCode(204)
  @ApiToegang('Alleen een beheerder, het gemeentebeheer, of het lid zelf.')
  @ApiOperation({ operationId: 'deleteLidmaatschap', summary: 'Lid verwijderen', description: 'Beëindigt een lidmaatschap; een lid kan ook zelf opzeggen. De laatste beheerder blijft.' })
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  @ApiProblem(404, 'Deze organisatie of dit lidmaatschap bestaat niet.')
  @ApiProblem(422, 'De laatste beheerder kan niet weg.')
  async verwijderen(@Param() { id, accountId }: LidmaatschapParams, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ORGANISATIE_SUBJECTS.lidmaatschapVerwijderen, { id, accountId }, context);
  }
}
