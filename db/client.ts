import 'server-only';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { env } from '../lib/env';
import { compactPglite, compactPostgres, PGLITE_WAL_SETTINGS } from './compact';
import { claimDataDir, keepPrivate } from './data-dir';
import * as schema from './schema';

/** The same query-builder type covers PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  close: () => Promise<void>;
  driver: 'pglite' | 'postgres';
  /** Clears deleted rows out of the database's files (db/compact.ts). */
  compact: () => Promise<void>;
}

/** A PostgreSQL server (`url`) or a PGlite directory (`dataDir`, or `memory://...` for one in memory). */
export type DatabaseTarget = { url: string } | { dataDir: string };

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
/** Serialises migrations when several app instances start against one PostgreSQL at once. */
const MIGRATION_LOCK_KEY = 7_340_021;

async function openPostgres(url: string, migrationsFolder: string): Promise<DbHandle> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: url, max: 10 });
  const conn = await pool.connect();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle({ client: conn, schema }), { migrationsFolder });
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    conn.release();
  }
  return {
    db: drizzle({ client: pool, schema }) as unknown as Db,
    close: () => pool.end(),
    driver: 'postgres',
    compact: () => compactPostgres(pool),
  };
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<DbHandle> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const inMemory = dataDir.startsWith('memory://');
  const dir = inMemory ? dataDir : path.resolve(dataDir);
  if (!inMemory) claimDataDir(dir);
  const client = await PGlite.create(dir, { startParams: [...PGlite.defaultStartParams, ...PGLITE_WAL_SETTINGS] });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  // Starting and migrating wrote every file PGlite will keep rewriting; files it creates later are its own 600.
  if (!inMemory) keepPrivate(dir);
  return { db: db as unknown as Db, close: () => client.close(), driver: 'pglite', compact: () => compactPglite(client) };
}

/**
 * Opens and migrates a database of its own, apart from the app's shared one. `migrationsFolder` (default: the
 * committed migrations) lets the upgrade test stop at an earlier release.
 */
export function openDatabase(target: DatabaseTarget, migrationsFolder = MIGRATIONS): Promise<DbHandle> {
  return 'url' in target ? openPostgres(target.url, migrationsFolder) : openPglite(target.dataDir, migrationsFolder);
}

// A singleton on globalThis survives Next's hot reload, so one process never opens a PGlite directory twice.
const holder = globalThis as unknown as { __knotwiseDb?: Promise<DbHandle> };

function open(): Promise<DbHandle> {
  const { DATABASE_URL, DATA_DIR } = env();
  const opening = openDatabase(DATABASE_URL ? { url: DATABASE_URL } : { dataDir: DATA_DIR });
  // A failed open is not cached: the next request tries again.
  opening.catch(() => {
    if (holder.__knotwiseDb === opening) holder.__knotwiseDb = undefined;
  });
  return opening;
}

/** The database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  holder.__knotwiseDb ??= open();
  return (await holder.__knotwiseDb).db;
}

export async function dbDriver(): Promise<DbHandle['driver']> {
  holder.__knotwiseDb ??= open();
  return (await holder.__knotwiseDb).driver;
}

/** Clears deleted rows out of the open database's files. Does nothing when the database is closed (it is not reopened). */
export async function compactDb(): Promise<void> {
  const handle = holder.__knotwiseDb;
  if (handle) await (await handle).compact();
}

/** Closes the database (server shutdown, end of a test file). */
export async function closeDb(): Promise<void> {
  const handle = holder.__knotwiseDb;
  holder.__knotwiseDb = undefined;
  if (handle) await (await handle).close();
}
