import { Controller, Delete, HttpCode, Param, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AccountRollenView, type MessageContext, ROL_SUBJECTS } from '@samen/contracts';
import { BouwsteenClient, Rollen } from '@samen/platform';
import { ApiToegang } from '../auth/toegang';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { AccountRolParams, AccountRollenDto, toAccountRollenDto } from './verificaties.dto';

const WIE = 'Alleen het gemeentebeheer van deze gemeente (platformbeheer alleen voor gemeentebeheerder).';

/** Roles of accounts in their gemeente. */
@ApiTags('accounts')
@ApiCallerContext()
@ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
@ApiProblem(504, 'identity antwoordde niet op tijd.')
@Rollen('gemeentebeheerder', 'platformbeheerder')
@Controller('accounts/:id/rollen')
export class RollenController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Put(':rol')
  @ApiToegang(WIE)
  @ApiOperation({
    operationId: 'putAccountRol',
    summary: 'Rol toekennen',
    description: 'Geeft het account deze rol in zijn gemeente. Herhalen verandert niets. Tokens die al uit zijn, houden hun rollen tot ze verlopen.',
  })
  @ApiOkResponse({ description: 'De rollen van het account nu.', type: AccountRollenDto })
  @ApiProblem(400, 'Ongeldig account-id of een rol die niet via de API wordt toegekend.')
  @ApiProblem(404, 'Dit account bestaat niet in deze gemeente.')
  async toekennen(@Param() { id, rol }: AccountRolParams, @CallerContext() context: MessageContext): Promise<AccountRollenDto> {
    return toAccountRollenDto(await this.bouwstenen.request<AccountRollenView>(ROL_SUBJECTS.toekennen, { accountId: id, rol }, context));
  }

  @Delete(':rol')
  @HttpCode(204)
  @ApiToegang(WIE)
  @ApiOperation({ operationId: 'deleteAccountRol', summary: 'Rol intrekken', description: 'Neemt het account deze rol af. Een gemeentebeheerder kan zijn eigen beheer niet intrekken.' })
  @ApiNoContentResponse({ description: 'Ingetrokken (of het account had de rol niet).' })
  @ApiProblem(400, 'Ongeldig account-id of rol.')
  @ApiProblem(404, 'Dit account bestaat niet in deze gemeente.')
  async intrekken(@Param() { id, rol }: AccountRolParams, @CallerContext() context: MessageContext): Promise<void> {
    await this.bouwstenen.request(ROL_SUBJECTS.intrekken, { accountId: id, rol }, context);
  }
}
