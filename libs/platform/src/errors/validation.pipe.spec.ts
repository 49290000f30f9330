import { UpsertGemeente } from '@samen/contracts';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation.pipe';

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: UpsertGemeente });

  it('passes a valid payload as an instance of the contract class', async () => {
    const result: unknown = await validate({ code: 'GM0637', naam: 'Zoetermeer', bouwstenen: ['identity'] });
    expect(result).toBeInstanceOf(UpsertGemeente);
  });

  it('rejects with one VALIDATION_FAILED error naming every problem, unknown fields included', async () => {
    const error: unknown = await validate({ code: 'Zoetermeer', naam: '', bouwstenen: ['identity', 'identity', 'agenda'], extra: 1 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.code).toBe('VALIDATION_FAILED');
    expect(domain.status).toBe(400);
    expect(domain.invalidParams?.map((p) => `${p.name}:${p.code}`).sort()).toEqual(
      ['bouwstenen:arrayUnique', 'bouwstenen:isIn', 'code:matches', 'extra:whitelistValidation', 'naam:isLength'].sort(),
    );
  });
});
