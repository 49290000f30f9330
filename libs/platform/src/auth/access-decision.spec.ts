import { ROLLEN, type Principal, type Rol } from '@samen/contracts';
import { DomainError } from '../errors/domain-error';
import { decideAccess, type AccessRequest } from './access-decision';
import type { AuthPolicy } from './auth.decorators';

function principal(rollen: Rol[], gemeente: string | null = 'GM0637'): Principal {
  return { accountId: 'a-1', rollen, segment: 'inwoner', tweedeFactor: false, ...(gemeente ? { gemeente } : {}) };
}

function codeOf(request: AccessRequest): string {
  try {
    decideAccess(request);
    return 'OK';
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).code;
  }
}

const publiek: AuthPolicy = { kind: 'publiek' };
const ingelogd: AuthPolicy = { kind: 'ingelogd' };
const intern: AuthPolicy = { kind: 'intern' };
const rollen = (...r: Rol[]): AuthPolicy => ({ kind: 'rollen', rollen: r });

describe('decideAccess', () => {
  describe('secure by default', () => {
    it.each([
      ['anonymous', undefined],
      ['a platformbeheerder', principal(['platformbeheerder'], null)],
    ])('refuses a handler without a policy to %s (403)', (_who, who) => {
      expect(codeOf({ policy: undefined, tokenPresent: who !== undefined, principal: who, gemeente: 'GM0637' })).toBe('FORBIDDEN');
    });
  });

  describe('@Publiek', () => {
    it('lets anonymous callers in, in the gemeente they name', () => {
      expect(decideAccess({ policy: publiek, tokenPresent: false, principal: undefined, gemeente: 'GM0637' })).toEqual({ gemeente: 'GM0637' });
      expect(decideAccess({ policy: publiek, tokenPresent: false, principal: undefined, gemeente: undefined })).toEqual({});
    });

    it('refuses a token that was sent but did not verify (401)', () => {
      expect(codeOf({ policy: publiek, tokenPresent: true, principal: undefined, gemeente: undefined })).toBe('UNAUTHENTICATED');
    });

    it('knows the caller, and takes the token’s gemeente when none is named', () => {
      const who = principal(['inwoner']);
      expect(decideAccess({ policy: publiek, tokenPresent: true, principal: who, gemeente: undefined })).toEqual({ principal: who, gemeente: 'GM0637' });
    });

    it('serves a token of another gemeente as an anonymous visitor there', () => {
      expect(decideAccess({ policy: publiek, tokenPresent: true, principal: principal(['gemeentebeheerder']), gemeente: 'GM0518' })).toEqual({ gemeente: 'GM0518' });
    });
  });

  describe('@Ingelogd', () => {
    it('needs a token (401)', () => {
      expect(codeOf({ policy: ingelogd, tokenPresent: false, principal: undefined, gemeente: 'GM0637' })).toBe('UNAUTHENTICATED');
      expect(codeOf({ policy: ingelogd, tokenPresent: true, principal: undefined, gemeente: 'GM0637' })).toBe('UNAUTHENTICATED');
    });

    it('takes any role', () => {
      for (const rol of ROLLEN) expect(codeOf({ policy: ingelogd, tokenPresent: true, principal: principal([rol]), gemeente: 'GM0637' })).toBe('OK');
    });
  });

  describe('@Rollen: every role against every policy', () => {
    const cases = ROLLEN.flatMap((has) => ROLLEN.map((needs) => [has, needs] as const));
    it.each(cases)('a %s on a route for %s', (has, needs) => {
      const code = codeOf({ policy: rollen(needs), tokenPresent: true, principal: principal([has]), gemeente: 'GM0637' });
      expect(code).toBe(has === needs ? 'OK' : 'FORBIDDEN');
    });

    it('lets in whoever holds one of several listed roles', () => {
      expect(codeOf({ policy: rollen('ambtenaar', 'moderator'), tokenPresent: true, principal: principal(['inwoner', 'moderator']), gemeente: 'GM0637' })).toBe('OK');
    });

    it('is 401, not 403, without a token or with a bad one', () => {
      expect(codeOf({ policy: rollen('inwoner'), tokenPresent: false, principal: undefined, gemeente: 'GM0637' })).toBe('UNAUTHENTICATED');
      expect(codeOf({ policy: rollen('inwoner'), tokenPresent: true, principal: undefined, gemeente: 'GM0637' })).toBe('UNAUTHENTICATED');
    });
  });

  describe('gemeente scoping', () => {
    it('refuses a token of gemeente A in gemeente B (403), whatever the role', () => {
      for (const rol of ROLLEN.filter((r) => r !== 'platformbeheerder')) {
        expect(codeOf({ policy: rollen(rol), tokenPresent: true, principal: principal([rol], 'GM0637'), gemeente: 'GM0518' })).toBe('FORBIDDEN');
        expect(codeOf({ policy: ingelogd, tokenPresent: true, principal: principal([rol], 'GM0637'), gemeente: 'GM0518' })).toBe('FORBIDDEN');
      }
    });

    it('lets a platformbeheerder act in any gemeente', () => {
      const beheerder = principal(['platformbeheerder'], null);
      expect(decideAccess({ policy: rollen('platformbeheerder'), tokenPresent: true, principal: beheerder, gemeente: 'GM0518' })).toEqual({ principal: beheerder, gemeente: 'GM0518' });
      expect(decideAccess({ policy: ingelogd, tokenPresent: true, principal: beheerder, gemeente: undefined })).toEqual({ principal: beheerder });
    });

    it('makes the token’s gemeente the context’s when the request names none', () => {
      const who = principal(['ambtenaar'], 'GM0637');
      expect(decideAccess({ policy: rollen('ambtenaar'), tokenPresent: true, principal: who, gemeente: undefined })).toEqual({ principal: who, gemeente: 'GM0637' });
    });
  });

  describe('@Intern', () => {
    it('takes a message without a user token', () => {
      expect(decideAccess({ policy: intern, tokenPresent: false, principal: undefined, gemeente: undefined })).toEqual({});
    });

    it('refuses a message that carries a user token (403): nobody acts as the platform on a user’s behalf', () => {
      expect(codeOf({ policy: intern, tokenPresent: true, principal: principal(['platformbeheerder'], null), gemeente: undefined })).toBe('FORBIDDEN');
      expect(codeOf({ policy: intern, tokenPresent: true, principal: undefined, gemeente: undefined })).toBe('FORBIDDEN');
    });
  });
});
