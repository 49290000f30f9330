import { OPLOSSING_EVENTS, OPLOSSING_SUBJECTS } from './oplossing';
import { REACTIE_EVENTS, REACTIE_SUBJECTS } from './reactie';
import { RONDE_EVENTS, RONDE_SUBJECTS } from './ronde';

describe('samenspreker rondes, oplossingen and reacties subjects', () => {
  it('keep their names: other bouwstenen and replacements depend on them', () => {
    expect(RONDE_SUBJECTS).toEqual({
      open: 'samenspreker.v1.rondes.open',
      list: 'samenspreker.v1.rondes.list',
      get: 'samenspreker.v1.rondes.get',
      sluit: 'samenspreker.v1.rondes.sluit',
    });
    expect(OPLOSSING_SUBJECTS).toEqual({
      create: 'samenspreker.v1.oplossingen.create',
      get: 'samenspreker.v1.oplossingen.get',
      versieToevoegen: 'samenspreker.v1.oplossingen.versie-toevoegen',
      positieInnemen: 'samenspreker.v1.oplossingen.positie-innemen',
    });
    expect(REACTIE_SUBJECTS).toEqual({ create: 'samenspreker.v1.reacties.create', list: 'samenspreker.v1.reacties.list', verberg: 'samenspreker.v1.reacties.verberg' });
    expect([...Object.values(RONDE_EVENTS), ...Object.values(OPLOSSING_EVENTS), ...Object.values(REACTIE_EVENTS)]).toEqual([
      'evt.samenspreker.v1.ronde-geopend',
      'evt.samenspreker.v1.ronde-gesloten',
      'evt.samenspreker.v1.oplossing-ingediend',
      'evt.samenspreker.v1.oplossing-versie-toegevoegd',
      'evt.samenspreker.v1.oplossing-positie-ingenomen',
      'evt.samenspreker.v1.reactie-geplaatst',
      'evt.samenspreker.v1.reactie-verborgen',
    ]);
  });
});
