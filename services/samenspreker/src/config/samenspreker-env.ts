import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { ServiceEnv } from '@samen/platform';
import { EXPORT_PAGINA_BYTES } from '../stemming/export';

/** samenspreker's own settings on top of every service's. Names and meaning: docs/operations.md. */
export class SamensprekerEnv extends ServiceEnv {
  /** How often to look for vraagstukken whose reactietermijn passed; the public mark is at most this late. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  REACTIETERMIJN_CONTROLE_MS = 60_000;

  /** How long the gemeente's settings from identity are reused; a change there applies to new vraagstukken at most this late (0: ask every time). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300_000)
  GEMEENTE_INSTELLINGEN_BEWAARTIJD_MS = 10_000;

  /**
   * Bytes of ballots or receipts per page of a stemming's export over NATS (the gateway streams the
   * pages as one file). Under NATS's max_payload (1 MiB by default) with room for the envelope.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(768 * 1024)
  STEMMING_EXPORT_PAGINA_BYTES = EXPORT_PAGINA_BYTES;

  /**
   * Key of the per-vraagstuk pseudonyms the public sees instead of account ids. Required in
   * production (without it anyone could recompute who is who); elsewhere a fixed development key
   * is used, so `npm run up` works without setup.
   */
  @ValidateIf((env: SamensprekerEnv) => env.NODE_ENV === 'production' || env.SAMENSPREKER_PSEUDONIEM_SLEUTEL !== undefined)
  @IsString({ message: 'SAMENSPREKER_PSEUDONIEM_SLEUTEL is verplicht in productie' })
  @MinLength(32, { message: 'SAMENSPREKER_PSEUDONIEM_SLEUTEL moet minstens 32 tekens lang zijn' })
  SAMENSPREKER_PSEUDONIEM_SLEUTEL?: string;
}
