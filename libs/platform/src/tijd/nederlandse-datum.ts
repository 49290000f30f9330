/**
 * Today's date in the Netherlands (`YYYY-MM-DD`). Date-only fields (a deadline, the day of a
 * besluit, the last day a code works) mean a Dutch calendar day, not a UTC one.
 */
export function nederlandseDatum(nu: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(nu);
}
