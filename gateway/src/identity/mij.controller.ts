import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MIJ_SUBJECTS, type MessageContext, type Principal } from '@samen/contracts';
import { BouwsteenClient, Ingelogd } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { MijDto, toMijDto } from './mij.dto';

/** The caller as identity sees them. The gateway has verified the token; identity verifies it again. */
@ApiTags('mij')
@ApiCallerContext()
@Ingelogd()
@Controller('mij')
export class MijController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @ApiToegang('Uw toegangstoken hoort bij een andere gemeente dan Samen-Gemeente.')
  @ApiOperation({ operationId: 'getMij', summary: 'Wie ben ik', description: 'Uw account, gemeente, rollen en segment volgens uw toegangstoken.' })
  @ApiOkResponse({ description: 'Wie u bent.', type: MijDto })
  @ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
  @ApiProblem(504, 'identity antwoordde niet op tijd.')
  async get(@CallerContext() context: MessageContext): Promise<MijDto> {
    return toMijDto(await this.bouwstenen.request<Principal>(MIJ_SUBJECTS.get, {}, context));
  }
}
