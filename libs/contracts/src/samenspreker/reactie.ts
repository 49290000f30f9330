import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import type { SamenspraakAuteur } from './oplossing';

/**
 * Reacties (issue 4): the public discussion of a vraagstuk and of each oplossing, threaded by
 * `antwoordOp`. Any logged-in account of the gemeente may take part; a moderator may hide one.
 */
export const REACTIE_SUBJECTS = {
  /** Logged in (the gemeente's). Request {@link NieuweReactie}; reply {@link ReactieView}. */
  create: requestSubject('samenspreker', 'reacties', 'create'),
  /** Public. Request {@link ReactieLijstVraag}; reply {@link ReactieList}. */
  list: requestSubject('samenspreker', 'reacties', 'list'),
  /** Moderator of the gemeente. Request {@link ReactieVerbergen}; reply {@link ReactieView}. */
  verberg: requestSubject('samenspreker', 'reacties', 'verberg'),
};

export const REACTIE_EVENTS = {
  /** CloudEvents type `nl.samen.samenspreker.reactie.geplaatst.v1`; data {@link ReactieGeplaatst}. */
  geplaatst: eventSubject('samenspreker', 'reactie-geplaatst'),
  /** CloudEvents type `nl.samen.samenspreker.reactie.verborgen.v1`; data {@link ReactieVerborgen}. */
  verborgen: eventSubject('samenspreker', 'reactie-verborgen'),
};

export const REACTIES_MAX_LIMIET = 200;
export const REACTIES_STANDAARD_LIMIET = 50;

export class NieuweReactie {
  @IsUUID()
  vraagstukId: string;

  /** On this oplossing's discussion; without it on the vraagstuk's. */
  @IsOptional()
  @IsUUID()
  oplossingId?: string;

  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: 'tekst mag niet leeg zijn' })
  tekst: string;

  /** The reactie this one answers, in the same discussion. */
  @IsOptional()
  @IsUUID()
  antwoordOp?: string;
}

/** Oldest first, keyset on (tijdstip, id): `na` is the previous page's `volgende`. */
export class ReactieLijstVraag {
  @IsUUID()
  vraagstukId: string;

  @IsOptional()
  @IsUUID()
  oplossingId?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'na moet een cursor uit een vorig antwoord zijn' })
  na?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(REACTIES_MAX_LIMIET)
  limiet?: number;
}

export class ReactieVerbergen {
  @IsUUID()
  vraagstukId: string;

  @IsUUID()
  reactieId: string;

  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'reden mag niet leeg zijn' })
  reden: string;
}

/** A visible reactie has `tekst` and `auteur`; a hidden one only `verborgen: true` and `reden`, so threads keep their shape. */
export interface ReactieView {
  id: string;
  vraagstukId: string;
  oplossingId?: string;
  antwoordOp?: string;
  /** UTC date-time. */
  tijdstip: string;
  auteur?: SamenspraakAuteur;
  tekst?: string;
  verborgen?: true;
  reden?: string;
}

export interface ReactieList {
  items: ReactieView[];
  volgende?: string;
}

/** Payload of `evt.samenspreker.v1.reactie-geplaatst`: ids and segment, not the text (it may be hidden later; events are durable). */
export interface ReactieGeplaatst {
  id: string;
  vraagstukId: string;
  gemeente: string;
  oplossingId?: string;
  antwoordOp?: string;
  segment: string;
}

/** Payload of `evt.samenspreker.v1.reactie-verborgen`. */
export interface ReactieVerborgen {
  id: string;
  vraagstukId: string;
  gemeente: string;
  reden: string;
}
