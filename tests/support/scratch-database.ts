import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '@/db/client';
import { createTestDatabase, dropTestDatabase, withDatabase } from './test-databases';

/** A second, empty database of the kind this project tests, beside the app's own, for a test to open itself. */
export interface ScratchDatabase {
  target: DatabaseTarget;
  remove(): Promise<void>;
}

/**
 * On PostgreSQL, `marked: false` makes a database that is not marked as the tests' own, like one an operator would
 * point DATABASE_URL at. PGlite's are never marked, and live in memory unless a test needs to close and `reopen` one.
 */
export async function scratchDatabase(label: string, { marked, reopen = false }: { marked: boolean; reopen?: boolean }): Promise<ScratchDatabase> {
  if (inject('databaseKind') === 'pglite') {
    if (!reopen) return { target: { dataDir: 'memory://' }, remove: async () => undefined };
    const dir = mkdtempSync(path.join(os.tmpdir(), `knotwise-${label}-`));
    return { target: { dataDir: dir }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (marked) {
    const database = await createTestDatabase(adminUrl, label);
    return { target: { url: database.url }, remove: () => dropTestDatabase(adminUrl, database.name) };
  }
  const name = `knotwise_unmarked_${label}_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  return { target: { url: withDatabase(adminUrl, name) }, remove: () => admin(`drop database "${name}" with (force)`) };
}
