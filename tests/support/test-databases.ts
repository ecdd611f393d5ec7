import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '@/db/client';

/**
 * The tests' own databases. Each is created fresh under a recognisable name and marked with a comment on the
 * database; anything that empties or drops a database checks that mark first, so a test pointed at a real database
 * (an operator's DATABASE_URL, a server's only database) refuses instead of destroying it. See decision 0010.
 */
export const TEST_DATABASE_MARK = 'knotwise test database: created by the test suite, which may empty and drop it';

const NAME_PREFIX = 'knotwise_test_';

export interface TestDatabase {
  name: string;
  url: string;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A new, empty, marked database on the server at `adminUrl` (a user who may CREATE DATABASE). */
export async function createTestDatabase(adminUrl: string, label: string): Promise<TestDatabase> {
  const name = `${NAME_PREFIX}${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 32)}_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, async (client) => {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
    await client.query(`comment on database ${client.escapeIdentifier(name)} is ${client.escapeLiteral(TEST_DATABASE_MARK)}`);
  });
  return { name, url: withDatabase(adminUrl, name) };
}

function refusal(what: string, database: string): Error {
  return new Error(
    `Refusing to ${what} database "${database}": it is not marked as a Knotwise test database. Tests only empty or ` +
      'drop databases they created themselves (tests/support/test-databases.ts); check TEST_DATABASE_URL.',
  );
}

/** Drops a database this run created; refuses one without the mark. */
export async function dropTestDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ mark: string | null }>(
      `select shobj_description(oid, 'pg_database') as mark from pg_database where datname = $1`,
      [name],
    );
    if (rows.length === 0) return;
    if (rows[0]!.mark !== TEST_DATABASE_MARK) throw refusal('drop', name);
    // FORCE ends connections a failed test may have left open.
    await client.query(`drop database ${client.escapeIdentifier(name)} with (force)`);
  });
}

/** Marks the database `db` is connected to: for a PGlite database in memory, which this process just created. */
export async function markTestDatabase(db: Db): Promise<void> {
  const mark = TEST_DATABASE_MARK.replaceAll("'", "''");
  // COMMENT takes no parameters, and the database's name is only known inside the server.
  await db.execute(sql.raw(`do $$ begin execute format('comment on database %I is %L', current_database(), '${mark}'); end $$`));
}

/** Throws unless the database `db` is connected to carries the mark. */
export async function assertTestDatabase(db: Db, what: string): Promise<void> {
  const result = await db.execute(
    sql`select datname as name, shobj_description(oid, 'pg_database') as mark from pg_database where datname = current_database()`,
  );
  // Both drivers return `rows`; the shared query-builder type does not say so.
  const row = (result as unknown as { rows: { name: string; mark: string | null }[] }).rows[0];
  if (row?.mark !== TEST_DATABASE_MARK) throw refusal(what, row?.name ?? '(unknown)');
}
