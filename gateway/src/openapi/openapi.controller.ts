import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController, type OpenAPIObject } from '@nestjs/swagger';
import { Publiek } from '@samen/platform';
import { PublishedOpenApi } from './published-openapi';

/**
 * GET /api/v1/openapi.json (ADR /core/publish-openapi): no authentication, CORS `*` (see
 * http/cors.ts). Excluded from generation because finalizeOpenApi describes it by hand.
 */
@ApiExcludeController()
@Publiek()
@Controller()
export class OpenApiController {
  constructor(private readonly openApi: PublishedOpenApi) {}

  @Get('openapi.json')
  document(): OpenAPIObject {
    return this.openApi.document;
  }
}
