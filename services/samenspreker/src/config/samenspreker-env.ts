import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnv } from '@samen/platform';

/** samenspreker's own settings on top of every service's. Names and meaning: docs/operations.md. */
export class SamensprekerEnv extends ServiceEnv {
  /** How often to look for vraagstukken whose reactietermijn passed; the public mark is at most this late. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  REACTIETERMIJN_CONTROLE_MS = 60_000;
}
