import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { WijzigInstellingen } from '../identity/gemeente';
import { NieuweVersie } from './oplossing';
import { NieuwVraagstuk } from './vraagstuk';

/**
 * class-validator skips @ValidateNested when the value is absent: a required nested object needs
 * @IsDefined too, or a request without it passes validation and fails later as a 500.
 */
describe('required nested objects are refused when absent', () => {
  const fouten = (cls: new () => object, plain: object) => validateSync(plainToInstance(cls, plain) as object).map((e) => e.property);

  it('NieuwVraagstuk.gebied', () => {
    expect(fouten(NieuwVraagstuk, { soort: 'probleem', titel: 'Gladde stoep', omschrijving: 'Glad.' })).toContain('gebied');
  });

  it('NieuweVersie.overgenomen', () => {
    expect(fouten(NieuweVersie, { omschrijving: 'Nieuwe tekst.' })).toContain('overgenomen');
  });

  it('WijzigInstellingen.instellingen', () => {
    expect(fouten(WijzigInstellingen, { code: 'GM0637' })).toContain('instellingen');
  });
});
