import 'server-only';
import { and, count, eq, gt, lt, max, min, sql } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { clinicianSessions, loginFailures } from '../../db/schema';
import type { Queryable } from '../audit';

/**
 * Failed sign-ins are counted in the database (all app instances) over a sliding window, per email and per client
 * address, with different rules for each (docs/decisions/0020-login-throttling.md):
 * - an email (an account, or a name that has none) takes ACCOUNT_MAX_FAILURES, then every attempt is refused until
 *   the oldest failure leaves the window: guessing one clinician's password stays slow;
 * - an address takes ADDRESS_FREE_FAILURES, then each attempt waits a delay that doubles with every further failure,
 *   up to ADDRESS_MAX_DELAY_SECONDS: a clinic behind one address is slowed, never locked out.
 */
export const WINDOW_MINUTES = 15;
const WINDOW_MS = WINDOW_MINUTES * 60_000;
export const ACCOUNT_MAX_FAILURES = 5;
export const ADDRESS_FREE_FAILURES = 20;
export const ADDRESS_MAX_DELAY_SECONDS = 60;

/** The wait after the latest failure from an address that has `failures` in the window. */
export function addressDelaySeconds(failures: number): number {
  if (failures < ADDRESS_FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - ADDRESS_FREE_FAILURES), ADDRESS_MAX_DELAY_SECONDS);
}

// One advisory lock for every sign-in decision: the count and the row that raises it are one step, in this process
// and across instances sharing a PostgreSQL server. Each holder runs two indexed counts and one insert.
const SIGN_IN_LOCK = 7_340_022;

/** Runs `work` in a transaction holding the sign-in lock. */
export async function underSignInLock<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SIGN_IN_LOCK})`);
    return work(tx);
  });
}

export type Admission = { ok: true } | { ok: false; limit: 'account' | 'address'; waitSeconds: number };

const since = (now: Date) => new Date(now.getTime() - WINDOW_MS);
const secondsUntil = (at: number, now: Date) => Math.ceil((at - now.getTime()) / 1000);

/**
 * Whether this attempt may have its password checked. If so, it is recorded as a failure there and then, before the
 * check (which takes most of a second): a burst of attempts sent at once is counted as it arrives, so no more than the
 * limits are ever checked, and a success deletes the record again (clearFailures). A refused attempt records
 * nothing: it cannot raise any count. Call under the sign-in lock.
 */
export async function admitAttempt(email: string, address: string, tx: Queryable, now = new Date()): Promise<Admission> {
  const [byEmail] = await tx
    .select({ n: count(), oldest: min(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, email), gt(loginFailures.at, since(now))));
  if (byEmail && byEmail.n >= ACCOUNT_MAX_FAILURES && byEmail.oldest) {
    // The window slides: the oldest failure in it ages out first.
    const wait = secondsUntil(new Date(byEmail.oldest).getTime() + WINDOW_MS, now);
    if (wait > 0) return { ok: false, limit: 'account', waitSeconds: wait };
  }
  // A successful sign-in from the address gives it its allowance back: only failures after the latest one count.
  // (Those rows stay: they still count against their own accounts.)
  const [lastSignIn] = await tx
    .select({ at: max(clinicianSessions.createdAt) })
    .from(clinicianSessions)
    .where(eq(clinicianSessions.address, address));
  const addressSince = new Date(Math.max(since(now).getTime(), lastSignIn?.at ? new Date(lastSignIn.at).getTime() : 0));
  const [byAddress] = await tx
    .select({ n: count(), latest: max(loginFailures.at) })
    .from(loginFailures)
    .where(and(eq(loginFailures.address, address), gt(loginFailures.at, addressSince)));
  const delay = addressDelaySeconds(byAddress?.n ?? 0);
  if (delay > 0 && byAddress?.latest) {
    const wait = secondsUntil(new Date(byAddress.latest).getTime() + delay * 1000, now);
    if (wait > 0) return { ok: false, limit: 'address', waitSeconds: wait };
  }
  await tx.insert(loginFailures).values({ email, address, at: now });
  return { ok: true };
}

/**
 * A successful sign-in forgives the account's failures (a clinician's own typos). The address's allowance comes back
 * by itself (admitAttempt counts from the latest sign-in there); its failures for other accounts are not deleted, or
 * anyone could reset the lock on a colleague's account by signing in to their own from the same address.
 */
export async function clearFailures(email: string, q?: Queryable): Promise<void> {
  const db = q ?? (await getDb());
  await db.delete(loginFailures).where(eq(loginFailures.email, email));
}

/** Rows older than the window count for nothing; the daily retention job removes them. */
export async function purgeOldFailures(now = new Date()): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, since(now)))
    .returning({ id: loginFailures.id });
  return gone.length;
}
