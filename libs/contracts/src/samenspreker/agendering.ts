import { IsIn, IsOptional } from 'class-validator';
import type { Segment } from '../identity/rollen';
import { eventSubject, requestSubject } from '../subjects';
import { VraagstukId, type VraagstukFase, type VraagstukSteun } from './vraagstuk';

/**
 * Agendering (issue 4): support for a vraagstuk until it reaches the gemeente's steundrempel, and
 * the gemeente's promise to respond within its reactietermijn. Only the number of supporters is
 * public, never who they are (AVG).
 */
export const STEUN_SUBJECTS = {
  /** Logged in, while in agendering. Request {@link SteunBetuiging}; reply {@link SteunbetuigingView}. */
  create: requestSubject('samenspreker', 'steunbetuigingen', 'create'),
  /** Logged in, while in agendering: withdraws the caller's own (or their organisation's). Request {@link SteunIntrekking}; reply {@link VraagstukSteun}. */
  intrekken: requestSubject('samenspreker', 'steunbetuigingen', 'intrekken'),
};

export const AGENDERING_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.vraagstuk.steun-betuigd.v1`; data {@link VraagstukSteunGewijzigd}. */
  steunBetuigd: eventSubject('samenspreker', 'vraagstuk-steun-betuigd'),
  /** CloudEvents type `nl.samen.samenspreker.vraagstuk.steun-ingetrokken.v1`; data {@link VraagstukSteunGewijzigd}. */
  steunIngetrokken: eventSubject('samenspreker', 'vraagstuk-steun-ingetrokken'),
  /** CloudEvents type `nl.samen.samenspreker.vraagstuk.reactietermijn-verstreken.v1`; data {@link VraagstukReactietermijnVerstreken}. */
  reactietermijnVerstreken: eventSubject('samenspreker', 'vraagstuk-reactietermijn-verstreken'),
};

/** For whom the caller gives support: as themselves, or for the organisation their token names. */
export const STEUN_NAMENS = ['mijzelf', 'organisatie'] as const;
export type SteunNamens = (typeof STEUN_NAMENS)[number];

export class SteunBetuiging extends VraagstukId {
  /** Default `mijzelf`. */
  @IsOptional()
  @IsIn(STEUN_NAMENS)
  namens?: SteunNamens;
}

/** Which of the caller's steunbetuigingen to withdraw: their own (default) or their organisation's. */
export class SteunIntrekking extends SteunBetuiging {}

/** The caller's steunbetuiging, with the vraagstuk's support and phase after it (it may have gone on the agenda). */
export interface SteunbetuigingView {
  vraagstukId: string;
  namens: SteunNamens;
  segment: Segment;
  organisatie?: string;
  /** UTC date-time. */
  tijdstip: string;
  steun: VraagstukSteun;
  fase: VraagstukFase;
}

/** Payload of `evt.samenspreker.v1.vraagstuk-steun-betuigd` and `…-steun-ingetrokken`: counts and segment, no account (AVG). */
export interface VraagstukSteunGewijzigd {
  id: string;
  gemeente: string;
  /** The number of steunbetuigingen after this one. */
  aantal: number;
  drempel: number;
  /** The segment the support was given for. */
  segment: Segment;
  /** UTC date-time. */
  tijdstip: string;
}

/** Payload of `evt.samenspreker.v1.vraagstuk-reactietermijn-verstreken`: recorded once per vraagstuk. */
export interface VraagstukReactietermijnVerstreken {
  id: string;
  gemeente: string;
  /** UTC date-time the gemeente had promised to respond by. */
  uiterlijk: string;
}
