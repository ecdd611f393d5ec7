import 'server-only';
import { and, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { getDb } from '../db/client';
import { clinicianSessions, interviews } from '../db/schema';
import { audit } from './audit';
import { purgeOldFailures } from './clinician/throttle';
import { env } from './env';
import { eraseNow } from './erasure';
import { safeErrorText } from './safe-logging';

const DAY_MS = 86_400_000;
/** Deleted a batch at a time: one huge DELETE would hold locks (and PGlite's memory) for the whole purge. */
const BATCH = 500;

export interface PurgeResult {
  interviews: number;
  cutoff: string;
  retentionDays: number;
  sessions: number;
  loginFailures: number;
}

/**
 * Deletes interviews created more than RETENTION_DAYS ago, with their transcripts and reviews (cascade), and clears
 * them out of the database's files; plus sign-in sessions and failure counters nobody can use any more. Audited as
 * counts only.
 */
export async function purgeExpired(options: { now?: Date; days?: number; via?: 'server' | 'command line' } = {}): Promise<PurgeResult> {
  const now = options.now ?? new Date();
  const retentionDays = options.days ?? env().RETENTION_DAYS;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const db = await getDb();

  let deleted = 0;
  for (;;) {
    const batch = db.select({ id: interviews.id }).from(interviews).where(lt(interviews.createdAt, cutoff)).limit(BATCH);
    const gone = await db.delete(interviews).where(inArray(interviews.id, batch)).returning({ id: interviews.id });
    deleted += gone.length;
    if (gone.length < BATCH) break;
  }

  // A session dead for a day (expired or revoked) can never authenticate again.
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const sessions = await db
    .delete(clinicianSessions)
    .where(or(lt(clinicianSessions.expiresAt, dayAgo), and(isNotNull(clinicianSessions.revokedAt), lt(clinicianSessions.revokedAt, dayAgo))))
    .returning({ tokenHash: clinicianSessions.tokenHash });
  const loginFailures = await purgeOldFailures(now);

  const result = { interviews: deleted, cutoff: cutoff.toISOString(), retentionDays, sessions: sessions.length, loginFailures };
  await audit({ action: 'retention.purged', targetType: 'interviews', detail: { ...result, via: options.via ?? 'server' } });
  if (deleted > 0) await eraseNow();
  return result;
}

const holder = globalThis as unknown as { __knotwiseRetention?: NodeJS.Timeout[] };

/**
 * Runs the purge a minute after start and then once a day. The timers are unref'd, so they never keep a stopping
 * server alive; a failed run is logged and the next one tries again.
 */
export function scheduleRetention(): void {
  if (holder.__knotwiseRetention) return;
  const run = () =>
    purgeExpired({ via: 'server' })
      .then((r) => {
        if (r.interviews > 0) console.log(`Retention: deleted ${r.interviews} interview(s) older than ${r.retentionDays} days.`);
      })
      .catch((error: unknown) => console.error('Retention purge failed:', safeErrorText(error)));
  holder.__knotwiseRetention = [setTimeout(run, 60_000).unref(), setInterval(run, DAY_MS).unref()];
}
