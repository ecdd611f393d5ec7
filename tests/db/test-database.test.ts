import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeDb, dbDriver, getDb, openDatabase, type Db } from '@/db/client';
import { auditEvents, clinicians } from '@/db/schema';
import { emptyTestDatabase } from '../support/db';
import { scratchDatabase } from '../support/scratch-database';
import { dropTestDatabase, TEST_DATABASE_MARK } from '../support/test-databases';

afterAll(closeDb);

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

async function databaseMark(db: Db): Promise<unknown> {
  const result = await db.execute(sql`select shobj_description(oid, 'pg_database') as mark from pg_database where datname = current_database()`);
  return rowsOf(result)[0]?.mark;
}

describe("the tests' databases", () => {
  // vitest.config.mts gives this project a DATABASE_URL, as an operator's shell would have; using it fails to connect.
  it('are their own, never the DATABASE_URL in the environment', async () => {
    expect(process.env.DATABASE_URL ?? '').not.toContain('the_clinic_database_tests_must_not_touch');
    expect(await dbDriver()).toBe(inject('databaseKind'));
    expect(await databaseMark(await getDb())).toBe(TEST_DATABASE_MARK);
  });

  it('refuse to empty a database that is not marked as theirs, and leave its rows and audit protection alone', async () => {
    const scratch = await scratchDatabase('refuse_reset', { marked: false });
    const handle = await openDatabase(scratch.target);
    try {
      await handle.db.insert(clinicians).values({ email: 'kept@clinic.example', name: 'Kept', passwordHash: 'x' });
      await handle.db.insert(auditEvents).values({ action: 'clinician.created', actorEmail: 'kept@clinic.example' });

      await expect(emptyTestDatabase(handle.db)).rejects.toThrow(/Refusing to empty database .*not marked as a Knotwise test database/);

      expect(await handle.db.select({ email: clinicians.email }).from(clinicians)).toEqual([{ email: 'kept@clinic.example' }]);
      expect(await handle.db.select({ action: auditEvents.action }).from(auditEvents)).toEqual([{ action: 'clinician.created' }]);
      const trigger = await handle.db.execute(sql`select tgenabled from pg_trigger where tgname = 'audit_events_no_truncate'`);
      expect(rowsOf(trigger)).toEqual([{ tgenabled: 'O' }]);
      await expect(handle.db.execute(sql`truncate table audit_events`)).rejects.toThrow();
    } finally {
      await handle.close();
      await scratch.remove();
    }
  });

  it.runIf(inject('databaseKind') === 'postgres')('refuse to drop a database that is not marked as theirs', async () => {
    const scratch = await scratchDatabase('refuse_drop', { marked: false });
    try {
      const name = new URL((scratch.target as { url: string }).url).pathname.slice(1);
      await expect(dropTestDatabase(inject('postgresAdminUrl'), name)).rejects.toThrow(/Refusing to drop database/);
      const handle = await openDatabase(scratch.target);
      await handle.close();
    } finally {
      await scratch.remove();
    }
  });
});
