import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Where a test's servers keep their data. PGlite by default (a fresh directory per test file); PostgreSQL when
 * RELIABILITY_DATABASE_URL names a server (CI runs the suite both ways). On PostgreSQL each test file gets a database
 * of its own, dropped and created again at the start, so a run never sees an earlier run's rows.
 */
export type DbTarget =
  | { kind: 'pglite'; dataDir: string; label: string }
  | { kind: 'postgres'; url: string; database: string; label: string };

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function postgresRequested(): boolean {
  return Boolean(process.env.RELIABILITY_DATABASE_URL?.trim());
}

/** The server the PostgreSQL tests use: RELIABILITY_DATABASE_URL, or the local default CI provides. */
export function postgresAdminUrl(): string {
  return process.env.RELIABILITY_DATABASE_URL?.trim() || DEFAULT_POSTGRES_URL;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminClient(): Promise<pg.Client> {
  const url = postgresAdminUrl();
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error(`The reliability suite only talks to loopback; the PostgreSQL URL points at ${host}.`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    // A silent skip would let CI pass without ever testing several servers on one database.
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(error as Error).message}). The reliability suite needs it for the ` +
        'several-servers test (and for everything when RELIABILITY_DATABASE_URL is set). Start PostgreSQL, e.g. ' +
        '`pg_ctlcluster 15 main start`, or set RELIABILITY_DATABASE_URL to a server where the user may CREATE DATABASE.',
    );
  }
  return client;
}

async function recreateDatabase(database: string): Promise<void> {
  const client = await adminClient();
  try {
    // FORCE ends connections a killed earlier run may have left behind.
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
}

export async function freshPostgres(label: string): Promise<DbTarget> {
  const database = `knotwise_reliability_${label}`.replace(/[^a-z0-9_]/g, '_');
  await recreateDatabase(database);
  return { kind: 'postgres', url: withDatabase(postgresAdminUrl(), database), database, label };
}

export function freshPglite(label: string): Extract<DbTarget, { kind: 'pglite' }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `knotwise-reliability-${label}-`));
  return { kind: 'pglite', dataDir: path.join(dataDir, 'db'), label };
}

/** A fresh, empty database of the kind this run tests. */
export async function freshDatabase(label: string): Promise<DbTarget> {
  return postgresRequested() ? freshPostgres(label) : freshPglite(label);
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
  const client = await adminClient();
  try {
    await client.query(`drop database if exists "${target.database}" with (force)`);
  } finally {
    await client.end();
  }
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
