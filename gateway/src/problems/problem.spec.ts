import { ERROR_CODES, type ErrorCode } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { problemType, toProblem } from './problem';
import { PROBLEM_TEXTS } from './problem-texts';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

describe('problem mapper', () => {
  it.each(CODES)('%s has a Dutch title and detail and keeps the status of the contract', (code) => {
    const problem = toProblem(new DomainError(code, 'Uitleg.'), '/api/v1/x', 'corr-1');

    expect(PROBLEM_TEXTS[code].title).toMatch(/\S/);
    expect(PROBLEM_TEXTS[code].detail).toMatch(/\S/);
    expect(problem).toEqual({
      type: problemType(code),
      title: PROBLEM_TEXTS[code].title,
      status: ERROR_CODES[code],
      detail: 'Uitleg.',
      instance: '/api/v1/x',
      code,
      correlationId: 'corr-1',
    });
  });

  it('has no texts for codes the contract does not know', () => {
    expect(Object.keys(PROBLEM_TEXTS).sort()).toEqual([...CODES].sort());
  });

  it('gives every code its own title, so a client can tell them apart by title too', () => {
    const titles = CODES.map((code) => PROBLEM_TEXTS[code].title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('names what is allowed now with a conflict, as the toegestaan member', () => {
    expect(toProblem(DomainError.conflict('Kan niet.', ['besluitvorming']), '/x', 'c').toegestaan).toEqual(['besluitvorming']);
    expect(toProblem(new DomainError('CONFLICT', 'Kan niet.'), '/x', 'c')).not.toHaveProperty('toegestaan');
  });

  it('derives a stable URN type from the code', () => {
    expect(problemType('VALIDATION_FAILED')).toBe('urn:samen:probleem:validation-failed');
    expect(problemType('BOUWSTEEN_ABSENT')).toBe('urn:samen:probleem:bouwsteen-absent');
  });

  it('lists every invalid param under invalid-params, and leaves the member out when there are none', () => {
    const params = [
      { name: 'naam', code: 'isLength', reason: 'te lang' },
      { name: 'bouwstenen', code: 'isIn', reason: 'onbekend' },
    ];
    expect(toProblem(DomainError.validation(params), '/p', 'c')['invalid-params']).toEqual(params);
    expect(toProblem(DomainError.validation([]), '/p', 'c')).not.toHaveProperty('invalid-params');
  });
});
