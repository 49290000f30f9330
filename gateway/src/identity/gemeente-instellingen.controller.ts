import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GEMEENTE_SUBJECTS, type GemeenteView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Rollen } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { GemeenteCodeParams, GemeenteDto, GemeenteInstellingenWijzigenDto, toGemeenteDto } from './gemeente.dto';

/** The settings of a gemeente; identity decides who may change them (from the caller's token). */
@ApiTags('gemeenten')
@ApiCallerContext()
@ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'identity antwoordde niet op tijd.')
@Controller('gemeenten')
export class GemeenteInstellingenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Put(':code/instellingen')
  @Rollen('gemeentebeheerder', 'platformbeheerder')
  @ApiToegang('Geen gemeentebeheer van deze gemeente.')
  @ApiOperation({
    operationId: 'putGemeenteInstellingen',
    summary: 'Instellingen van een gemeente wijzigen',
    description:
      'Wijzigt de steundrempel, de reactietermijn en de standaardwaarden voor peilingen. Wat in het verzoek ontbreekt, blijft zoals het is. ' +
      'Voor het gemeentebeheer van deze gemeente en voor platformbeheer.',
  })
  @ApiOkResponse({ description: 'De gemeente met haar instellingen na de wijziging.', type: GemeenteDto })
  @ApiProblem(400, 'Ongeldige invoer; alle waarden buiten hun grenzen staan in invalid-params.')
  @ApiProblem(404, 'Deze gemeente bestaat niet.')
  async put(
    @Param() { code }: GemeenteCodeParams,
    @Body() body: GemeenteInstellingenWijzigenDto,
    @CallerContext() context: MessageContext,
  ): Promise<GemeenteDto> {
    const view = await this.bouwstenen.request<GemeenteView>(GEMEENTE_SUBJECTS.instellingenWijzigen, { code, instellingen: body }, context);
    return toGemeenteDto(view);
  }
}
