import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type MessageContext, VRAAGSTUK_SUBJECTS, type VraagstukList, type VraagstukView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { FaseOvergangDto, toVraagstukDto, VraagstukAanmakenDto, VraagstukDto, VraagstukIdParams, VraagstukkenDto, VraagstukkenQueryDto } from './vraagstukken.dto';

const NIET_GEVONDEN = 'Dit vraagstuk bestaat niet in deze gemeente.';

/** Vraagstukken and their phases; samenspreker decides, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken')
export class VraagstukkenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Het token hoort bij een andere gemeente.')
  @ApiOperation({
    operationId: 'postVraagstuk',
    summary: 'Vraagstuk indienen',
    description: 'Dient een probleem of kans in bij de gemeente van Samen-Gemeente (of van uw token). U wordt initiatiefnemer; het vraagstuk begint in de fase agendering.',
  })
  @ApiCreatedResponse({ description: 'Het nieuwe vraagstuk.', type: VraagstukDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  async create(@Body() body: VraagstukAanmakenDto, @CallerContext() context: MessageContext): Promise<VraagstukDto> {
    const input = {
      soort: body.soort,
      titel: body.titel,
      omschrijving: body.omschrijving,
      gebied: { code: body.gebied.code, naam: body.gebied.naam },
      ...(body.themas ? { themas: body.themas } : {}),
    };
    return toVraagstukDto(await this.bouwstenen.request<VraagstukView>(VRAAGSTUK_SUBJECTS.create, input, context));
  }

  @Get()
  @Publiek()
  @ApiOperation({
    operationId: 'listVraagstukken',
    summary: 'Vraagstukken van een gemeente',
    description: 'De vraagstukken van de gemeente van Samen-Gemeente, nieuwste eerst, te filteren op fase, soort, gebied, thema, zoektekst en verstreken reactietermijn, per pagina (volg `_links.next`); openbaar.',
  })
  @ApiOkResponse({ description: 'Een pagina vraagstukken.', type: VraagstukkenDto })
  @ApiProblem(400, 'Samen-Gemeente ontbreekt of is ongeldig, of een ongeldig filter, cursor of limiet.')
  async list(@Query() query: VraagstukkenQueryDto, @CallerContext() context: MessageContext): Promise<VraagstukkenDto> {
    const filters = {
      ...(query.fase ? { fase: query.fase } : {}),
      ...(query.soort ? { soort: query.soort } : {}),
      ...(query.gebied ? { gebied: query.gebied } : {}),
      ...(query.thema ? { thema: query.thema } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
    const termijn = query.termijnVerstreken !== undefined ? { termijnVerstreken: query.termijnVerstreken } : {};
    const vraag = { ...filters, ...termijn, ...(query.na ? { na: query.na } : {}), ...(query.limiet ? { limiet: query.limiet } : {}) };
    const list = await this.bouwstenen.request<VraagstukList>(VRAAGSTUK_SUBJECTS.list, vraag, context);
    // The same query with another cursor (NL API Design Rules: keyset pagination with links).
    const link = (na?: string) => {
      const params = new URLSearchParams(filters);
      if (query.termijnVerstreken !== undefined) params.set('termijnVerstreken', String(query.termijnVerstreken));
      if (na) params.set('na', na);
      if (query.limiet) params.set('limiet', String(query.limiet));
      const tekst = params.toString();
      return { href: `/api/v1/vraagstukken${tekst ? `?${tekst}` : ''}` };
    };
    return {
      vraagstukken: list.items.map(toVraagstukDto),
      _links: { self: link(query.na), ...(list.volgende ? { next: link(list.volgende) } : {}) },
    };
  }

  @Get(':id')
  @Publiek()
  @ApiOperation({ operationId: 'getVraagstuk', summary: 'Eén vraagstuk', description: 'Het vraagstuk met zijn fase; openbaar.' })
  @ApiOkResponse({ description: 'Het vraagstuk.', type: VraagstukDto })
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<VraagstukDto> {
    return toVraagstukDto(await this.bouwstenen.request<VraagstukView>(VRAAGSTUK_SUBJECTS.get, { id }, context));
  }

  @Post(':id/fase-overgangen')
  @Ingelogd()
  @HttpCode(201)
  @ApiToegang('Wie een overgang mag maken, staat in `detail`: een gemeentebeheerder of ambtenaar, en na agendering ook de voorzitter (of een besluitvormer) van de tafel.')
  @ApiOperation({
    operationId: 'postFaseOvergang',
    summary: 'Fase van een vraagstuk wijzigen',
    description:
      'Brengt het vraagstuk naar een volgende fase, met een openbare motivatie. Kan dat nu niet (een overgang die niet bestaat, of een voorwaarde die nog niet vervuld is), dan 409 met de overgangen die nu wel kunnen in `detail`.',
  })
  @ApiCreatedResponse({ description: 'Het vraagstuk in zijn nieuwe fase.', type: VraagstukDto })
  @ApiProblem(400, 'Ongeldige invoer, of geen motivatie.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Deze overgang kan nu niet; `detail` noemt de overgangen die nu wel kunnen.')
  async faseOvergang(@Param() { id }: VraagstukIdParams, @Body() body: FaseOvergangDto, @CallerContext() context: MessageContext): Promise<VraagstukDto> {
    const view = await this.bouwstenen.request<VraagstukView>(VRAAGSTUK_SUBJECTS.faseWijzigen, { id, naar: body.naar, motivatie: body.motivatie }, context);
    return toVraagstukDto(view);
  }
}
