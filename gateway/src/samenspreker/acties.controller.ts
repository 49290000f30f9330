import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ACTIE_SUBJECTS, type ActieList, type ActieView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { ActieAanmakenDto, ActieDto, ActieParams, ActiesDto, ActieSluitenDto, toActieDto, VoortgangMeldenDto } from './acties.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

const ACTIE_NIET_GEVONDEN = 'Dit vraagstuk of deze actie bestaat niet in deze gemeente.';
const NIET_IN_UITVOERING = 'Het vraagstuk is niet in de fase uitvoering';

/** Acties of the uitvoering; samenspreker decides who may do what, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/acties')
export class ActiesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Alleen een besluitvormer of voorzitter aan de tafel, of een gemeentebeheerder of ambtenaar van de gemeente, maakt een actie aan.')
  @ApiOperation({ operationId: 'postActie', summary: 'Actie aanmaken', description: 'Een nieuwe actie met eigenaar (organisatie) en deadline; ze begint als gepland. Alleen in de fase uitvoering.' })
  @ApiCreatedResponse({ description: 'De nieuwe actie.', type: ActieDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  @ApiProblem(409, `${NIET_IN_UITVOERING}.`)
  async create(@Param() { id }: VraagstukIdParams, @Body() body: ActieAanmakenDto, @CallerContext() context: MessageContext): Promise<ActieDto> {
    const input = { vraagstukId: id, titel: body.titel, omschrijving: body.omschrijving, eigenaarOrganisatie: body.eigenaarOrganisatie, deadline: body.deadline };
    return toActieDto(await this.bouwstenen.request<ActieView>(ACTIE_SUBJECTS.create, input, context));
  }

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listActies', summary: 'Acties van een vraagstuk', description: 'Alle acties, oudste eerst, met hun voortgang en of ze te laat zijn; openbaar.' })
  @ApiOkResponse({ description: 'De acties.', type: ActiesDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  async list(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<ActiesDto> {
    const list = await this.bouwstenen.request<ActieList>(ACTIE_SUBJECTS.list, { vraagstukId: id }, context);
    return { acties: list.items.map(toActieDto) };
  }

  @Post(':actieId/voortgang')
  @Ingelogd()
  @HttpCode(201)
  @ApiToegang('Alleen een uitvoerder aan de tafel namens de organisatie die de actie uitvoert, of een gemeentebeheerder of ambtenaar van de gemeente, meldt voortgang.')
  @ApiOperation({
    operationId: 'postActieVoortgang',
    summary: 'Voortgang van een actie melden',
    description: 'Meldt hoe ver de actie is. Het percentage gaat nooit terug (422); afgerond kan alleen bij 100%. Alleen in de fase uitvoering.',
  })
  @ApiCreatedResponse({ description: 'De actie met de nieuwe melding.', type: ActieDto })
  @ApiProblem(400, 'Ongeldige invoer, of afgerond onder 100%.')
  @ApiProblem(404, ACTIE_NIET_GEVONDEN)
  @ApiProblem(409, `${NIET_IN_UITVOERING}, of de actie is al afgerond of gesloten.`)
  @ApiProblem(422, 'Het percentage is lager dan bij de vorige melding.')
  async voortgang(@Param() { id, actieId }: ActieParams, @Body() body: VoortgangMeldenDto, @CallerContext() context: MessageContext): Promise<ActieDto> {
    const input = { vraagstukId: id, actieId, percentage: body.percentage, toelichting: body.toelichting, ...(body.status ? { status: body.status } : {}) };
    return toActieDto(await this.bouwstenen.request<ActieView>(ACTIE_SUBJECTS.voortgang, input, context));
  }

  @Post(':actieId/_sluit')
  @Ingelogd()
  @HttpCode(200)
  @ApiToegang('Alleen de voorzitter van de tafel of een gemeentebeheerder of ambtenaar van de gemeente sluit een actie.')
  @ApiOperation({
    operationId: 'sluitActie',
    summary: 'Actie sluiten',
    description: 'Stopt een actie die niet af komt, met een openbare reden, zodat het vraagstuk door kan naar evaluatie. Alleen in de fase uitvoering.',
  })
  @ApiOkResponse({ description: 'De gesloten actie.', type: ActieDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, ACTIE_NIET_GEVONDEN)
  @ApiProblem(409, `${NIET_IN_UITVOERING}, of de actie is al afgerond of gesloten.`)
  async sluit(@Param() { id, actieId }: ActieParams, @Body() body: ActieSluitenDto, @CallerContext() context: MessageContext): Promise<ActieDto> {
    return toActieDto(await this.bouwstenen.request<ActieView>(ACTIE_SUBJECTS.sluit, { vraagstukId: id, actieId, reden: body.reden }, context));
  }
}
