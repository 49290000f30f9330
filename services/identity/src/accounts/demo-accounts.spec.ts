import { beoordeelWachtwoord } from './wachtwoord-beleid';
import { DEMO_WACHTWOORD, demoEmail } from './demo-accounts';
import { isStaf } from '../sessies/sessies.service';
import { normaliseerEmail } from './accounts.service';

describe('demo accounts and small account rules', () => {
  it('names demo addresses after the gemeente; the platformbeheerder has none', () => {
    expect(demoEmail('ambtenaar', 'Zoetermeer')).toBe('ambtenaar@zoetermeer.demo');
    expect(demoEmail('inwoner', "'s-Gravenhage")).toBe('inwoner@sgravenhage.demo');
    expect(demoEmail('moderator', 'Súdwest-Fryslân')).toBe('moderator@sudwestfryslan.demo');
    expect(demoEmail('platformbeheerder', 'Zoetermeer')).toBe('platformbeheerder@samen.demo');
  });

  it('the demo password passes the policy (demo accounts follow the same rules)', () => {
    expect(beoordeelWachtwoord(DEMO_WACHTWOORD).ok).toBe(true);
  });

  it('every role but inwoner is staff', () => {
    expect(isStaf(['inwoner'])).toBe(false);
    expect(isStaf([])).toBe(false);
    for (const rol of ['platformbeheerder', 'gemeentebeheerder', 'ambtenaar', 'moderator']) expect(isStaf(['inwoner', rol])).toBe(true);
  });

  it('e-mail addresses are compared lower-cased and trimmed', () => {
    expect(normaliseerEmail('  Anna@Example.ORG ')).toBe('anna@example.org');
  });
});
