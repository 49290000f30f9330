import type { ValidationError } from 'class-validator';
import type { InvalidParam } from '@samen/contracts';

/** Flattens class-validator's tree into one list, so a 400 names every wrong field at once. */
export function toInvalidParams(errors: ValidationError[], prefix = ''): InvalidParam[] {
  const params: InvalidParam[] = [];
  for (const error of errors) {
    const name = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [code, reason] of Object.entries(error.constraints ?? {})) {
      params.push({ name, code, reason: translate(code, reason, error.property) });
    }
    if (error.children?.length) params.push(...toInvalidParams(error.children, name));
  }
  return params;
}

/** Dutch messages for the class-validator rules the contracts use; custom messages stay as written. */
function translate(code: string, reason: string, property: string): string {
  const dutch: Record<string, string> = {
    whitelistValidation: `${property} is hier niet toegestaan (onbekend veld).`,
    isNotEmpty: `${property} mag niet leeg zijn.`,
    isString: `${property} moet tekst zijn.`,
    isInt: `${property} moet een geheel getal zijn.`,
    isNumber: `${property} moet een getal zijn.`,
    isBoolean: `${property} moet waar of onwaar zijn.`,
    isUuid: `${property} moet een UUID zijn.`,
    isArray: `${property} moet een lijst zijn.`,
    isDateString: `${property} moet een datum of tijdstip (ISO 8601) zijn.`,
    isIso8601: `${property} moet een datum of tijdstip (ISO 8601) zijn.`,
    isEmail: `${property} moet een e-mailadres zijn.`,
    isIn: `${property} heeft een waarde die niet is toegestaan.`,
    isEnum: `${property} heeft een waarde die niet is toegestaan.`,
    arrayUnique: `${property} bevat dubbele waarden.`,
  };
  if (dutch[code]) return dutch[code];
  if (code === 'isLength' || code === 'maxLength' || code === 'minLength' || code === 'min' || code === 'max') {
    return `${property} valt buiten de toegestane grenzen (${reason}).`;
  }
  return reason;
}
