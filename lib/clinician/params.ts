import { z } from 'zod';

/** Query parameters from a route handler (URLSearchParams) or a page (`searchParams` record): first value wins. */
export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

export function firstValues(input: ParamsInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) if (!(k in out) && v !== '') out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(input)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== '') out[k] = value;
  }
  return out;
}

/**
 * Dates outside these bounds are typing mistakes, and some (a `to` of 9999-12-31 becomes the next day's midnight,
 * in year 10000) are beyond what the database's timestamps accept.
 */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

/** A calendar day, YYYY-MM-DD, read as UTC. */
export const day = (name: string) =>
  z.iso
    .date({ error: `${name} must be a date written YYYY-MM-DD, for example 2026-03-01.` })
    .refine((v) => v >= FIRST_DAY && v <= LAST_DAY, { error: `${name} must be a date from ${FIRST_DAY} to ${LAST_DAY}.` })
    .transform((v) => new Date(`${v}T00:00:00Z`));

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseWith<T>(schema: z.ZodType<T>, input: ParamsInput): Parsed<T> {
  const parsed = schema.safeParse(firstValues(input));
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
}

/** Opaque keyset cursors: base64url JSON, checked with a schema on the way back in. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
