import type { ActieStatus, VoortgangStatus } from '@samen/contracts';
import { DomainError } from '@samen/platform';

/** Afgerond and gesloten are final: nothing is reported on them any more, and they block nothing. */
export const OPEN_ACTIE_STATUSSEN: readonly ActieStatus[] = ['gepland', 'bezig'];

export function isOpen(status: ActieStatus): boolean {
  return OPEN_ACTIE_STATUSSEN.includes(status);
}

/**
 * Late: the deadline (a Dutch calendar day, the last day it may be finished on) has passed and the
 * actie is still open. `vandaag` is today's Dutch date (YYYY-MM-DD).
 */
export function isTeLaat(actie: { deadline: string; status: ActieStatus }, vandaag: string): boolean {
  return isOpen(actie.status) && actie.deadline < vandaag;
}

/**
 * The state after a progress report, or the reason it is refused:
 * - CONFLICT when the actie is already afgerond or gesloten;
 * - VALIDATION_FAILED for afgerond below 100% (afgerond means done);
 * - RULE_VIOLATED when the percentage drops below the previous report: progress is a public record
 *   of delivery that monitoring adds up, so it only goes forward; a setback is told in the toelichting.
 * Any report starts the work: gepland becomes bezig.
 */
export function naVoortgang(
  actie: { status: ActieStatus; percentage: number },
  melding: { percentage: number; status?: VoortgangStatus },
): { status: VoortgangStatus; percentage: number } {
  if (!isOpen(actie.status)) {
    throw new DomainError('CONFLICT', `Deze actie is al ${actie.status}; er kan geen voortgang meer bij.`);
  }
  const status = melding.status ?? 'bezig';
  if (status === 'afgerond' && melding.percentage !== 100) {
    throw DomainError.validation([{ name: 'percentage', code: 'afgerondIs100', reason: 'Een afgeronde actie staat op 100%.' }]);
  }
  if (melding.percentage < actie.percentage) {
    throw new DomainError('RULE_VIOLATED', `De voortgang gaat niet terug: de vorige melding was ${actie.percentage}%. Vertel een tegenvaller in de toelichting.`);
  }
  return { status, percentage: melding.percentage };
}

/** Only an open actie can be closed; a finished one is not "closed unfinished". */
export function vereisSluitbaar(status: ActieStatus): void {
  if (!isOpen(status)) throw new DomainError('CONFLICT', `Deze actie is al ${status}; sluiten kan alleen een actie die nog loopt of gepland is.`);
}
