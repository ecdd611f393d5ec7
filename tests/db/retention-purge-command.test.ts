import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseTarget } from '@/db/client';
import { auditEvents, interviews } from '@/db/schema';
import { scratchDatabase, type ScratchDatabase } from '../support/scratch-database';

/**
 * `npm run retention:purge`, the real script in a process of its own, against a database this test wrote and closed:
 * the rows that must go are named, and so are the ones that must stay.
 */

const DAY = 86_400_000;
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await scratchDatabase('purge_command', { marked: true, reopen: true });
});
afterAll(() => scratch?.remove());

async function withDatabase<T>(target: DatabaseTarget, body: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase(target);
  try {
    return await body(handle.db);
  } finally {
    await handle.close();
  }
}

describe('npm run retention:purge', () => {
  it('deletes the interviews older than RETENTION_DAYS, keeps the rest, and audits the run as from the command line', async () => {
    const ages = { old: 200, justOver: 30.1, justUnder: 29.9, fresh: 0 } as const;
    const ids = Object.fromEntries(Object.keys(ages).map((name) => [name, randomUUID()])) as Record<keyof typeof ages, string>;
    await withDatabase(scratch.target, (db) =>
      db.insert(interviews).values(
        Object.entries(ages).map(([name, days], i) => ({
          id: ids[name as keyof typeof ages],
          code: `PURGE-${i}`,
          tokenHash: randomUUID(),
          protocolVersion: 'bp-1',
          status: 'in_progress' as const,
          createdAt: new Date(Date.now() - days * DAY),
        })),
      ),
    );

    const target = scratch.target;
    const run = spawnSync('npm', ['run', '--silent', 'retention:purge', '--', '--force'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: {
        ...process.env,
        RETENTION_DAYS: '30',
        // The test project's DATABASE_URL is a trap for code that reads it: point the script at this database only.
        DATABASE_URL: 'url' in target ? target.url : '',
        DATA_DIR: 'dataDir' in target ? target.dataDir : '',
      },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Deleted 2 interview\(s\) created before .* \(RETENTION_DAYS=30\)/);

    await withDatabase(scratch.target, async (db) => {
      const left = (await db.select({ id: interviews.id }).from(interviews)).map((r) => r.id).sort();
      expect(left).toEqual([ids.justUnder, ids.fresh].sort());
      expect(left).not.toContain(ids.old);
      expect(left).not.toContain(ids.justOver);
      const purged = (await db.select().from(auditEvents)).filter((e) => e.action === 'retention.purged');
      expect(purged.map((e) => e.detail)).toEqual([expect.objectContaining({ interviews: 2, retentionDays: 30, via: 'command line' })]);
    });
  });
});
