import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
  OrganisatiesQueryDto,
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
  @ApiOperation({
    operationId: 'listOrganisaties',
    summary: 'Organisaties van een gemeente',
    description: 'De organisaties van de gemeente van Samen-Gemeente, op naam, per pagina (volg `_links.next`); openbaar.',
  })
  @ApiOkResponse({ description: 'Een pagina organisaties.', type: OrganisatiesDto })
  @ApiProblem(400, 'Samen-Gemeente ontbreekt of is ongeldig, of een ongeldige cursor of limiet.')
  async list(@Query() query: OrganisatiesQueryDto, @CallerContext() context: MessageContext): Promise<OrganisatiesDto> {
    const vraag = { ...(query.na ? { na: query.na } : {}), ...(query.limiet ? { limiet: query.limiet } : {}) };
    const list = await this.bouwstenen.request<OrganisatieList>(ORGANISATIE_SUBJECTS.list, vraag, context);
    // The same query with another cursor (NL API Design Rules: keyset pagination with links).
    const link = (na?: string) => {
      const params = new URLSearchParams();
      if (na) params.set('na', na);
      if (query.limiet) params.set('limiet', String(query.limiet));
      const tekst = params.toString();
      return { href: `/api/v1/organisaties${tekst ? `?${tekst}` : ''}` };
    };
    return {
      organisaties: list.items.map(toOrganisatieDto),
      _links: { self: link(query.na), ...(list.volgende ? { next: link(list.volgende) } : {}) },
    };
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
