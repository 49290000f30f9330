import { Readable } from 'node:stream';
import { Body, Controller, Get, Headers, HttpCode, Logger, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  IDEMPOTENCY_KEY_PATTERN,
  type MessageContext,
  type PapierenBatchOntvangst,
  type StemBewijs,
  STEMMING_SUBJECTS,
  type StemmingExportKop,
  type StemmingExportPagina,
  type StemmingList,
  type StemmingUitslag,
  type StemmingView,
} from '@samen/contracts';
import { BouwsteenClient, DomainError, Ingelogd, Publiek, Rollen } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import {
  PapierenBatchOntvangstDto,
  PapierenStembiljettenDto,
  StemBewijsDto,
  StembiljetDto,
  StemmingAanmakenDto,
  StemmingDto,
  StemmingenDto,
  StemmingExportDto,
  StemmingIdParams,
  StemmingIntrekkenDto,
  StemmingUitslagDto,
} from './stemmingen.dto';
import { exportTekst } from './stemming-export';
import { VraagstukIdParams } from './vraagstukken.dto';

const NIET_GEVONDEN = 'Deze stemming bestaat niet (in deze gemeente).';
const NOG_NIET_GESLOTEN = 'De stemming is nog niet gesloten en geteld: de uitslag blijft tot dan geheim.';

