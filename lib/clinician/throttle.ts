import 'server-only';
import { and, count, eq, gt, lt, min, type SQL } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { loginFailures } from '../../db/schema';

/** 5 failures in 15 minutes, per email and per client address, both counted in the database (all app instances). */
export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
const WINDOW_MS = WINDOW_MINUTES * 60_000;

/** Seconds until another attempt is allowed for this email and address; 0 when one is allowed now. */
export async function throttledFor(email: string, address: string, now = new Date()): Promise<number> {
  const db = await getDb();
  const since = new Date(now.getTime() - WINDOW_MS);
  const tally = (key: SQL) =>
    db
      .select({ n: count(), oldest: min(loginFailures.at) })
      .from(loginFailures)
      .where(and(key, gt(loginFailures.at, since)));
  const [[byEmail], [byAddress]] = await Promise.all([tally(eq(loginFailures.email, email)), tally(eq(loginFailures.address, address))]);
  let wait = 0;
  for (const t of [byEmail, byAddress]) {
    if (t && t.n >= MAX_FAILURES && t.oldest) {
      // The window slides: the oldest failure in it ages out first.
      wait = Math.max(wait, Math.ceil((new Date(t.oldest).getTime() + WINDOW_MS - now.getTime()) / 1000));
    }
  }
  return Math.max(wait, 0);
}

export async function recordFailure(email: string, address: string, now = new Date()): Promise<void> {
  const db = await getDb();
  await db.insert(loginFailures).values({ email, address, at: now });
}

/** A successful sign-in forgives the account's earlier typos; the address's count stands (it may be guessing many). */
export async function clearFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Rows older than the window count for nothing; the daily retention job removes them. */
export async function purgeOldFailures(now = new Date()): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, new Date(now.getTime() - WINDOW_MS)))
    .returning({ id: loginFailures.id });
  return gone.length;
}
