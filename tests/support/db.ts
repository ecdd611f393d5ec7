import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { interviews, transcriptEntries } from '@/db/schema';

/** Empties every table: each test starts from a known, empty database on PGlite or PostgreSQL alike. */
export async function resetDb(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`truncate table ${interviews} cascade`);
}

/** Everything stored, for asserting that a refused request changed nothing. */
export async function dumpDb() {
  const db = await getDb();
  const rows = await db.select().from(interviews).orderBy(interviews.id);
  const entries = await db.select().from(transcriptEntries).orderBy(transcriptEntries.id);
  return { interviews: rows, entries };
}
