import { Body, Controller, Delete, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, STEUN_SUBJECTS, type SteunbetuigingView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { SteunBetuigenDto, SteunbetuigingDto, SteunIntrekkenQueryDto, toSteunbetuigingDto } from './steunbetuigingen.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

/** Support for a vraagstuk in agendering; samenspreker counts it, the gateway forwards. Who supported is never listed. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/steunbetuigingen')
export class SteunbetuigingenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Het token hoort bij een andere gemeente, u treedt niet op namens een organisatie, of u diende het vraagstuk zelf in.')
  @ApiOperation({
    operationId: 'postSteunbetuiging',
    summary: 'Vraagstuk steunen',
    description:
      'Steunt een vraagstuk in de fase agendering, voor uzelf of voor uw organisatie: één keer per persoon en één keer per organisatie. ' +
      'Bereikt de steun de steundrempel, dan komt het vraagstuk meteen op de agenda (fase oplossingen). Alleen het aantal is openbaar, niet wie steunde.',
  })
  @ApiCreatedResponse({ description: 'Uw steun is geteld.', type: SteunbetuigingDto })
  @ApiProblem(400, 'Ongeldig id of namens.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  @ApiProblem(409, 'U (of uw organisatie) steunt dit vraagstuk al, of het is niet meer in de fase agendering.')
  async betuig(@Param() { id }: VraagstukIdParams, @Body() body: SteunBetuigenDto, @CallerContext() context: MessageContext): Promise<SteunbetuigingDto> {
    const view = await this.bouwstenen.request<SteunbetuigingView>(STEUN_SUBJECTS.create, { id, ...(body.namens ? { namens: body.namens } : {}) }, context);
    return toSteunbetuigingDto(view);
  }

  @Delete('mijn')
  @Ingelogd()
  @HttpCode(204)
  @ApiToegang('Het token hoort bij een andere gemeente, of u treedt niet op namens een organisatie.')
  @ApiOperation({
    operationId: 'deleteMijnSteunbetuiging',
    summary: 'Steun intrekken',
    description: 'Trekt uw steun (of die van uw organisatie) in, zolang het vraagstuk in de fase agendering is.',
  })
  @ApiNoContentResponse({ description: 'Ingetrokken.' })
  @ApiProblem(400, 'Ongeldig id of namens.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente, of u steunt het niet.')
  @ApiProblem(409, 'Het vraagstuk is niet meer in de fase agendering.')
  async trekIn(@Param() { id }: VraagstukIdParams, @Query() query: SteunIntrekkenQueryDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(STEUN_SUBJECTS.intrekken, { id, ...(query.namens ? { namens: query.namens } : {}) }, context);
  }
}
