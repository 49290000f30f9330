import { Injectable } from '@nestjs/common';
import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Holds the document served at /openapi.json. It can only be built from the finished app (see
 * createGateway), after the controller that serves it already exists, so it is handed over here.
 */
@Injectable()
export class PublishedOpenApi {
  private published?: OpenAPIObject;

  publish(document: OpenAPIObject): void {
    this.published = document;
  }

  get document(): OpenAPIObject {
    if (!this.published) throw new Error('OpenAPI document requested before createGateway published it');
    return this.published;
  }
}
