import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DeelnemerView, type MessageContext, TAFEL_SUBJECTS, type TafelView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { DeelnemerDto, TafelDeelnemerParams, TafelDto, TafelRolWijzigingDto, TafelToetredingDto, TafelUitnodigingDto, toDeelnemerDto, toTafelDto } from './tafel.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

const NIET_GEVONDEN = 'Dit vraagstuk bestaat niet in deze gemeente.';
const GESLOTEN = 'Het vraagstuk is afgerond of afgewezen: de tafel is gesloten.';

/** The Samenspraaktafel of a vraagstuk; samenspreker decides who may do what, the gateway forwards. */
// Part of a vraagstuk (its path says so), so under the vraagstukken tag.
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id/tafel')
export class TafelController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Publiek()
  @ApiOperation({
    operationId: 'getTafel',
    summary: 'De tafel van een vraagstuk',
    description:
      'Wie aan tafel zit of is uitgenodigd, in welke rol en voor welk segment of welke organisatie, en welke segmenten niemand vertegenwoordigt; openbaar. Account-ids ziet alleen wie zelf aan deze tafel zit en de gemeente (AVG).',
  })
  @ApiOkResponse({ description: 'De tafel.', type: TafelDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<TafelDto> {
    return toTafelDto(await this.bouwstenen.request<TafelView>(TAFEL_SUBJECTS.get, { id }, context));
  }

  @Post('uitnodigingen')
  @Ingelogd()
  @ApiToegang('Alleen de voorzitter of initiatiefnemer van deze tafel, of een gemeentebeheerder of ambtenaar, nodigt uit; voorzitter, besluitvormer en uitvoerder alleen de voorzitter of de gemeente.')
  @ApiOperation({
    operationId: 'postTafelUitnodiging',
    summary: 'Iemand aan tafel uitnodigen',
    description: 'Nodigt een account uit aan de tafel, in een rol en voor een segment (en eventueel een organisatie). De uitnodiging staat op de openbare tijdlijn, zonder account-id.',
  })
  @ApiCreatedResponse({ description: 'De uitnodiging (status uitgenodigd).', type: DeelnemerDto })
  @ApiProblem(400, 'Ongeldige invoer, of een organisatie bij segment inwoner.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, `Dit account zit al aan tafel of is al uitgenodigd; of: ${GESLOTEN}`)
  async uitnodigen(@Param() { id }: VraagstukIdParams, @Body() body: TafelUitnodigingDto, @CallerContext() context: MessageContext): Promise<DeelnemerDto> {
    const input = { id, accountId: body.accountId, rol: body.rol, segment: body.segment, ...(body.organisatie ? { organisatie: body.organisatie } : {}) };
    return toDeelnemerDto(await this.bouwstenen.request<DeelnemerView>(TAFEL_SUBJECTS.uitnodigen, input, context));
  }

  @Post('deelnemers')
  @Ingelogd()
  @ApiToegang('U bent uitgenodigd namens een organisatie maar handelt nu niet namens die organisatie (of omgekeerd); of u vraagt namens een organisatie zonder er namens te handelen.')
  @ApiOperation({
    operationId: 'postTafelDeelnemer',
    summary: 'Aan tafel gaan',
    description:
      'Met een uitnodiging: u gaat aan tafel in de rol van de uitnodiging. Zonder: u gaat aan de open tafel als deelnemer, voor uzelf of voor de organisatie waarvoor uw token handelt.',
  })
  @ApiCreatedResponse({ description: 'Uw plaats aan tafel (status actief).', type: DeelnemerDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, `U zit al aan deze tafel; of: ${GESLOTEN}`)
  async toetreden(@Param() { id }: VraagstukIdParams, @Body() body: TafelToetredingDto, @CallerContext() context: MessageContext): Promise<DeelnemerDto> {
    const input = { id, ...(body.namens ? { namens: body.namens } : {}) };
    return toDeelnemerDto(await this.bouwstenen.request<DeelnemerView>(TAFEL_SUBJECTS.toetreden, input, context));
  }

  @Post('_verlaat')
  @Ingelogd()
  @HttpCode(200)
  @ApiToegang('Het token hoort bij een andere gemeente.')
  @ApiOperation({
    operationId: 'verlaatTafel',
    summary: 'De tafel verlaten',
    description: 'U verlaat de tafel, of slaat uw uitnodiging af. Uw plaats blijft bewaard als vertrokken (op de tijdlijn); u kunt later opnieuw aan tafel gaan.',
  })
  @ApiOkResponse({ description: 'Uw plaats aan tafel (status vertrokken).', type: DeelnemerDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, `U zit niet aan deze tafel en bent niet uitgenodigd; of: ${GESLOTEN}`)
  async verlaten(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<DeelnemerDto> {
    return toDeelnemerDto(await this.bouwstenen.request<DeelnemerView>(TAFEL_SUBJECTS.verlaten, { id }, context));
  }

  @Put('deelnemers/:deelnemerId/rol')
  @Ingelogd()
  @ApiToegang('Alleen de voorzitter van deze tafel of een gemeentebeheerder of ambtenaar wijzigt rollen.')
  @ApiOperation({
    operationId: 'putTafelRol',
    summary: 'Rol aan tafel wijzigen',
    description: 'Geeft een deelnemer (of uitgenodigde) een andere rol. Dezelfde rol nog eens verandert niets. Een tafel mag zonder voorzitter zijn: de gemeente kan er altijd een aanwijzen.',
  })
  @ApiOkResponse({ description: 'De deelnemer met de nieuwe rol.', type: DeelnemerDto })
  @ApiProblem(400, 'Ongeldige invoer (initiatiefnemer is geen rol die te geven is).')
  @ApiProblem(404, 'Dit vraagstuk of deze deelnemer aan de tafel bestaat niet.')
  @ApiProblem(409, `Deze deelnemer heeft de tafel verlaten; of: ${GESLOTEN}`)
  async rolWijzigen(@Param() { id, deelnemerId }: TafelDeelnemerParams, @Body() body: TafelRolWijzigingDto, @CallerContext() context: MessageContext): Promise<DeelnemerDto> {
    return toDeelnemerDto(await this.bouwstenen.request<DeelnemerView>(TAFEL_SUBJECTS.rolWijzigen, { id, deelnemerId, rol: body.rol }, context));
  }
}
