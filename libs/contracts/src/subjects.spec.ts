import { BOUWSTENEN } from './bouwstenen';
import { GEMEENTE_EVENTS, GEMEENTE_SUBJECTS } from './identity';
import { CONTRACT_VERSION, EVENT_STREAM_SUBJECTS, eventSubject, healthSubject, queueGroup, requestSubject } from './subjects';

describe('subjects', () => {
  it('builds request subjects as <bouwsteen>.v1.<resource>.<action>', () => {
    expect(requestSubject('identity', 'gemeenten', 'get')).toBe('identity.v1.gemeenten.get');
    expect(requestSubject('samenspreker', 'samenspraak-tafels', 'fase-wijzigen')).toBe('samenspreker.v1.samenspraak-tafels.fase-wijzigen');
    expect(CONTRACT_VERSION).toBe('v1');
  });

  it('builds event subjects under evt., which the event stream captures', () => {
    const subject = eventSubject('identity', 'gemeente-vastgelegd');
    expect(subject).toBe('evt.identity.v1.gemeente-vastgelegd');
    // The stream takes `evt.>`; a subject outside it would be published to no stream at all.
    expect(EVENT_STREAM_SUBJECTS).toEqual(['evt.>']);
    expect(subject.startsWith('evt.')).toBe(true);
  });

  it('gives every bouwsteen a health subject and a queue group of its own name', () => {
    for (const b of BOUWSTENEN) {
      expect(healthSubject(b)).toBe(`${b}.v1.health`);
      expect(queueGroup(b)).toBe(b);
    }
  });

  // A dot or wildcard in a token would silently change which handler (or which stream) a
  // message reaches, so a bad token must fail where the contract is declared.
  it.each([
    ['upper case', 'Gemeenten'],
    ['a dot (extra token)', 'gemeenten.get'],
    ['a wildcard', '*'],
    ['a full wildcard', '>'],
    ['a space', 'gemeente lijst'],
    ['an empty token', ''],
    ['a leading digit', '1gemeenten'],
    ['a leading dash', '-gemeenten'],
    ['an underscore', 'gemeente_lijst'],
  ])('rejects a token with %s', (_what, token) => {
    expect(() => requestSubject('identity', token, 'get')).toThrow(/Invalid subject resource/);
    expect(() => requestSubject('identity', 'gemeenten', token)).toThrow(/Invalid subject action/);
    expect(() => eventSubject('identity', token)).toThrow(/Invalid subject event/);
  });

  it('declares the identity contract subjects', () => {
    expect(GEMEENTE_SUBJECTS).toEqual({
      get: 'identity.v1.gemeenten.get',
      list: 'identity.v1.gemeenten.list',
      upsert: 'identity.v1.gemeenten.upsert',
      vastleggen: 'identity.v1.gemeenten.vastleggen',
      instellingenWijzigen: 'identity.v1.gemeenten.instellingen-wijzigen',
    });
    expect(GEMEENTE_EVENTS.vastgelegd).toBe('evt.identity.v1.gemeente-vastgelegd');
    expect(GEMEENTE_EVENTS.instellingenGewijzigd).toBe('evt.identity.v1.gemeente-instellingen-gewijzigd');
  });
});
