/** The HMAC key of the verification-code hashes (a Buffer). */
export const VERIFICATIECODE_SLEUTEL = Symbol('VERIFICATIECODE_SLEUTEL');
