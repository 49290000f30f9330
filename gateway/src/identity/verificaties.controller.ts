import { Body, Controller, Header, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type CodeBatchView, type MessageContext, VERIFICATIE_SUBJECTS, type VerificatieView } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Rollen } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { CSV_CONTENT_TYPE, csvBestandsnaam, verificatiecodesCsv } from './verificatiecodes-csv';
import { AccountIdParams, PersoonlijkeVerificatieDto, VerificatiecodeInwisselenDto, VerificatiecodesAanmakenDto, VerificatieDto, toVerificatieDto } from './verificaties.dto';

/** Resident verification: codes on letters, redeemed by the resident, or verification at the desk. */
@ApiTags('verificaties')
@ApiCallerContext()
@ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'identity antwoordde niet op tijd.')
@Controller()
export class VerificatiesController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Post('verificatiecodes/batches')
  @Rollen('gemeentebeheerder', 'ambtenaar')
  @ApiToegang('Alleen het gemeentebeheer en ambtenaren van deze gemeente.')
  @ApiOperation({
    operationId: 'postVerificatiecodes',
    summary: 'Verificatiecodes aanmaken',
    description:
      'Maakt eenmalige verificatiecodes voor één wijk of buurt en geeft ze als CSV (code, gebied, verlooptDatum) om op brieven te drukken. ' +
      'Dit antwoord is de enige keer dat de codes leesbaar zijn: identity bewaart alleen een hash.',
  })
  @ApiProduces('text/csv')
  @ApiCreatedResponse({
    description: 'De codes als CSV-bestand.',
    content: { 'text/csv': { schema: { type: 'string', example: 'code,gebied,verlooptDatum\r\nABCD-EFGH-JKMN,WK063701,2027-01-31\r\n' } } },
  })
  @ApiProblem(400, 'Ongeldige invoer, of het gebied ligt niet in deze gemeente.')
  async codesAanmaken(
    @Body() body: VerificatiecodesAanmakenDto,
    @CallerContext() context: MessageContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const batch = await this.bouwstenen.request<CodeBatchView>(
      VERIFICATIE_SUBJECTS.codesAanmaken,
      { gebied: body.gebied, aantal: body.aantal, verlooptDatum: body.verlooptDatum },
      context,
    );
    reply.header('Content-Type', CSV_CONTENT_TYPE);
    reply.header('Content-Disposition', `attachment; filename="${csvBestandsnaam(batch)}"`);
    return verificatiecodesCsv(batch);
  }

  @Post('mij/verificaties')
  @Ingelogd()
  @Header('Cache-Control', 'no-store')
  @ApiToegang('Uw toegangstoken hoort bij een andere gemeente dan Samen-Gemeente.')
  @ApiOperation({
    operationId: 'postMijnVerificatie',
    summary: 'Verificatiecode inwisselen',
    description:
      'Maakt u geverifieerd inwoner van de wijk of buurt van de code. Een code werkt één keer, alleen in haar gemeente en tot en met haar verloopdatum. ' +
      'Na vijf verkeerde codes binnen een uur moet u wachten.',
  })
  @ApiCreatedResponse({ description: 'U bent geverifieerd.', type: VerificatieDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(422, 'De code is onbekend, al gebruikt of verlopen.')
  @ApiProblem(429, 'Te veel verkeerde codes; probeer het later opnieuw.')
  async inwisselen(@Body() body: VerificatiecodeInwisselenDto, @CallerContext() context: MessageContext): Promise<VerificatieDto> {
    return toVerificatieDto(await this.bouwstenen.request<VerificatieView>(VERIFICATIE_SUBJECTS.inwisselen, { code: body.code }, context));
  }

  @Post('accounts/:id/verificaties')
  @Rollen('ambtenaar')
  @ApiToegang('Alleen een ambtenaar van deze gemeente.')
  @ApiOperation({
    operationId: 'postAccountVerificatie',
    summary: 'Inwoner persoonlijk verifiëren',
    description: 'Een ambtenaar legt vast dat dit account inwoner is van een wijk of buurt, na controle aan de balie.',
  })
  @ApiCreatedResponse({ description: 'Het account is geverifieerd.', type: VerificatieDto })
  @ApiProblem(400, 'Ongeldige invoer, of het gebied ligt niet in deze gemeente.')
  @ApiProblem(404, 'Dit account bestaat niet in deze gemeente.')
  async persoonlijk(@Param() { id }: AccountIdParams, @Body() body: PersoonlijkeVerificatieDto, @CallerContext() context: MessageContext): Promise<VerificatieDto> {
    return toVerificatieDto(await this.bouwstenen.request<VerificatieView>(VERIFICATIE_SUBJECTS.persoonlijk, { accountId: id, gebied: body.gebied }, context));
  }
}
