import { TIJDLIJN_SUBJECTS } from './tijdlijn';

describe('samenspreker tijdlijn subjects', () => {
  it('are the names of the AsyncAPI document', () => {
    expect(TIJDLIJN_SUBJECTS).toEqual({ list: 'samenspreker.v1.tijdlijn.list', verify: 'samenspreker.v1.tijdlijn.verify' });
  });
});
