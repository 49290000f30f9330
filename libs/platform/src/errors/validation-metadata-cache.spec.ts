import { IsInt, IsString, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Persoon {
  @IsString()
  naam!: unknown;
}

class Inwoner extends Persoon {
  @IsString()
  buurt!: unknown;
}

const fouten = (value: object) => validateSync(value).map((e) => e.property).sort();

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('keeps the rules of a class per set of options', () => {
    const storage = getMetadataStorage();
    expect(storage.getTargetValidationMetadatas(Persoon, '', false, false)).toBe(storage.getTargetValidationMetadatas(Persoon, '', false, false));
    expect(storage.getTargetValidationMetadatas(Persoon, '', false, false, ['a'])).not.toBe(storage.getTargetValidationMetadatas(Persoon, '', false, false));
  });

  it('validates as before, inherited rules included', () => {
    expect(fouten(Object.assign(new Persoon(), { naam: 1 }))).toEqual(['naam']);
    expect(fouten(Object.assign(new Inwoner(), { naam: 1, buurt: 2 }))).toEqual(['buurt', 'naam']);
    expect(fouten(Object.assign(new Inwoner(), { naam: 'Sam', buurt: 'BU06370101' }))).toEqual([]);
  });

  it('forgets what it kept when a rule is added later', () => {
    expect(fouten(Object.assign(new Persoon(), { naam: 'Sam', leeftijd: 'oud' }))).toEqual([]);
    IsInt()(Persoon.prototype, 'leeftijd');
    expect(fouten(Object.assign(new Persoon(), { naam: 'Sam', leeftijd: 'oud' }))).toEqual(['leeftijd']);
    // A subclass sees its parent's new rule too.
    expect(fouten(Object.assign(new Inwoner(), { naam: 'Sam', buurt: 'BU06370101', leeftijd: 'oud' }))).toEqual(['leeftijd']);
  });
});
