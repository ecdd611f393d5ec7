import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { interviews, transcriptEntries } from '@/db/schema';

/** Empties every table: each test starts from a known, empty database on PGlite or PostgreSQL alike. */
export async function resetDb(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`truncate table interviews, clinicians, clinician_sessions, login_failures, reviews cascade`);
  // The audit table refuses TRUNCATE by trigger; as its owner, a test may lift that for the length of a transaction.
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_no_truncate`);
    await tx.execute(sql`truncate table audit_events`);
    await tx.execute(sql`alter table audit_events enable trigger audit_events_no_truncate`);
  });
}

/** Everything stored, for asserting that a refused request changed nothing. */
export async function dumpDb() {
  const db = await getDb();
  const rows = await db.select().from(interviews).orderBy(interviews.id);
  const entries = await db.select().from(transcriptEntries).orderBy(transcriptEntries.id);
  return { interviews: rows, entries };
}
