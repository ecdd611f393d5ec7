import { afterAll, inject } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { createTestDatabase, dropTestDatabase, markTestDatabase } from './test-databases';

/**
 * Runs before each file of the `db` projects: points the app's database settings at a database of the tests' own,
 * whatever the environment says (an operator's DATABASE_URL or DATA_DIR must never reach a test), and marks it so
 * that resetDb may empty it. PostgreSQL: a fresh database per file on the run's server, dropped afterwards. PGlite:
 * a fresh database in memory.
 */
delete process.env.DATABASE_URL;
delete process.env.DATA_DIR;

if (inject('databaseKind') === 'postgres') {
  const adminUrl = inject('postgresAdminUrl');
  const database = await createTestDatabase(adminUrl, 'db');
  process.env.DATABASE_URL = database.url;
  afterAll(async () => {
    await closeDb();
    await dropTestDatabase(adminUrl, database.name);
  });
} else {
  process.env.DATA_DIR = 'memory://';
  await markTestDatabase(await getDb());
}
