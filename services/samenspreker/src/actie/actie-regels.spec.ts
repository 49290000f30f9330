import { ACTIE_STATUSSEN } from '@samen/contracts';
import { DomainError } from '@samen/platform';
import { isOpen, isTeLaat, naVoortgang, vereisSluitbaar } from './actie-regels';

function fout(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('geen fout gegooid');
}

describe('actie-regels', () => {
  describe('isTeLaat', () => {
    it('is late only after the deadline day, and only while open', () => {
      expect(isTeLaat({ deadline: '2026-11-26', status: 'gepland' }, '2026-11-27')).toBe(true);
      expect(isTeLaat({ deadline: '2026-11-26', status: 'bezig' }, '2026-11-27')).toBe(true);
      // The deadline is the last day it may be finished on.
      expect(isTeLaat({ deadline: '2026-11-27', status: 'bezig' }, '2026-11-27')).toBe(false);
      expect(isTeLaat({ deadline: '2026-12-01', status: 'gepland' }, '2026-11-27')).toBe(false);
      expect(isTeLaat({ deadline: '2026-11-01', status: 'afgerond' }, '2026-11-27')).toBe(false);
      expect(isTeLaat({ deadline: '2026-11-01', status: 'gesloten' }, '2026-11-27')).toBe(false);
    });

    it('compares dates across months and years as calendar days', () => {
      expect(isTeLaat({ deadline: '2026-12-31', status: 'bezig' }, '2027-01-01')).toBe(true);
      expect(isTeLaat({ deadline: '2027-01-01', status: 'bezig' }, '2026-12-31')).toBe(false);
    });
  });

  it('knows gepland and bezig as the open statuses', () => {
    expect(ACTIE_STATUSSEN.filter(isOpen)).toEqual(['gepland', 'bezig']);
  });

  describe('naVoortgang', () => {
    it('starts a planned actie and keeps going forward', () => {
      expect(naVoortgang({ status: 'gepland', percentage: 0 }, { percentage: 0 })).toEqual({ status: 'bezig', percentage: 0 });
      expect(naVoortgang({ status: 'bezig', percentage: 40 }, { percentage: 40, status: 'bezig' })).toEqual({ status: 'bezig', percentage: 40 });
      expect(naVoortgang({ status: 'bezig', percentage: 40 }, { percentage: 100 })).toEqual({ status: 'bezig', percentage: 100 });
      expect(naVoortgang({ status: 'gepland', percentage: 0 }, { percentage: 100, status: 'afgerond' })).toEqual({ status: 'afgerond', percentage: 100 });
    });

    it('refuses a lower percentage than the previous report (RULE_VIOLATED)', () => {
      const e = fout(() => naVoortgang({ status: 'bezig', percentage: 60 }, { percentage: 59 }));
      expect(e.code).toBe('RULE_VIOLATED');
      expect(e.message).toContain('60%');
    });

    it('refuses afgerond below 100% (VALIDATION_FAILED)', () => {
      const e = fout(() => naVoortgang({ status: 'bezig', percentage: 60 }, { percentage: 90, status: 'afgerond' }));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.invalidParams?.[0]?.name).toBe('percentage');
    });

    it.each(['afgerond', 'gesloten'] as const)('refuses any report on a %s actie (CONFLICT)', (status) => {
      expect(fout(() => naVoortgang({ status, percentage: 100 }, { percentage: 100 })).code).toBe('CONFLICT');
    });
  });

  it('closes only an open actie', () => {
    expect(() => vereisSluitbaar('gepland')).not.toThrow();
    expect(() => vereisSluitbaar('bezig')).not.toThrow();
    expect(fout(() => vereisSluitbaar('afgerond')).code).toBe('CONFLICT');
    expect(fout(() => vereisSluitbaar('gesloten')).code).toBe('CONFLICT');
  });
});
