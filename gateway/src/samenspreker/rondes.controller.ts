import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, RONDE_SUBJECTS, type RondeList, type RondeView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { RondeDto, RondeParams, RondesDto, RondeSluitenDto, toRondeDto, toRondesDto } from './samenspraak.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

const LEIDING = 'Alleen de voorzitter of initiatiefnemer aan tafel, of een ambtenaar of gemeentebeheerder van de gemeente.';

/** The numbered rounds of the phase oplossingen; samenspreker decides, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/rondes')
export class RondesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang(LEIDING)
  @ApiOperation({
    operationId: 'postRonde',
    summary: 'Ronde openen',
    description: 'Opent de volgende ronde (1, 2, 3 …) van een vraagstuk in de fase oplossingen. Er is steeds hoogstens één ronde open.',
  })
  @ApiCreatedResponse({ description: 'De nieuwe, open ronde.', type: RondeDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  @ApiProblem(409, 'Het vraagstuk is niet in de fase oplossingen, of er is nog een ronde open.')
  async open(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<RondeDto> {
    return toRondeDto(await this.bouwstenen.request<RondeView>(RONDE_SUBJECTS.open, { vraagstukId: id }, context));
  }

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listRondes', summary: 'Rondes van een vraagstuk', description: 'Alle rondes, de eerste eerst, met het aantal oplossingen en de shortlist van elke gesloten ronde; openbaar.' })
  @ApiOkResponse({ description: 'De rondes; leeg als er nog geen is.', type: RondesDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  async list(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<RondesDto> {
    return toRondesDto(await this.bouwstenen.request<RondeList>(RONDE_SUBJECTS.list, { vraagstukId: id }, context));
  }

  @Get(':nummer')
  @Publiek()
  @ApiOperation({
    operationId: 'getRonde',
    summary: 'Eén ronde',
    description: 'De ronde met haar oplossingen (nieuwste versie, telling van de posities per versie) en, na sluiten, haar shortlist; openbaar.',
  })
  @ApiOkResponse({ description: 'De ronde.', type: RondeDto })
  @ApiProblem(400, 'Ongeldig id of nummer.')
  @ApiProblem(404, 'Dit vraagstuk of deze ronde bestaat niet.')
  async get(@Param() { id, nummer }: RondeParams, @CallerContext() context: MessageContext): Promise<RondeDto> {
    return toRondeDto(await this.bouwstenen.request<RondeView>(RONDE_SUBJECTS.get, { vraagstukId: id, nummer }, context));
  }

  @Post(':nummer/_sluit')
  @Ingelogd()
  @HttpCode(200)
  @ApiToegang(LEIDING)
  @ApiOperation({
    operationId: 'sluitRonde',
    summary: 'Ronde sluiten',
    description:
      'Sluit de ronde en legt de shortlist voorgoed vast, op de tijdlijn: de gekozen oplossingen, of anders de regel (meeste steun plus instemming op de nieuwste versie, bij gelijkspel minder bezwaren en dan de vroegste; hoogstens drie, alleen met minstens één steun of instemming).',
  })
  @ApiOkResponse({ description: 'De gesloten ronde met haar shortlist.', type: RondeDto })
  @ApiProblem(400, 'Ongeldige invoer, of een gekozen oplossing hoort niet bij deze ronde.')
  @ApiProblem(404, 'Dit vraagstuk of deze ronde bestaat niet.')
  @ApiProblem(409, 'De ronde is al gesloten.')
  async sluit(@Param() { id, nummer }: RondeParams, @Body() body: RondeSluitenDto, @CallerContext() context: MessageContext): Promise<RondeDto> {
    const vraag = { vraagstukId: id, nummer, ...(body.oplossingen ? { oplossingen: body.oplossingen } : {}) };
    return toRondeDto(await this.bouwstenen.request<RondeView>(RONDE_SUBJECTS.sluit, vraag, context));
  }
}
