import { Body, Controller, Delete, Get, Header, HttpCode, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AVG_SUBJECTS,
  persoonsgegevensExportSubject,
  type MessageContext,
  type MijAccount,
  type PersoonsgegevensExport,
  type VerwerkingenPagina,
} from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Principal, Rollen } from '@samen/platform';
import type { FastifyReply } from 'fastify';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { AccountVerwijderingDto, MijnAccountDto, PersoonsgegevensExportDto, VerwerkingenPaginaDto, VerwerkingenQueryDto } from './avg.dto';
import { exportBestandsnaam, verzamelExport, type VolledigeExport } from './persoonsgegevens-export';

/** Same scheme name as the other identity routes (gateway/src/auth/toegang.ts). */
const TOEGANGSTOKEN = 'toegangstoken';
const NOT_RUNNING = 'identity draait nu niet, of de berichtenbus is niet bereikbaar.';
const TOO_SLOW = 'identity antwoordde niet op tijd.';

/** The page's links: the same query, with the cursor of the next page (NL API Design Rules, keyset). */
function pagina(pad: string, vraag: VerwerkingenQueryDto, antwoord: VerwerkingenPagina): VerwerkingenPaginaDto {
  const link = (na?: string) => {
    const query = new URLSearchParams();
    if (na) query.set('na', na);
    if (vraag.limiet) query.set('limiet', String(vraag.limiet));
    const tekst = query.toString();
    return { href: `/api/v1/${pad}${tekst ? `?${tekst}` : ''}` };
  };
  return {
    verwerkingen: antwoord.verwerkingen,
    _links: { self: link(vraag.na), ...(antwoord.volgende ? { next: link(antwoord.volgende) } : {}) },
  };
}

function vraagVan(query: VerwerkingenQueryDto): { na?: string; limiet?: number } {
  return { ...(query.na ? { na: query.na } : {}), ...(query.limiet ? { limiet: query.limiet } : {}) };
}

/**
 * The AVG rights of the caller over their own data: inzage, export, erasure, and the log of who
 * processed it. Personal answers are never cached (Cache-Control: no-store).
 */
@ApiTags('mij')
@ApiCallerContext()
@ApiBearerAuth(TOEGANGSTOKEN)
@ApiProblem(401, 'Geen, een ongeldig of een verlopen toegangstoken.')
@ApiProblem(403, 'Uw toegangstoken hoort bij een andere gemeente dan Samen-Gemeente.')
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Ingelogd()
@Controller('mij')
export class MijAvgController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get('account')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getMijnAccount',
    summary: 'Mijn accountgegevens',
    description: 'Uw e-mailadres, weergavenaam, gemeente, rollen, verificatie en lidmaatschappen, zoals identity ze bewaart.',
  })
  @ApiOkResponse({ description: 'Uw accountgegevens.', type: MijnAccountDto })
  async account(@CallerContext() context: MessageContext): Promise<MijnAccountDto> {
    return this.bouwstenen.request<MijAccount>(AVG_SUBJECTS.account, {}, context);
  }

  @Get('export')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getMijnExport',
    summary: 'Al mijn gegevens downloaden',
    description:
      'Verzamelt wat elke bouwsteen over u bewaart, als JSON-bestand (AVG art. 15 en 20). Een bouwsteen die nu niet draait, staat erin als `absent`. De export wordt vastgelegd in uw verwerkingenlogboek.',
  })
  @ApiOkResponse({
    description: 'Uw gegevens, als bijlage (Content-Disposition: attachment).',
    type: PersoonsgegevensExportDto,
    headers: { 'Content-Disposition': { description: 'attachment, met een bestandsnaam zonder persoonsgegevens.', schema: { type: 'string' } } },
  })
  async export(
    @Principal() principal: Principal,
    @CallerContext() context: MessageContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VolledigeExport> {
    const volledig = await verzamelExport(principal.accountId, async (bouwsteen) => {
      const deel = await this.bouwstenen.request<PersoonsgegevensExport>(persoonsgegevensExportSubject(bouwsteen), { accountId: principal.accountId }, context);
      return deel.gegevens;
    });
    // Set only once everything answered: a failed export stays a problem+json, not a download.
    reply.header('Content-Disposition', `attachment; filename="${exportBestandsnaam()}"`);
    return volledig;
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteMij',
    summary: 'Mijn account verwijderen',
    description:
      'Verwijdert uw e-mailadres, naam, wachtwoord, tweede factor, sessies, verificaties en lidmaatschappen (AVG art. 17). Bevestig met uw wachtwoord. Uw bijdragen blijven staan, ondertekend als "verwijderde deelnemer". Dit kan niet ongedaan worden gemaakt.',
  })
  @ApiBody({ type: AccountVerwijderingDto })
  @ApiNoContentResponse({ description: 'Verwijderd.' })
  @ApiProblem(400, 'Het wachtwoord ontbreekt.')
  async verwijder(@Body() invoer: AccountVerwijderingDto, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(AVG_SUBJECTS.verwijder, { wachtwoord: invoer.wachtwoord }, context);
  }

  @Get('verwerkingen')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getMijnVerwerkingen',
    summary: 'Wie verwerkte mijn gegevens',
    description: 'Het logboek van verwerkingen van uw persoonsgegevens: wie, wat, wanneer en waarom. Nieuwste eerst, per pagina.',
  })
  @ApiOkResponse({ description: 'Een pagina verwerkingen.', type: VerwerkingenPaginaDto })
  @ApiProblem(400, 'De cursor of de limiet klopt niet.')
  async mijnVerwerkingen(@Query() query: VerwerkingenQueryDto, @CallerContext() context: MessageContext): Promise<VerwerkingenPaginaDto> {
    return pagina('mij/verwerkingen', query, await this.bouwstenen.request<VerwerkingenPagina>(AVG_SUBJECTS.mijnVerwerkingen, vraagVan(query), context));
  }
}

/** The processing log of a gemeente, for its gemeentebeheerder (accountability, AVG art. 5(2)). */
@ApiTags('verwerkingen')
@ApiCallerContext()
@ApiBearerAuth(TOEGANGSTOKEN)
@ApiProblem(401, 'Geen, een ongeldig of een verlopen toegangstoken.')
@ApiProblem(403, 'Alleen een gemeentebeheerder leest het logboek van zijn gemeente.')
@ApiProblem(503, NOT_RUNNING)
@ApiProblem(504, TOO_SLOW)
@Rollen('gemeentebeheerder')
@Controller('verwerkingen')
export class VerwerkingenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    operationId: 'getVerwerkingen',
    summary: 'Verwerkingenlogboek van de gemeente',
    description: 'Alle vastgelegde verwerkingen van persoonsgegevens in de gemeente van uw toegangstoken, nieuwste eerst, per pagina.',
  })
  @ApiOkResponse({ description: 'Een pagina verwerkingen.', type: VerwerkingenPaginaDto })
  @ApiProblem(400, 'De cursor of de limiet klopt niet.')
  async lijst(@Query() query: VerwerkingenQueryDto, @CallerContext() context: MessageContext): Promise<VerwerkingenPaginaDto> {
    return pagina('verwerkingen', query, await this.bouwstenen.request<VerwerkingenPagina>(AVG_SUBJECTS.verwerkingen, vraagVan(query), context));
  }
}
