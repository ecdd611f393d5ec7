import 'server-only';
import type { RecordedAnswer, ResumePoint } from './replay';

/** What this process last knew of an interview it served: enough to decide the next answer without a read. */
export interface KnownInterview {
  tokenHash: string;
  version: number;
  /** The interview's protocol version: the answers replay, and the resume point is valid, only under it. */
  protocolVersion: string;
  answers: readonly RecordedAnswer[];
  /** The machine after exactly these answers, when this process ran it: the next answer need not replay them. */
  resume?: ResumePoint;
}

/**
 * A hint, never the truth: an answer decided on it is written only if the interview's version still matches, and
 * any other reply is confirmed by reading the database. So another server's writes, a revision or a deletion can
 * make it stale but never make it wrong. It saves the read that would otherwise come before every answer.
 * Bounded in size (oldest out first, about 1 kB each) and in time: answers do not stay in memory after the patient
 * has gone quiet.
 */
const LIMIT = 10_000;
const TTL_MS = 30 * 60_000;
const known = new Map<string, KnownInterview & { at: number }>();

export function recall(id: string): KnownInterview | undefined {
  const entry = known.get(id);
  if (entry && Date.now() - entry.at > TTL_MS) {
    known.delete(id);
    return undefined;
  }
  return entry;
}

export function remember(id: string, interview: KnownInterview): void {
  known.delete(id);
  known.set(id, { ...interview, at: Date.now() });
  // Map order is insertion order: the first keys are the least recently written, and the expired ones.
  for (const [oldest, entry] of known) {
    if (known.size <= LIMIT && Date.now() - entry.at <= TTL_MS) break;
    known.delete(oldest);
  }
}

/** Deleted or changed elsewhere: answers must not outlive a patient's deletion, even in memory. */
export function forget(id: string): void {
  known.delete(id);
}
