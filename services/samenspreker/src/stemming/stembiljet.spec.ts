import { proefRegels } from './proefstemming';
import { beoordeelStembiljet, biljetTekst } from './stembiljet';

const regels = proefRegels();
const beoordeel = (antwoorden: Record<string, unknown>) => beoordeelStembiljet(regels, { antwoorden });
const codes = (antwoorden: Record<string, unknown>) => beoordeel(antwoorden).fouten.map((f) => `${f.name}:${f.code}`);

describe('stembiljet', () => {
  it('writes a complete ballot as the chosen options in the order of the rules', () => {
    expect(beoordeel({ bomen: 'nee', plein: 'ja', tempo: 'later' })).toEqual({ biljet: ['ja', 'later', 'nee'], fouten: [] });
  });

  it.each([
    ['left out', {}],
    ['null', { plein: null }],
    ['blanco', { plein: 'blanco' }],
    ['no mark on paper', { plein: [] }],
  ])('takes a question %s as blank, which is not a fault', (_, antwoorden) => {
    expect(beoordeel({ tempo: 'later', bomen: 'ja', ...antwoorden })).toEqual({ biljet: ['blanco', 'later', 'ja'], fouten: [] });
  });

  it('takes one mark on paper as that option', () => {
    expect(beoordeel({ plein: ['nee'], tempo: ['dit-jaar'], bomen: ['ja'] }).biljet).toEqual(['nee', 'dit-jaar', 'ja']);
  });

  it.each([
    ['two marks', ['ja', 'nee'], 'meerdereKeuzes'],
    ['an unknown option', 'misschien', 'isIn'],
    ["another question's option", 'later', 'isIn'],
    ['a number', 1, 'isIn'],
    ['an object', { ja: true }, 'isIn'],
    ['the official entering ongeldig', 'ongeldig', 'ongeldig'],
  ])('makes only that question invalid for %s; the other answers count', (_, plein, code) => {
    expect(beoordeel({ plein, tempo: 'later', bomen: 'ja' }).biljet).toEqual(['ongeldig', 'later', 'ja']);
    expect(codes({ plein, tempo: 'later', bomen: 'ja' })).toEqual([`antwoorden.plein:${code}`]);
  });

  it('reports a question the stemming does not have, without changing the answers it does have', () => {
    expect(beoordeel({ plein: 'ja', parkeren: 'ja' })).toEqual({
      biljet: ['ja', 'blanco', 'blanco'],
      fouten: [{ name: 'antwoorden.parkeren', code: 'onbekendeVraag', reason: expect.stringContaining("geen vraag 'parkeren'") }],
    });
  });

  it('does not read inherited properties as answers', () => {
    expect(beoordeel(Object.create({ plein: 'ja' }) as Record<string, unknown>)).toEqual({ biljet: ['blanco', 'blanco', 'blanco'], fouten: [] });
  });

  it.each([null, 'ja', [], { antwoorden: null }, { antwoorden: ['ja'] }])('refuses %p as not a ballot at all', (invoer) => {
    expect(() => beoordeelStembiljet(regels, invoer)).toThrow(TypeError);
  });

  it('has a canonical text with no account, time or channel in it', () => {
    expect(biljetTekst(['ja', 'blanco', 'ongeldig'])).toBe('["ja","blanco","ongeldig"]');
  });
});
