import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, REACTIE_SUBJECTS, type ReactieList, type ReactieView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek, Rollen } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { OplossingParams, ReactieDto, ReactieParams, ReactiePlaatsenDto, ReactiesDto, ReactiesQueryDto, ReactieVerbergenDto, toReactieDto, toReactiesDto } from './samenspraak.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

const GESLOTEN = 'Het vraagstuk is afgerond of afgewezen: de discussie is gesloten.';
const ANTWOORD = 'Ongeldige invoer, of `antwoordOp` noemt geen reactie in deze discussie.';

/** The public discussion of a vraagstuk and its oplossingen, and its moderation. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id')
export class ReactiesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post('reacties')
  @Ingelogd()
  @ApiToegang('Het token hoort bij een andere gemeente.')
  @ApiOperation({ operationId: 'postReactie', summary: 'Reageren op een vraagstuk', description: 'Iedereen met een account in de gemeente praat mee, eventueel als antwoord op een andere reactie.' })
  @ApiCreatedResponse({ description: 'De reactie.', type: ReactieDto })
  @ApiProblem(400, ANTWOORD)
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  @ApiProblem(409, GESLOTEN)
  async create(@Param() { id }: VraagstukIdParams, @Body() body: ReactiePlaatsenDto, @CallerContext() context: MessageContext): Promise<ReactieDto> {
    return toReactieDto(await this.bouwstenen.request<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId: id, ...this.inhoud(body) }, context));
  }

  @Get('reacties')
  @Publiek()
  @ApiOperation({ operationId: 'listReacties', summary: 'Discussie over een vraagstuk', description: 'De reacties op het vraagstuk, oudste eerst, per pagina (volg `_links.next`); openbaar.' })
  @ApiOkResponse({ description: 'Een pagina reacties.', type: ReactiesDto })
  @ApiProblem(400, 'Ongeldig id, cursor of limiet.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  async list(@Param() { id }: VraagstukIdParams, @Query() query: ReactiesQueryDto, @CallerContext() context: MessageContext): Promise<ReactiesDto> {
    const list = await this.bouwstenen.request<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: id, ...this.pagina(query) }, context);
    return toReactiesDto(list, `/api/v1/vraagstukken/${id}/reacties`, query);
  }

  @Post('oplossingen/:oplossingId/reacties')
  @Ingelogd()
  @ApiToegang('Het token hoort bij een andere gemeente.')
  @ApiOperation({ operationId: 'postOplossingReactie', summary: 'Reageren op een oplossing', description: 'Iedereen met een account in de gemeente praat mee over een oplossing.' })
  @ApiCreatedResponse({ description: 'De reactie.', type: ReactieDto })
  @ApiProblem(400, ANTWOORD)
  @ApiProblem(404, 'Dit vraagstuk of deze oplossing bestaat niet in deze gemeente.')
  @ApiProblem(409, GESLOTEN)
  async createOpOplossing(@Param() { id, oplossingId }: OplossingParams, @Body() body: ReactiePlaatsenDto, @CallerContext() context: MessageContext): Promise<ReactieDto> {
    return toReactieDto(await this.bouwstenen.request<ReactieView>(REACTIE_SUBJECTS.create, { vraagstukId: id, oplossingId, ...this.inhoud(body) }, context));
  }

  @Get('oplossingen/:oplossingId/reacties')
  @Publiek()
  @ApiOperation({ operationId: 'listOplossingReacties', summary: 'Discussie over een oplossing', description: 'De reacties op de oplossing, oudste eerst, per pagina (volg `_links.next`); openbaar.' })
  @ApiOkResponse({ description: 'Een pagina reacties.', type: ReactiesDto })
  @ApiProblem(400, 'Ongeldig id, cursor of limiet.')
  @ApiProblem(404, 'Dit vraagstuk of deze oplossing bestaat niet in deze gemeente.')
  async listOpOplossing(@Param() { id, oplossingId }: OplossingParams, @Query() query: ReactiesQueryDto, @CallerContext() context: MessageContext): Promise<ReactiesDto> {
    const list = await this.bouwstenen.request<ReactieList>(REACTIE_SUBJECTS.list, { vraagstukId: id, oplossingId, ...this.pagina(query) }, context);
    return toReactiesDto(list, `/api/v1/vraagstukken/${id}/oplossingen/${oplossingId}/reacties`, query);
  }

  @Post('reacties/:reactieId/_verberg')
  @Rollen('moderator')
  @HttpCode(200)
  @ApiToegang('Alleen een moderator van de gemeente verbergt reacties.')
  @ApiOperation({
    operationId: 'verbergReactie',
    summary: 'Reactie verbergen',
    description: 'Een moderator verbergt een reactie (op het vraagstuk of op een oplossing) met een openbare reden. Ze houdt haar plaats in de draad, zonder tekst; de tijdlijn noemt de reden, niet de tekst.',
  })
  @ApiOkResponse({ description: 'De verborgen reactie.', type: ReactieDto })
  @ApiProblem(400, 'Ongeldige invoer, of geen reden.')
  @ApiProblem(404, 'Dit vraagstuk of deze reactie bestaat niet in deze gemeente.')
  @ApiProblem(409, 'De reactie is al verborgen.')
  async verberg(@Param() { id, reactieId }: ReactieParams, @Body() body: ReactieVerbergenDto, @CallerContext() context: MessageContext): Promise<ReactieDto> {
    return toReactieDto(await this.bouwstenen.request<ReactieView>(REACTIE_SUBJECTS.verberg, { vraagstukId: id, reactieId, reden: body.reden }, context));
  }

  private inhoud(body: ReactiePlaatsenDto) {
    return { tekst: body.tekst, ...(body.antwoordOp ? { antwoordOp: body.antwoordOp } : {}) };
  }

  private pagina(query: ReactiesQueryDto) {
    return { ...(query.na ? { na: query.na } : {}), ...(query.limiet ? { limiet: query.limiet } : {}) };
  }
}
