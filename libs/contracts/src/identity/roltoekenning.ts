import { IsIn, IsUUID } from 'class-validator';
import { eventSubject, requestSubject } from '../subjects';
import type { Rol } from './rollen';

/**
 * Granting and revoking roles within a gemeente (issue 3). `platformbeheerder` is never granted
 * over the API, and `inwoner` is what every account is.
 */
export const TOEKENBARE_ROLLEN = ['gemeentebeheerder', 'ambtenaar', 'moderator'] as const satisfies readonly Rol[];
export type ToekenbareRol = (typeof TOEKENBARE_ROLLEN)[number];

export const ROL_SUBJECTS = {
  /** gemeentebeheerder (platformbeheerder for gemeentebeheerder). Reply: {@link AccountRollenView}. Idempotent. */
  toekennen: requestSubject('identity', 'rollen', 'toekennen'),
  /** Same callers. Reply: {@link AccountRollenView}. Idempotent. */
  intrekken: requestSubject('identity', 'rollen', 'intrekken'),
};

export const ROL_EVENTS = {
  /** Every change of an account's roles (BIO 5.18.01: changes of privileged accounts are monitored). */
  gewijzigd: eventSubject('identity', 'rollen-gewijzigd'),
};

export class RolWijziging {
  @IsUUID('4')
  accountId: string;

  @IsIn(TOEKENBARE_ROLLEN, { message: `rol moet een van ${TOEKENBARE_ROLLEN.join(', ')} zijn` })
  rol: ToekenbareRol;
}

export interface AccountRollenView {
  accountId: string;
  gemeente: string;
  rollen: Rol[];
}

/** Payload of `evt.identity.v1.rollen-gewijzigd`: ids and roles only. */
export interface RollenGewijzigd {
  accountId: string;
  rol: ToekenbareRol;
  toegekend: boolean;
  rollen: Rol[];
  /** The account that made the change. */
  door: string;
}
