import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BESLUIT_SUBJECTS, type BesluitList, type BesluitView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { BesluitAanmakenDto, BesluitDto, BesluitenDto, BesluitParams, toBesluitDto } from './besluiten.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

/** Besluiten over a vraagstuk; samenspreker decides who may publish, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/besluiten')
export class BesluitenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post()
  @Ingelogd()
  @ApiToegang('Alleen een besluitvormer aan de tafel of een gemeentebeheerder of ambtenaar van de gemeente legt een besluit vast.')
  @ApiOperation({
    operationId: 'postBesluit',
    summary: 'Besluit vastleggen',
    description:
      'Legt een besluit over het vraagstuk vast en publiceert het meteen; daarna verandert het niet meer. Een fout herstelt u met een nieuw besluit dat met `corrigeert` naar het eerdere wijst. Alleen in de fase besluitvorming.',
  })
  @ApiCreatedResponse({ description: 'Het gepubliceerde besluit.', type: BesluitDto })
  @ApiProblem(400, 'Ongeldige invoer: een organisatie zonder orgaan organisatie (of andersom), een datum in de toekomst, of een gecorrigeerd besluit van een ander vraagstuk.')
  @ApiProblem(404, 'Dit vraagstuk, of het besluit dat u corrigeert, bestaat niet in deze gemeente.')
  @ApiProblem(409, 'Het vraagstuk is niet in de fase besluitvorming, of het besluit dat u corrigeert is al gecorrigeerd.')
  async create(@Param() { id }: VraagstukIdParams, @Body() body: BesluitAanmakenDto, @CallerContext() context: MessageContext): Promise<BesluitDto> {
    const input = {
      vraagstukId: id,
      orgaan: body.orgaan,
      ...(body.organisatie ? { organisatie: body.organisatie } : {}),
      tekst: body.tekst,
      motivatie: body.motivatie,
      oplossingVersies: body.oplossingVersies.map(({ oplossingId, versie }) => ({ oplossingId, versie })),
      stemmingen: body.stemmingen,
      datum: body.datum,
      ...(body.corrigeert ? { corrigeert: body.corrigeert } : {}),
    };
    return toBesluitDto(await this.bouwstenen.request<BesluitView>(BESLUIT_SUBJECTS.create, input, context));
  }

  @Get()
  @Publiek()
  @ApiOperation({ operationId: 'listBesluiten', summary: 'Besluiten over een vraagstuk', description: 'Alle besluiten over het vraagstuk, oudste eerst, met de correcties; openbaar.' })
  @ApiOkResponse({ description: 'De besluiten.', type: BesluitenDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk bestaat niet in deze gemeente.')
  async list(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<BesluitenDto> {
    const list = await this.bouwstenen.request<BesluitList>(BESLUIT_SUBJECTS.list, { vraagstukId: id }, context);
    return { besluiten: list.items.map(toBesluitDto) };
  }

  @Get(':besluitId')
  @Publiek()
  @ApiOperation({ operationId: 'getBesluit', summary: 'Eén besluit', description: 'Het besluit, met `gecorrigeerdDoor` als een later besluit het corrigeerde; openbaar.' })
  @ApiOkResponse({ description: 'Het besluit.', type: BesluitDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, 'Dit vraagstuk of dit besluit bestaat niet in deze gemeente.')
  async get(@Param() { id, besluitId }: BesluitParams, @CallerContext() context: MessageContext): Promise<BesluitDto> {
    return toBesluitDto(await this.bouwstenen.request<BesluitView>(BESLUIT_SUBJECTS.get, { vraagstukId: id, besluitId }, context));
  }
}
