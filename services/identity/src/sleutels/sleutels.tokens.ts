/** Injection tokens of the sleutels module (numbers and secrets from IdentityEnv). */
export const ACCESS_TOKEN_TTL_SECONDS = Symbol('ACCESS_TOKEN_TTL_SECONDS');
export const KEY_ENCRYPTION = Symbol('KEY_ENCRYPTION');
