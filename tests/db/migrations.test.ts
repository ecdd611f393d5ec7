import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, openDatabase, type Db } from '@/db/client';
import { scratchDatabase } from '../support/scratch-database';

/**
 * A deployed Knotwise upgrades its database on start. Here a database made by the previous release's migrations, with
 * rows in every table, is upgraded by the current ones: every row must survive unchanged, and the result must be the
 * schema a fresh install gets.
 */

afterAll(closeDb);

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const TABLES = {
  interviews: 'id',
  transcript_entries: 'id',
  clinicians: 'id',
  clinician_sessions: 'token_hash',
  reviews: 'id',
  login_failures: 'id',
  audit_events: 'id',
} as const;

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;
const plain = (rows: unknown) => JSON.parse(JSON.stringify(rows)) as Record<string, unknown>[];

/** A copy of the migrations that ends one release back. */
function previousRelease(): { folder: string; remove: () => void } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'knotwise-previous-migrations-'));
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  expect(journal.entries.length, 'an upgrade needs at least two migrations').toBeGreaterThanOrEqual(2);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Rows a previous release wrote: an interview mid-way, its transcript, a clinician with a session and a review. */
async function writeRows(db: Db): Promise<void> {
  await db.execute(sql`insert into interviews (id, code, token_hash, protocol_version, status, step, created_at, updated_at)
    values ('6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', 'BK7-F3Q-92X', 'hash-of-the-token', 'bp-1', 'in_progress', 1,
            '2031-03-04T05:06:07Z', '2031-03-04T05:07:00Z')`);
  await db.execute(sql`insert into transcript_entries (interview_id, role, question_id, step, text, value, at) values
    ('6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', 'assistant', 'consent', 0, 'Do you agree?', null, '2031-03-04T05:06:07Z'),
    ('6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', 'patient', 'consent', 0, 'I agree', '"agree"', '2031-03-04T05:06:30Z'),
    ('6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', 'assistant', 'age_years', 1, 'How old are you?', null, '2031-03-04T05:06:30Z')`);
  await db.execute(sql`insert into clinicians (id, email, name, role, password_hash) values
    ('0a0b0c0d-1e1f-4a2b-9c3d-4e5f6a7b8c9d', 'casey@clinic.example', 'Casey', 'admin', 'scrypt$17$8$1$salt$hash')`);
  await db.execute(sql`insert into clinician_sessions (token_hash, clinician_id, expires_at, address) values
    ('session-hash', '0a0b0c0d-1e1f-4a2b-9c3d-4e5f6a7b8c9d', '2031-03-04T17:00:00Z', '10.0.0.7')`);
  await db.execute(sql`insert into reviews (interview_id, clinician_id, verdict, note) values
    ('6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', '0a0b0c0d-1e1f-4a2b-9c3d-4e5f6a7b8c9d', 'agree', 'Seen')`);
  await db.execute(sql`insert into login_failures (email, address) values ('casey@clinic.example', '10.0.0.8')`);
  await db.execute(sql`insert into audit_events (actor_email, action, target_type, target_id, detail) values
    ('casey@clinic.example', 'interview.viewed', 'interview', '6f1c2a8e-3b4d-4c5e-8f90-a1b2c3d4e5f6', '{"via": "portal"}')`);
}

async function readRows(db: Db): Promise<Record<string, Record<string, unknown>[]>> {
  const all: Record<string, Record<string, unknown>[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    all[table] = plain(rowsOf(await db.execute(sql.raw(`select * from "${table}" order by "${key}"`))));
  }
  return all;
}

/** Columns, indexes, constraints and triggers: what the app and the audit log's protection rely on. */
async function schemaOf(db: Db): Promise<unknown> {
  const query = async (text: string) => plain(rowsOf(await db.execute(sql.raw(text))));
  return {
    columns: await query(`select table_name, column_name, data_type, is_nullable, column_default, generation_expression
      from information_schema.columns where table_schema = 'public' order by table_name, column_name`),
    indexes: await query(`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`),
    constraints: await query(`select conrelid::regclass::text as "table", conname, pg_get_constraintdef(oid) as def
      from pg_constraint where connamespace = 'public'::regnamespace order by conname`),
    triggers: await query(`select tgrelid::regclass::text as "table", tgname, tgenabled from pg_trigger where not tgisinternal order by tgname`),
  };
}

describe('migrations', () => {
  // PGlite opens an on-disk database twice here, which takes a while on a busy machine.
  it("upgrade the previous release's database without losing or changing a row, to the schema a fresh install gets", { timeout: 120_000 }, async () => {
    const scratch = await scratchDatabase('upgrade', { marked: true, reopen: true });
    const previous = previousRelease();
    try {
      const old = await openDatabase(scratch.target, previous.folder);
      await writeRows(old.db);
      const before = await readRows(old.db);
      await old.close();
      expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);

      const upgraded = await openDatabase(scratch.target);
      try {
        const after = await readRows(upgraded.db);
        for (const [table, rows] of Object.entries(before)) {
          expect(after[table], table).toEqual(rows.map((row) => expect.objectContaining(row)));
        }
        expect(await schemaOf(upgraded.db)).toEqual(await schemaOf(await getDb()));
      } finally {
        await upgraded.close();
      }
    } finally {
      previous.remove();
      await scratch.remove();
    }
  });
});
