import { inspect } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { clinicians } from '@/db/schema';
import { startServer } from '@/lib/server-start';

afterAll(closeDb);
afterEach(() => vi.restoreAllMocks());

/** What the server printed on stderr, as a terminal would show it. */
function printed(calls: unknown[][]): string {
  return calls.map((args) => args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' ')).join('\n');
}

async function failure(run: () => PromiseLike<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('the query was expected to fail');
}

describe('the server log', () => {
  it('shows a failed query by its SQLSTATE and statement, never the values it was run with', async () => {
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Next logs a request's unhandled error with console.error after the server has started.
    await startServer();
    const db = await getDb();

    const badTime = await failure(() => db.execute(sql`select ${'patient-note-4711'}::timestamptz`));
    console.error('⨯', badTime);
    await db.insert(clinicians).values({ email: 'taken.secret@example.org', name: 'A', passwordHash: 'x' });
    const duplicate = await failure(() => db.insert(clinicians).values({ email: 'taken.secret@example.org', name: 'B', passwordHash: 'x' }));
    console.error(duplicate);

    const text = printed(stderr.mock.calls);
    expect(text).not.toContain('patient-note-4711');
    expect(text).not.toContain('taken.secret');
    expect(text).toContain('SQLSTATE 22007');
    expect(text).toContain('SQLSTATE 23505 (constraint clinicians_email_key');
    expect(text).toMatch(/Statement: select \$1::timestamptz/);
    // Other errors are logged as they are.
    console.error(new Error('plain failure 42'));
    expect(printed(stderr.mock.calls.slice(-1))).toContain('plain failure 42');
  });
});
