import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A new secret for a patient's interview: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

// No 0/O, 1/I/L, 5/S, 2/Z: a code is read aloud and typed by someone else.
const CODE_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

/** A short reference like BK7-F3Q-92X for a patient to read out to a clinician. Not a secret. */
export function newCode(): string {
  const chars = Array.from({ length: 9 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3, 6).join('')}-${chars.slice(6).join('')}`;
}

/** Normalises a code typed by a person: case, spaces and missing dashes. */
export function normaliseCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return raw.length === 9 ? `${raw.slice(0, 3)}-${raw.slice(3, 6)}-${raw.slice(6)}` : input.trim().toUpperCase();
}
