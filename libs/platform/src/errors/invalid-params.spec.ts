import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, Length, Matches, ValidateNested, validateSync } from 'class-validator';
import { toInvalidParams } from './invalid-params';

class Adres {
  @IsString()
  straat: string;

  @Matches(/^\d{4}[A-Z]{2}$/, { message: 'postcode moet 1234AB zijn' })
  postcode: string;
}

class Regel {
  @IsString()
  tekst: string;
}

class Aanvraag {
  @IsString()
  @Length(1, 5)
  naam: string;

  @IsInt()
  leeftijd: number;

  @ValidateNested()
  @Type(() => Adres)
  adres: Adres;

  @ValidateNested({ each: true })
  @Type(() => Regel)
  regels: Regel[];
}

function paramsOf(plain: object) {
  return toInvalidParams(validateSync(plainToInstance(Aanvraag, plain)));
}

describe('toInvalidParams', () => {
  it('lists every failed rule of every field, nested fields by dotted path', () => {
    const params = paramsOf({ naam: 12345678, leeftijd: 'oud', adres: { straat: 3, postcode: 'x' }, regels: [{ tekst: 'ok' }, { tekst: 5 }] });
    expect(params.map((p) => `${p.name}:${p.code}`).sort()).toEqual(
      [
        'naam:isString',
        'naam:isLength',
        'leeftijd:isInt',
        'adres.straat:isString',
        'adres.postcode:matches',
        'regels.1.tekst:isString',
      ].sort(),
    );
  });

  it('gives Dutch reasons for known rules and keeps a custom message', () => {
    const params = paramsOf({ naam: 'te lange naam', leeftijd: 1, adres: { straat: 'Markt', postcode: 'x' }, regels: [] });
    expect(params).toEqual([
      { name: 'naam', code: 'isLength', reason: expect.stringMatching(/^naam valt buiten de toegestane grenzen \(/) },
      { name: 'adres.postcode', code: 'matches', reason: 'postcode moet 1234AB zijn' },
    ]);
  });

  it('returns nothing for valid input', () => {
    expect(paramsOf({ naam: 'Anne', leeftijd: 40, adres: { straat: 'Markt', postcode: '2711AB' }, regels: [{ tekst: 'x' }] })).toEqual([]);
  });
});
