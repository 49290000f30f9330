import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { ApiProblem } from '../problems/problem.dto';

/** Name of the OpenAPI security scheme of identity's access tokens (JWT, EdDSA). */
export const TOKEN_SECURITY_SCHEME = 'toegangstoken';

/** Documents a route that needs an access token: the scheme, and its 401 and 403. */
export function ApiToegang(forbidden = 'Het toegangstoken geeft hier geen toegang (rol of gemeente).'): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(TOKEN_SECURITY_SCHEME),
    ApiProblem(401, 'Geen, een ongeldig of een verlopen toegangstoken.'),
    ApiProblem(403, forbidden),
  );
}
