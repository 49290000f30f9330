import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BOUWSTENEN, isBouwsteen, type MessageContext } from '@samen/contracts';
import { DomainError, Publiek } from '@samen/platform';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { BouwsteenDiscovery } from './bouwsteen-discovery.service';
import { BouwsteenDto, BouwstenenDto } from './bouwsteen.dto';

@ApiTags('bouwstenen')
@ApiCallerContext()
@Publiek()
@Controller('bouwstenen')
export class BouwstenenController {
  constructor(private readonly discovery: BouwsteenDiscovery) {}

  @Get()
  @ApiOperation({
    operationId: 'listBouwstenen',
    summary: 'Welke bouwstenen draaien',
    description:
      'Vraagt alle vijf bouwstenen tegelijk naar hun gezondheid en geeft per bouwsteen `up` of `absent`. ' +
      'Het antwoord wordt bij elk verzoek opnieuw vastgesteld; een bouwsteen die later start of stopt, staat er bij het volgende verzoek goed in.',
  })
  @ApiOkResponse({ description: 'De vijf bouwstenen, in vaste volgorde.', type: BouwstenenDto })
  @ApiProblem(503, 'De berichtenbus (NATS) is niet bereikbaar.')
  async list(@CallerContext() context: MessageContext): Promise<BouwstenenDto> {
    return { bouwstenen: await this.discovery.all(context) };
  }

  @Get(':naam')
  @ApiOperation({
    operationId: 'getBouwsteen',
    summary: 'Draait deze bouwsteen',
    description: 'Vraagt één bouwsteen naar zijn gezondheid. Draait hij niet, dan volgt meteen een 503.',
  })
  @ApiParam({ name: 'naam', description: 'Naam van de bouwsteen.', enum: BOUWSTENEN })
  @ApiOkResponse({ description: 'De bouwsteen draait.', type: BouwsteenDto })
  @ApiProblem(404, 'Er bestaat geen bouwsteen met deze naam.')
  @ApiProblem(503, 'De bouwsteen draait nu niet, of de berichtenbus is niet bereikbaar.')
  async get(@Param('naam') naam: string, @CallerContext() context: MessageContext): Promise<BouwsteenDto> {
    if (!isBouwsteen(naam)) {
      throw new DomainError('NOT_FOUND', `Er bestaat geen bouwsteen met deze naam; kies uit ${BOUWSTENEN.join(', ')}.`);
    }
    const found = await this.discovery.probe(naam, context);
    if (found.status === 'absent') throw new DomainError('BOUWSTEEN_ABSENT', `De bouwsteen ${naam} draait nu niet.`);
    return found;
  }
}
