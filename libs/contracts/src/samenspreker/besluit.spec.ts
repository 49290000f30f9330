import { ACTIE_EVENTS, ACTIE_SUBJECTS } from './actie';
import { BESLUIT_EVENTS, BESLUIT_SUBJECTS } from './besluit';
import { EVALUATIE_EVENTS, EVALUATIE_SUBJECTS } from './evaluatie';

describe('samenspreker subjects of besluit, uitvoering and evaluatie', () => {
  it('are the names of the AsyncAPI document', () => {
    expect(BESLUIT_SUBJECTS).toEqual({ create: 'samenspreker.v1.besluiten.create', list: 'samenspreker.v1.besluiten.list', get: 'samenspreker.v1.besluiten.get' });
    expect(ACTIE_SUBJECTS).toEqual({
      create: 'samenspreker.v1.acties.create',
      voortgang: 'samenspreker.v1.acties.voortgang',
      sluit: 'samenspreker.v1.acties.sluit',
      list: 'samenspreker.v1.acties.list',
    });
    expect(EVALUATIE_SUBJECTS).toEqual({ geef: 'samenspreker.v1.evaluaties.geef', samenvatten: 'samenspreker.v1.evaluaties.samenvatten', get: 'samenspreker.v1.evaluaties.get' });
  });

  it('publish one event per step', () => {
    expect([...Object.values(BESLUIT_EVENTS), ...Object.values(ACTIE_EVENTS), ...Object.values(EVALUATIE_EVENTS)]).toEqual([
      'evt.samenspreker.v1.besluit-gepubliceerd',
      'evt.samenspreker.v1.actie-aangemaakt',
      'evt.samenspreker.v1.actie-voortgang',
      'evt.samenspreker.v1.actie-gesloten',
      'evt.samenspreker.v1.evaluatie-gegeven',
      'evt.samenspreker.v1.evaluatie-samengevat',
    ]);
  });
});
