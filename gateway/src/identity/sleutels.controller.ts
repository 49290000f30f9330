import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SLEUTEL_SUBJECTS, type Jwks, type MessageContext } from '@samen/contracts';
import { BouwsteenClient, Publiek } from '@samen/platform';
import { ApiCallerContext, CallerContext } from '../http/caller-context';
import { ApiProblem } from '../problems/problem.dto';
import { SleutelsetDto, type SleutelDto } from './sleutels.dto';

/**
 * Short: a verifier that meets an unknown kid fetches again anyway, and a rotated-out key must
 * not linger long in caches.
 */
const MAX_AGE_SECONDS = 60;

/** identity's public signing keys, for anyone who wants to verify an access token. */
@ApiTags('sleutels')
@ApiCallerContext()
@Publiek()
@Controller('sleutels')
export class SleutelsController {
  constructor(private readonly bouwstenen: BouwsteenClient) {}

  @Get()
  @Header('Cache-Control', `public, max-age=${MAX_AGE_SECONDS}`)
  @ApiOperation({
    operationId: 'getSleutels',
    summary: 'Publieke sleutels (JWKS)',
    description:
      'De publieke sleutels van identity (JSON Web Key Set). Een toegangstoken is een JWT (EdDSA) met de sleutel-id (`kid`) in de kop; ' +
      'na een sleutelwissel blijft de vorige sleutel hier staan tot alle tokens ervan verlopen zijn.',
  })
  @ApiOkResponse({ description: 'De sleutelset.', type: SleutelsetDto })
  @ApiProblem(503, 'identity draait nu niet, of de berichtenbus is niet bereikbaar.')
  @ApiProblem(504, 'identity antwoordde niet op tijd.')
  async get(@CallerContext() context: MessageContext): Promise<SleutelsetDto> {
    const jwks = await this.bouwstenen.request<Jwks>(SLEUTEL_SUBJECTS.jwks, {}, context);
    return { keys: jwks.keys.map(toSleutel) };
  }
}

/** Copies only the public members: whatever else might be in a key never leaves. */
function toSleutel(key: Jwks['keys'][number]): SleutelDto {
  return { kid: key.kid, kty: key.kty, crv: String(key.crv), x: String(key.x), alg: String(key.alg), use: String(key.use) };
}
