import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createTestDatabase, dropTestDatabase } from '../../support/test-databases';

/**
 * Where a test's servers keep their data: PGlite (a fresh directory per test file) in the `reliability` project,
 * PostgreSQL in `reliability-postgres` (vitest.config.mts). On PostgreSQL each test file gets a new database of its
 * own, marked as a test database, on the run's server (tests/support/postgres-global-setup.ts).
 */
export type DbTarget =
  | { kind: 'pglite'; dataDir: string; label: string }
  | { kind: 'postgres'; url: string; database: string; label: string };

export async function freshPostgres(label: string): Promise<DbTarget> {
  const database = await createTestDatabase(inject('postgresAdminUrl'), `reliability_${label}`);
  return { kind: 'postgres', url: database.url, database: database.name, label };
}

export function freshPglite(label: string): Extract<DbTarget, { kind: 'pglite' }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `knotwise-reliability-${label}-`));
  return { kind: 'pglite', dataDir: path.join(dataDir, 'db'), label };
}

/** A fresh, empty database of the kind this project tests. */
export async function freshDatabase(label: string): Promise<DbTarget> {
  return inject('databaseKind') === 'postgres' ? freshPostgres(label) : freshPglite(label);
}

export async function dropDatabase(target: DbTarget): Promise<void> {
  if (process.env.RELIABILITY_KEEP_DATA === '1') {
    console.log(`Kept the ${target.label} database: ${target.kind === 'pglite' ? target.dataDir : target.url}`);
    return;
  }
  if (target.kind === 'pglite') {
    rmSync(path.dirname(target.dataDir), { recursive: true, force: true });
    return;
  }
  await dropTestDatabase(inject('postgresAdminUrl'), target.database);
}

/** The environment that points a Knotwise process at this database (and at nothing else). */
export function databaseEnv(target: DbTarget): Record<string, string> {
  return target.kind === 'pglite' ? { DATA_DIR: target.dataDir } : { DATABASE_URL: target.url };
}

export interface Inspector {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * Reads the database directly, not through the app. PGlite allows one process per directory, so for PGlite this must
 * only be called while no server has the directory open.
 */
export async function openInspector(target: DbTarget): Promise<Inspector> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    return {
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(target.dataDir);
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    close: () => db.close(),
  };
}
