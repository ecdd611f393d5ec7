import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { interviews, transcriptEntries } from '@/db/schema';
import { assertTestDatabase } from './test-databases';

/**
 * Empties every table: each test starts from a known, empty database on PGlite or PostgreSQL alike. Only a database
 * marked as the tests' own (tests/support/test-databases.ts) is emptied; any other is refused untouched.
 */
export async function emptyTestDatabase(db: Db): Promise<void> {
  await assertTestDatabase(db, 'empty');
  await db.execute(sql`truncate table interviews, clinicians, clinician_sessions, login_failures, reviews cascade`);
  // The audit table refuses TRUNCATE by trigger; as its owner, a test may lift that for the length of a transaction.
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_truncate`);
    await tx.execute(sql`truncate table audit_events`);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_truncate`);
  });
}

/** Empties the app's database, for `beforeEach`. */
export async function resetDb(): Promise<void> {
  await emptyTestDatabase(await getDb());
}

/** Everything stored, for asserting that a refused request changed nothing. */
export async function dumpDb() {
  const db = await getDb();
  const rows = await db.select().from(interviews).orderBy(interviews.id);
  const entries = await db.select().from(transcriptEntries).orderBy(transcriptEntries.id);
  return { interviews: rows, entries };
}
