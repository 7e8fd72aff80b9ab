import { createHash, randomBytes } from 'node:crypto';

/** `ta_` and 32 random bytes in base64url: 256 bits, recognisable in logs and secret scanners. */
const TOKEN_FORMAT = /^ta_[A-Za-z0-9_-]{43}$/;

export type ApiRole = 'admin' | 'staff';

/** A fresh API token. It is shown once; only its hash is stored. */
export function generateApiToken(): string {
  return `ta_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: hex sha256. A fast hash suffices for 256 random bits (no dictionary to try). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** True when the string can be a token at all; anything else is rejected without a database read. */
export function looksLikeApiToken(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}
