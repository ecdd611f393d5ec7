import 'server-only';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';

/**
 * A DELETE only marks rows dead: their text stays in the table and index files until the space is reused, and in the
 * write-ahead log until its segment is removed. These rewrite what deleted patient content can be in, so that
 * "deleted" also holds for the files (docs/decisions/0032-deleted-means-gone-from-the-files.md).
 */

/** Every table a patient's content lives in: interviews (the reference code), transcripts (answers), reviews (notes). */
const PATIENT_TABLES = ['interviews', 'transcript_entries', 'reviews'] as const;

/**
 * PGlite must start with `wal_recycle=off`: by default a write-ahead-log segment that is no longer needed is renamed
 * to a future one, content and all, instead of being removed.
 */
export const PGLITE_WAL_SETTINGS = ['-c', 'wal_recycle=off'];

/**
 * VACUUM FULL writes each table and its indexes anew, without the dead rows, and removes the old files (a plain
 * VACUUM leaves a dead row's bytes in the page's free space, and the reference code in the index). Switching to a new
 * log segment and a checkpoint then let PostgreSQL delete every segment that held the deleted rows.
 */
export async function compactPglite(client: PGlite): Promise<void> {
  for (const table of PATIENT_TABLES) await client.exec(`vacuum full ${table}`);
  await client.query('select pg_switch_wal()');
  await client.exec('checkpoint');
}

/**
 * On PostgreSQL the tables are rewritten the same way. The write-ahead log, its archive, replicas and backups belong
 * to the database server and its operator (docs/decisions/0032). VACUUM FULL locks each table for the rewrite: if it
 * cannot get the lock within 2 seconds it gives up rather than queue every request behind a long transaction, and the
 * caller tries again later.
 */
export async function compactPostgres(pool: Pool): Promise<void> {
  const connection = await pool.connect();
  try {
    await connection.query("set lock_timeout = '2s'");
    for (const table of PATIENT_TABLES) await connection.query(`vacuum full ${table}`);
  } finally {
    await connection.query('reset lock_timeout').catch(() => undefined);
    connection.release();
  }
}
