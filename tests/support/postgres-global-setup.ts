import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by the projects that test on PostgreSQL (vitest.config.mts); PGlite otherwise. */
    databaseKind: 'pglite' | 'postgres';
    /** The server the tests create their own databases on (this global set-up). */
    postgresAdminUrl: string;
  }
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `TEST_DATABASE_URL names a PostgreSQL server that does not answer (${(error as Error).message}). Start it, fix ` +
        'the URL, or unset TEST_DATABASE_URL to let the tests start a PostgreSQL of their own.',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL server for a project's run: the one TEST_DATABASE_URL names (a user who may CREATE DATABASE; the
 * tests create and drop databases of their own there and never touch its other databases), or else a server started
 * here and stopped when the run ends. DATABASE_URL is never read.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const configured = process.env.TEST_DATABASE_URL?.trim();
  if (configured) {
    await assertReachable(configured);
    project.provide('postgresAdminUrl', configured);
    return undefined;
  }
  const server = await startEmbeddedPostgres();
  project.provide('postgresAdminUrl', server.url);
  return () => server.stop();
}
