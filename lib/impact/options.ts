import { z } from 'zod';
import { day } from '../clinician/params';
import { VERSION_IDS } from '../protocol/versions';

/** Which interviews to replay: those stored under `from`, replayed under `to`, optionally created since..until. */
export interface ImpactOptions {
  from: string;
  to: string;
  /** Whole UTC days on the interview's creation time, both inclusive. */
  since?: Date;
  until?: Date;
}

/** How the caller names the four inputs in its messages: `--from` on the command line, "From" in a form. */
export type ImpactFieldNames = Record<'from' | 'to' | 'since' | 'until', string>;

const version = (name: string) =>
  z.enum(VERSION_IDS, {
    error: (issue) =>
      issue.input === undefined
        ? `${name} is needed: one of the supported versions, ${VERSION_IDS.join(', ')}.`
        : `${name} ${JSON.stringify(issue.input)} is not a protocol version this build supports. Supported versions: ${VERSION_IDS.join(', ')}.`,
  });

/** Checks the inputs as given (strings); every message names the input to fix, in the caller's words. */
export function impactOptionsSchema(names: ImpactFieldNames) {
  return z
    .object({
      from: version(names.from),
      to: version(names.to),
      since: day(names.since).optional(),
      until: day(names.until).optional(),
    })
    .refine((o) => o.from !== o.to, {
      error: (issue) => `${names.from} and ${names.to} are both ${(issue.input as { from: string }).from}: compare two different versions.`,
    })
    .refine((o) => !(o.since && o.until && o.since > o.until), { error: `${names.since} must be on or before ${names.until}.` });
}

export type ParsedOptions = { ok: true; value: ImpactOptions } | { ok: false; message: string };

export function parseImpactOptions(input: Record<string, string | undefined>, names: ImpactFieldNames): ParsedOptions {
  const parsed = impactOptionsSchema(names).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
}

/** A day as the inputs write it (YYYY-MM-DD), for messages, exports and links. */
export const dayText = (d: Date | undefined) => d?.toISOString().slice(0, 10);
