import { Injectable } from '@nestjs/common';

/**
 * The time that opens and closes stemmingen. One provider, so an integration test can move it past
 * an opening or closing time instead of waiting for it (rules must be published before opening).
 */
@Injectable()
export class Klok {
  nu(): Date {
    return new Date();
  }
}
