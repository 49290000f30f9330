import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, TIJDLIJN_SUBJECTS, type TijdlijnList, type TijdlijnVerificatie } from '@samen/contracts';
import { BouwsteenClient, Publiek } from '@samen/platform';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { TijdlijnDto, TijdlijnQueryDto, TijdlijnVerificatieDto, VraagstukIdParams } from './tijdlijn.dto';

/** The public timeline of a vraagstuk; samenspreker reads and verifies, the gateway forwards. */
// Part of a vraagstuk (its path says so), so under the vraagstukken tag.
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/tijdlijn')
export class TijdlijnController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Publiek()
  @ApiOperation({
    operationId: 'listTijdlijn',
    summary: 'Tijdlijn van een vraagstuk',
    description: 'Elke wijziging van het vraagstuk, oudste eerst, per pagina (volg `_links.next`); openbaar. Elke regel bevat de hash van de vorige.',
  })
  @ApiOkResponse({ description: 'Een pagina van de tijdlijn; leeg als het vraagstuk (nog) geen regels heeft.', type: TijdlijnDto })
  @ApiProblem(400, 'Ongeldig id, of een ongeldige na of limiet.')
  async list(@Param() { id }: VraagstukIdParams, @Query() query: TijdlijnQueryDto, @CallerContext() context: MessageContext): Promise<TijdlijnDto> {
    const vraag = { vraagstukId: id, ...(query.na !== undefined ? { na: query.na } : {}), ...(query.limiet ? { limiet: query.limiet } : {}) };
    const list = await this.bouwstenen.request<TijdlijnList>(TIJDLIJN_SUBJECTS.list, vraag, context);
    // The same query from another volgnummer (NL API Design Rules: keyset pagination with links).
    const link = (na?: number) => {
      const params = new URLSearchParams();
      if (na !== undefined) params.set('na', String(na));
      if (query.limiet) params.set('limiet', String(query.limiet));
      const tekst = params.toString();
      return { href: `/api/v1/vraagstukken/${id}/tijdlijn${tekst ? `?${tekst}` : ''}` };
    };
    return {
      regels: list.items,
      _links: { self: link(query.na), ...(list.volgende !== undefined ? { next: link(list.volgende) } : {}) },
    };
  }

  @Get('_verifieer')
  @Publiek()
  @ApiOperation({
    operationId: 'verifieerTijdlijn',
    summary: 'Tijdlijn nacontroleren',
    description: 'Rekent alle hashes van de tijdlijn opnieuw uit en noemt de eerste regel die niet klopt: zo kan iedereen nagaan dat niets achteraf is veranderd.',
  })
  @ApiOkResponse({ description: 'De uitkomst; `geldig` is onwaar als een regel achteraf is veranderd, weggehaald of verplaatst.', type: TijdlijnVerificatieDto })
  @ApiProblem(400, 'Ongeldig id.')
  verifieer(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<TijdlijnVerificatie> {
    return this.bouwstenen.request<TijdlijnVerificatie>(TIJDLIJN_SUBJECTS.verify, { vraagstukId: id }, context);
  }
}
