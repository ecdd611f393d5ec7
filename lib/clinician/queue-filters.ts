import { z } from 'zod';
import { normaliseCode } from '../interview/tokens';
import { DISPOSITIONS, type Disposition } from '../protocol/types';
import { ALL_RULE_IDS, VERSION_IDS } from '../protocol/versions';
import { day, decodeCursor, FIRST_DAY, LAST_DAY, parseWith, type ParamsInput, type Parsed } from './params';

/** The queue's groups, most urgent first: the five dispositions, then unfinished and declined interviews. */
export const QUEUE_BUCKETS = [...DISPOSITIONS, 'in_progress', 'declined'] as const;
export type QueueBucket = (typeof QUEUE_BUCKETS)[number];

/** The stored `urgency` column's value for each bucket (db/schema.ts): higher is more urgent. */
export const URGENCY: Record<QueueBucket, number> = {
  emergency_ambulance: 6,
  emergency: 5,
  consultation_24: 4,
  consultation: 3,
  self_care: 2,
  in_progress: 1,
  declined: 0,
};

export const RULE_IDS = ALL_RULE_IDS as [string, ...string[]];

export interface QueueFilters {
  disposition?: QueueBucket;
  reviewed?: boolean;
  /** From the start of this UTC day. */
  from?: Date;
  /** To the end of this UTC day. */
  to?: Date;
  /** A rule that fired: any version's rule (full id). */
  rule?: string;
  /** The protocol version the interview was taken under. */
  version?: string;
  /** A whole short code (any case, dashes optional) or its beginning, already normalised to ABC-DEF-GHJ form. */
  q?: string;
  cursor?: string;
  limit: number;
}

/**
 * A page boundary exactly as listInterviews writes it: an urgency the queue has, a microsecond UTC time from the
 * database, an interview id. Anything else is refused here, before it can reach the query as a value the database
 * cannot read.
 */
export const cursorSchema = z.strictObject({
  u: z.number().int().min(Math.min(...Object.values(URGENCY))).max(Math.max(...Object.values(URGENCY))),
  c: z.iso.datetime({ precision: 6 }).refine((v) => v >= FIRST_DAY && v <= LAST_DAY),
  id: z.uuid(),
});
export type QueueCursor = z.infer<typeof cursorSchema>;

/** A typed code, whole or partial, in the stored form: BK7F3Q -> BK7-F3Q (a prefix), bk7 f3q 92x -> BK7-F3Q-92X. */
export function codeQuery(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (raw.length === 9) return normaliseCode(raw);
  return (raw.match(/.{1,3}/g) ?? []).join('-');
}

const schema = z
  .object({
    disposition: z
      .enum(QUEUE_BUCKETS, { error: `disposition must be one of: ${QUEUE_BUCKETS.join(', ')}.` })
      .optional(),
    reviewed: z.enum(['yes', 'no'], { error: 'reviewed must be "yes" or "no".' }).transform((v) => v === 'yes').optional(),
    from: day('from').optional(),
    to: day('to').optional(),
    rule: z
      .enum(RULE_IDS, { error: 'rule must be a full rule id, for example R05_cauda_equina or G1_older_adult.' })
      .optional(),
    version: z
      .enum(VERSION_IDS, { error: `version must be a protocol version: ${VERSION_IDS.join(', ')}.` })
      .optional(),
    q: z
      .string()
      .max(20, { error: 'q must be a short code such as BK7-F3Q-92X, or its beginning.' })
      .transform(codeQuery)
      .refine((v) => v.length > 0, { error: 'q must be a short code such as BK7-F3Q-92X, or its beginning (letters and digits).' })
      .optional(),
    cursor: z.string().max(300).optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number from 1 to 200.' })
      .int({ error: 'limit must be a whole number.' })
      .min(1, { error: 'limit must be from 1 to 200.' })
      .max(200, { error: 'limit must be from 1 to 200.' })
      .default(50),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { error: 'from must be on or before to.' });

/** Reads queue filters from a query string or a page's searchParams. Unknown parameters are ignored. */
export function parseQueueFilters(input: ParamsInput): Parsed<QueueFilters> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) return parsed;
  const { q, ...rest } = parsed.value;
  if (rest.cursor !== undefined && !decodeCursor(rest.cursor, cursorSchema)) {
    return { ok: false, message: 'cursor is not one this server gave out. Start again from the first page.' };
  }
  return { ok: true, value: { ...rest, ...(q === undefined ? {} : { q }) } };
}

/** The filters as a query string (for "next page" links and the CSV link), without the cursor unless asked. */
export function filtersToQuery(filters: Partial<QueueFilters>, withCursor = false): string {
  const out = new URLSearchParams();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (filters.disposition) out.set('disposition', filters.disposition);
  if (filters.reviewed !== undefined) out.set('reviewed', filters.reviewed ? 'yes' : 'no');
  if (filters.from) out.set('from', iso(filters.from));
  if (filters.to) out.set('to', iso(filters.to));
  if (filters.rule) out.set('rule', filters.rule);
  if (filters.version) out.set('version', filters.version);
  if (filters.q) out.set('q', filters.q);
  if (withCursor && filters.cursor) out.set('cursor', filters.cursor);
  return out.toString();
}

export const isDisposition = (b: QueueBucket): b is Disposition => (DISPOSITIONS as readonly string[]).includes(b);
