import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, OPLOSSING_SUBJECTS, type OplossingView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { OplossingDto, OplossingIndienenDto, OplossingParams, PositieInnemenDto, RondeParams, toOplossingDto, VersieParams, VersieToevoegenDto } from './samenspraak.dto';

const NIET_GEVONDEN = 'Dit vraagstuk of deze oplossing bestaat niet in deze gemeente.';

/** Oplossingen, their versions and the positions on them; samenspreker decides, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id')
export class OplossingenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post('rondes/:nummer/oplossingen')
  @Ingelogd()
  @ApiToegang('Alleen deelnemers aan tafel (geen waarnemers) dienen oplossingen in.')
  @ApiOperation({ operationId: 'postOplossing', summary: 'Oplossing indienen', description: 'Dient een oplossing in, in een open ronde; dit wordt versie 1.' })
  @ApiCreatedResponse({ description: 'De nieuwe oplossing.', type: OplossingDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, 'Dit vraagstuk of deze ronde bestaat niet.')
  @ApiProblem(409, 'Het vraagstuk is niet in de fase oplossingen, of de ronde is gesloten.')
  async create(@Param() { id, nummer }: RondeParams, @Body() body: OplossingIndienenDto, @CallerContext() context: MessageContext): Promise<OplossingDto> {
    const vraag = { vraagstukId: id, nummer, titel: body.titel, omschrijving: body.omschrijving };
    return toOplossingDto(await this.bouwstenen.request<OplossingView>(OPLOSSING_SUBJECTS.create, vraag, context));
  }

  @Get('oplossingen/:oplossingId')
  @Publiek()
  @ApiOperation({
    operationId: 'getOplossing',
    summary: 'Eén oplossing',
    description: 'De oplossing met al haar versies, wat elke versie overnam, en per versie de telling en wie welke positie innam; openbaar.',
  })
  @ApiOkResponse({ description: 'De oplossing.', type: OplossingDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { id, oplossingId }: OplossingParams, @CallerContext() context: MessageContext): Promise<OplossingDto> {
    return toOplossingDto(await this.bouwstenen.request<OplossingView>(OPLOSSING_SUBJECTS.get, { vraagstukId: id, oplossingId }, context));
  }

  @Post('oplossingen/:oplossingId/versies')
  @Ingelogd()
  @ApiToegang('Alleen wie de oplossing indiende, of de voorzitter, maakt een nieuwe versie.')
  @ApiOperation({
    operationId: 'postOplossingVersie',
    summary: 'Nieuwe versie van een oplossing',
    description: 'Maakt de volgende versie, in een open ronde, en noemt wat ze overnam: reacties en versies van oplossingen van hetzelfde vraagstuk. Versies veranderen nooit meer.',
  })
  @ApiCreatedResponse({ description: 'De oplossing met de nieuwe versie.', type: OplossingDto })
  @ApiProblem(400, 'Ongeldige invoer, of een overgenomen reactie of versie hoort niet bij dit vraagstuk.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Het vraagstuk is niet in de fase oplossingen, of de ronde is gesloten.')
  async versie(@Param() { id, oplossingId }: OplossingParams, @Body() body: VersieToevoegenDto, @CallerContext() context: MessageContext): Promise<OplossingDto> {
    const overgenomen = {
      ...(body.overgenomen.reacties ? { reacties: body.overgenomen.reacties } : {}),
      ...(body.overgenomen.bijdragen ? { bijdragen: body.overgenomen.bijdragen.map((b) => ({ oplossingId: b.oplossingId, versie: b.versie })) } : {}),
    };
    const vraag = { vraagstukId: id, oplossingId, ...(body.titel ? { titel: body.titel } : {}), omschrijving: body.omschrijving, overgenomen };
    return toOplossingDto(await this.bouwstenen.request<OplossingView>(OPLOSSING_SUBJECTS.versieToevoegen, vraag, context));
  }

  @Put('oplossingen/:oplossingId/versies/:versie/positie')
  @Ingelogd()
  @ApiToegang('Alleen deelnemers aan tafel (geen waarnemers) nemen een positie in.')
  @ApiOperation({
    operationId: 'putPositie',
    summary: 'Positie innemen',
    description: 'Steun, instemming of bezwaar (met toelichting) op één versie, in een open ronde. Een nieuwe positie vervangt uw vorige; de tijdlijn houdt elke wijziging bij.',
  })
  @ApiOkResponse({ description: 'De oplossing met de nieuwe telling.', type: OplossingDto })
  @ApiProblem(400, 'Ongeldige invoer, of bezwaar zonder toelichting.')
  @ApiProblem(404, 'Dit vraagstuk, deze oplossing of deze versie bestaat niet.')
  @ApiProblem(409, 'Het vraagstuk is niet in de fase oplossingen, of de ronde is gesloten.')
  async positie(@Param() { id, oplossingId, versie }: VersieParams, @Body() body: PositieInnemenDto, @CallerContext() context: MessageContext): Promise<OplossingDto> {
    const vraag = { vraagstukId: id, oplossingId, versie, positie: body.positie, ...(body.toelichting !== undefined ? { toelichting: body.toelichting } : {}) };
    return toOplossingDto(await this.bouwstenen.request<OplossingView>(OPLOSSING_SUBJECTS.positieInnemen, vraag, context));
  }
}
