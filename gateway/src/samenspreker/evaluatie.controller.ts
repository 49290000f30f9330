import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVALUATIE_SUBJECTS, type EvaluatieOverzicht, type EvaluatieView, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Ingelogd, Publiek } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { EvaluatieDto, EvaluatieGevenDto, EvaluatieOverzichtDto, EvaluatieSamenvattenDto, toEvaluatieDto, toEvaluatieOverzichtDto } from './evaluatie.dto';
import { VraagstukIdParams } from './vraagstukken.dto';

const NIET_GEVONDEN = 'Dit vraagstuk bestaat niet in deze gemeente.';

/** The evaluation of a vraagstuk; samenspreker keeps the rounds apart, the gateway forwards. */
@ApiTags('vraagstukken')
@ApiCallerContext()
@ApiProblem(503, 'samenspreker draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'samenspreker antwoordde niet op tijd.')
@Controller('vraagstukken/:id')
export class EvaluatieController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Put('evaluaties/mijn')
  @Ingelogd()
  @ApiToegang('Alleen wie aan de tafel van dit vraagstuk zit, evalueert.')
  @ApiOperation({
    operationId: 'putMijnEvaluatie',
    summary: 'Uw evaluatie geven',
    description: 'Uw oordeel over het proces en de uitkomst in deze evaluatieronde; een nieuwe vervangt uw vorige. Openbaar zonder uw naam. Alleen in de fase evaluatie.',
  })
  @ApiOkResponse({ description: 'Uw evaluatie.', type: EvaluatieDto })
  @ApiProblem(400, 'Ongeldige invoer: scores van 1 tot 5.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Het vraagstuk is niet in de fase evaluatie.')
  async geef(@Param() { id }: VraagstukIdParams, @Body() body: EvaluatieGevenDto, @CallerContext() context: MessageContext): Promise<EvaluatieDto> {
    const input = { vraagstukId: id, proces: body.proces, uitkomst: body.uitkomst, toelichting: body.toelichting };
    return toEvaluatieDto(await this.bouwstenen.request<EvaluatieView>(EVALUATIE_SUBJECTS.geef, input, context));
  }

  @Post('evaluatie/samenvatting')
  @Ingelogd()
  @HttpCode(201)
  @ApiToegang('Alleen de voorzitter van de tafel of een gemeentebeheerder of ambtenaar van de gemeente vat de evaluatie samen.')
  @ApiOperation({
    operationId: 'postEvaluatieSamenvatting',
    summary: 'Evaluatie samenvatten',
    description: 'Sluit de evaluatieronde af met een samenvatting, lessen en de uitkomst; één keer per ronde, daarna verandert ze niet meer. Daarna kan het vraagstuk naar afgerond. Alleen in de fase evaluatie.',
  })
  @ApiCreatedResponse({ description: 'De evaluatie van deze ronde, met de samenvatting.', type: EvaluatieOverzichtDto })
  @ApiProblem(400, 'Ongeldige invoer.')
  @ApiProblem(404, NIET_GEVONDEN)
  @ApiProblem(409, 'Het vraagstuk is niet in de fase evaluatie, of deze ronde is al samengevat.')
  async vatSamen(@Param() { id }: VraagstukIdParams, @Body() body: EvaluatieSamenvattenDto, @CallerContext() context: MessageContext): Promise<EvaluatieOverzichtDto> {
    const input = { vraagstukId: id, samenvatting: body.samenvatting, lessen: body.lessen, uitkomst: body.uitkomst };
    return toEvaluatieOverzichtDto(await this.bouwstenen.request<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.samenvatten, input, context));
  }

  @Get('evaluatie')
  @Publiek()
  @ApiOperation({
    operationId: 'getEvaluatie',
    summary: 'Evaluatie van een vraagstuk',
    description: 'Gemiddelde scores, het aantal, de toelichtingen (zonder namen), de lessen en de samenvatting van de huidige evaluatieronde, of buiten de fase evaluatie van de laatste; openbaar.',
  })
  @ApiOkResponse({ description: 'De evaluatie.', type: EvaluatieOverzichtDto })
  @ApiProblem(400, 'Ongeldig id.')
  @ApiProblem(404, NIET_GEVONDEN)
  async get(@Param() { id }: VraagstukIdParams, @CallerContext() context: MessageContext): Promise<EvaluatieOverzichtDto> {
    return toEvaluatieOverzichtDto(await this.bouwstenen.request<EvaluatieOverzicht>(EVALUATIE_SUBJECTS.get, { vraagstukId: id }, context));
  }
}
