import * as argon2 from 'argon2';

/**
 * argon2id with the OWASP Password Storage parameters (m = 19 MiB, t = 2, p = 1): about 30 ms
 * per hash here, which is slow for a guesser and bearable for a login. The parameters are in
 * the hash string, so raising them later keeps old hashes verifiable (and `moetOpnieuw` says
 * when to rehash on the next login).
 */
const OPTIES = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashWachtwoord(wachtwoord: string): Promise<string> {
  return argon2.hash(wachtwoord, OPTIES);
}

export async function controleerWachtwoord(hash: string, wachtwoord: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, wachtwoord);
  } catch {
    return false;
  }
}

export function moetOpnieuw(hash: string): boolean {
  return argon2.needsRehash(hash, OPTIES);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so that a login for an unknown e-mail address takes as
 * long as one with a wrong password: the answer time does not reveal whether an account exists.
 */
export async function controleerTegenDummy(wachtwoord: string): Promise<void> {
  dummy ??= hashWachtwoord('samen-dummy-wachtwoord-voor-gelijke-tijd');
  await controleerWachtwoord(await dummy, wachtwoord);
}
