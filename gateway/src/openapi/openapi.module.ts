import { Module } from '@nestjs/common';
import { DocumentatieController } from './documentatie.controller';
import { OpenApiController } from './openapi.controller';
import { PublishedOpenApi } from './published-openapi';

/** The API's description: /openapi.json for machines, /documentatie for people. */
@Module({
  controllers: [OpenApiController, DocumentatieController],
  providers: [PublishedOpenApi],
  exports: [PublishedOpenApi],
})
export class OpenApiModule {}
