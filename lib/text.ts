import { z } from 'zod';

/** Lone UTF-16 surrogates: in unicode mode, a pair is one code point and does not match. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * PostgreSQL refuses NUL in text and JSON with an unpaired surrogate, so such a string would fail only at the
 * database, as a 500 after the request had been accepted. Refusing it at the edge gives the caller a message instead.
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

/** A string that can be stored as text; `name` is the field the error message names. */
export function storableText(name: string, typeError: string) {
  return z.string({ error: typeError }).refine(isStorableText, {
    error: `${name} contains a character that cannot be stored (a NUL or a broken Unicode character); remove it and try again.`,
    abort: true,
  });
}