/** A stemming is published on its vraagstuk; the rest of its life is under /stemmingen/{stemmingId}. */
@ApiTags('stemmingen')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/stemmingen')
export class VraagstukStemmingenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Alleen een ambtenaar of gemeentebeheerder van de gemeente, of de voorzitter van de tafel.')
  @ApiOperation({
    operationId: 'postStemming',
    summary: 'Stemming publiceren',
    description:
      'Publiceert de regels van een stemming over een vraagstuk in de fase besluitvorming: vragen, antwoorden, wie mag stemmen, drempel, quorum, opening, sluiting en kanalen. ' +
      'Vanaf nu zijn de regels openbaar en veranderen ze niet meer; hun hash komt op de tijdlijn.',
  })
  @ApiCreatedResponse({ description: 'De gepubliceerde stemming.', type: StemmingDto })
  @ApiProblem(400, 'De regels kloppen niet (zie invalidParams), bijvoorbeeld meer vragen dan de gemeente toestaat of een opening in het verleden.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  @ApiProblem(409, 'Het vraagstuk is niet in de fase besluitvorming.')
  async create(@Param() { id }: VraagstukIdParams, @Body() body: StemmingAanmakenDto, @CallerContext() context: MessageContext): Promise<StemmingDto> {
    return this.bouwstenen.request<StemmingView>(STEMMING_SUBJECTS.create, { ...body, vraagstukId: id }, context);
  }

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listStemmingen', summary: 'Stemmingen over een vraagstuk', description: 'Alle stemmingen over het vraagstuk, oudste eerst, met hun regels; openbaar.' })
  @ApiOkResponse({ description: 'De stemmingen.', type: StemmingenDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  async list(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<StemmingenDto> {
    const { items } = await this.bouwstenen.request<StemmingList>(STEMMING_SUBJECTS.list, { vraagstukId: id }, context);
    return { stemmingen: items };
  }
}

@ApiTags('stemmingen')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('stemmingen/:stemmingId')
export class StemmingenController {
  private readonly logger = new Logger('Stemmingen');

  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'getStemming', summary: 'Regels van een stemming', description: 'De gepubliceerde regels, machineleesbaar, met hun hash; openbaar.' })
  @ApiOkResponse({ description: 'De stemming.', type: StemmingDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { stemmingId }: StemmingIdParams, @CallerContext() context: MessageContext): Promise<StemmingDto> {
    return this.bouwstenen.request<StemmingView>(STEMMING_SUBJECTS.get, { stemmingId }, context);
  }

  @Post('stemmen')
  @Ingelogd()
  @ApiToegang('U mag in deze stemming niet stemmen (geen geverifieerde inwoner van het gebied, of geen deelnemer aan de tafel).')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'Een eigen sleutel per stem (een UUID): stuurt u dezelfde stem opnieuw met dezelfde sleutel, dan krijgt u hetzelfde bonnetje en telt uw stem één keer.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
  })
  @ApiOperation({
    operationId: 'postStem',
    summary: 'Stemmen',
    description:
      'Brengt uw stem uit. U krijgt een bonnetje: na sluiting staat het in de openbare lijst, zo ziet u dat uw stem is meegeteld (niet wat u stemde). ' +
      'Uw naam wordt in het register gezet van wie gestemd heeft; uw stembiljet gaat los daarvan, zonder naam en zonder tijd, in de stembus.',
  })
  @ApiCreatedResponse({ description: 'Uw stem is geteld.', type: StemBewijsDto })
  @ApiOkResponse({ description: 'Dezelfde stem met dezelfde Idempotency-Key was al binnen: hetzelfde bonnetje.', type: StemBewijsDto })
  @ApiProblem(400, 'Geen of een ongeldige Idempotency-Key, of een stembiljet dat niet bij de vragen past.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'U heeft al gestemd, of de stemming is nog niet open, al gesloten of ingetrokken.')
  async stemmen(
    @Param() { stemmingId }: StemmingIdParams,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: StembiljetDto,
    @CallerContext() context: MessageContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StemBewijsDto> {
    if (!idempotencyKey || !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw DomainError.validation([{ name: 'Idempotency-Key', code: 'matches', reason: 'stuur een Idempotency-Key: een UUID of 16 tot 64 letters, cijfers of - _ . ~' }]);
    }
    const bewijs = await this.bouwstenen.request<StemBewijs>(STEMMING_SUBJECTS.stemmen, { stemmingId, idempotencyKey, stembiljet: { antwoorden: body.antwoorden } }, context);
    reply.status(bewijs.herhaald ? 200 : 201);
    return { bonnetje: bewijs.bonnetje };
  }

  @Post('papieren-stembiljetten')
  @Rollen('ambtenaar', 'gemeentebeheerder')
  @ApiToegang('Alleen een ambtenaar of gemeentebeheerder van de gemeente.')
  @ApiOperation({
    operationId: 'postPapierenStembiljetten',
    summary: 'Papieren stembiljetten invoeren',
    description:
      'Voert een batch papieren stembiljetten in. Aantal, kiezers en stembiljetten moeten even groot zijn. Heeft een kiezer al gestemd (digitaal of in een andere batch), ' +
      'dan wordt niets van de batch opgeslagen en noemt het antwoord die kiezers: leg hun enveloppen ongeopend apart en voer de batch opnieuw in zonder hen.',
  })
  @ApiCreatedResponse({ description: 'De batch is geteld; de bonnetjes horen bij de batch, niet bij een kiezer.', type: PapierenBatchOntvangstDto })
  @ApiProblem(400, 'De aantallen kloppen niet, of een stembiljet noemt een vraag die niet bestaat.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Een kiezer heeft al gestemd, de batch is al ingevoerd, of de stemming is niet open.')
  async papier(@Param() { stemmingId }: StemmingIdParams, @Body() body: PapierenStembiljettenDto, @CallerContext() context: MessageContext): Promise<PapierenBatchOntvangstDto> {
    return this.bouwstenen.request<PapierenBatchOntvangst>(
      STEMMING_SUBJECTS.papierInvoeren,
      {
        stemmingId,
        batchnummer: body.batchnummer,
        aantal: body.aantal,
        kiezers: body.kiezers,
        stembiljetten: body.stembiljetten,
        ...(body.terzijdeGelegd !== undefined ? { terzijdeGelegd: body.terzijdeGelegd } : {}),
      },
      context,
    );
  }

  @Post('_intrekken')
  @Ingelogd()
  @HttpCode(200)
  @ApiToegang('Alleen een ambtenaar of gemeentebeheerder van de gemeente, of de voorzitter van de tafel (wie een stemming mag publiceren).')
  @ApiOperation({
    operationId: 'stemmingIntrekken',
    summary: 'Stemming intrekken',
    description:
      'Trekt een gepubliceerde stemming in vóór haar opening, met een openbare reden (bijvoorbeeld een fout in de regels). Daarna opent zij niet, neemt zij geen stemmen aan, wordt zij niet gesloten ' +
      'en kan een besluit er niet op steunen; de intrekking en de reden komen op de tijdlijn. Na de opening kan het niet meer: `toegestaan` in de 409 zegt wat wel kan.',
  })
  @ApiOkResponse({ description: 'De ingetrokken stemming (status ingetrokken, met intrekking).', type: StemmingDto })
  @ApiProblem(400, 'Ongeldig id, of geen motivatie.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'De stemming is al geopend, gesloten of ingetrokken; `toegestaan` noemt wat nu wel kan.')
  async intrekken(@Param() { stemmingId }: StemmingIdParams, @Body() body: StemmingIntrekkenDto, @CallerContext() context: MessageContext): Promise<StemmingDto> {
    return this.bouwstenen.request<StemmingView>(STEMMING_SUBJECTS.intrekken, { stemmingId, motivatie: body.motivatie }, context);
  }

  @Post('_sluit')
  @Rollen('ambtenaar', 'gemeentebeheerder')
  @HttpCode(200)
  @ApiToegang('Alleen een ambtenaar of gemeentebeheerder van de gemeente.')
  @ApiOperation({
    operationId: 'sluitStemming',
    summary: 'Stemming sluiten en tellen',
    description: 'Sluit de stemming na haar sluitingstijd, telt de stemmen en publiceert het proces-verbaal; de hash ervan komt op de tijdlijn. (Samenspreker sluit ook zelf, kort na de sluitingstijd.)',
  })
  @ApiOkResponse({ description: 'De uitslag.', type: StemmingUitslagDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'De sluitingstijd is nog niet voorbij, of de stemming is al gesloten.')
  async sluit(@Param() { stemmingId }: StemmingIdParams, @CallerContext() context: MessageContext): Promise<StemmingUitslagDto> {
    return this.bouwstenen.request<StemmingUitslag>(STEMMING_SUBJECTS.sluiten, { stemmingId }, context);
  }

  @Get('uitslag')
  @Publiek()
  @ApiOperation({ operationId: 'getStemmingUitslag', summary: 'Uitslag van een stemming', description: 'Het proces-verbaal van de telling; openbaar na sluiting.' })
  @ApiOkResponse({ description: 'De uitslag.', type: StemmingUitslagDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, NOG_NIET_GESLOTEN)
  async uitslag(@Param() { stemmingId }: StemmingIdParams, @CallerContext() context: MessageContext): Promise<StemmingUitslagDto> {
    return this.bouwstenen.request<StemmingUitslag>(STEMMING_SUBJECTS.uitslag, { stemmingId }, context);
  }

  @Get('export')
  @Publiek()
  @ApiOperation({
    operationId: 'getStemmingExport',
    summary: 'Export om na te tellen',
    description:
      'Regels, geschudde stembiljetten, apart geschudde bonnetjes en het proces-verbaal: genoeg om de uitslag zonder ons na te tellen en uw bonnetje op te zoeken; openbaar na sluiting. ' +
      'Eén JSON-document van elke omvang: het wordt gestreamd terwijl samenspreker de lijsten in delen levert; breekt de verbinding halverwege af, dan is het bestand onvolledig (geen geldige JSON) en vraagt u het opnieuw op.',
  })
  @ApiOkResponse({ description: 'De export (docs/stemmingen-export.md).', type: StemmingExportDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, NOG_NIET_GESLOTEN)
  async export(@Param() { stemmingId }: StemmingIdParams, @CallerContext() context: MessageContext, @Res() reply: FastifyReply): Promise<void> {
    // The head first: a stemming that is absent, open or withdrawn is a problem+json answer, before any byte of the file.
    const kop = await this.bouwstenen.request<StemmingExportKop>(STEMMING_SUBJECTS.export, { stemmingId }, context);
    const stroom = Readable.from(
      exportTekst(kop, (lijst, na) => this.bouwstenen.request<StemmingExportPagina>(STEMMING_SUBJECTS.exportPagina, { stemmingId, lijst, ...(na === undefined ? {} : { na }) }, context)),
    );
    // Halfway the status line is sent: a failing page can only break the download off (and is logged).
    stroom.on('error', (error) => this.logger.error({ err: error, stemmingId }, 'streaming a stemming export failed halfway'));
    await reply.type('application/json; charset=utf-8').send(stroom);
  }
}
