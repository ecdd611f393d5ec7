import { afterAll, beforeAll, expect } from 'vitest';
import { answerMismatches, consistencyProblems, duplicateLiveSteps, readStored, type Stored } from './checks';
import { dropDatabase, freshDatabase, openInspector, type DbTarget } from './database';
import type { Interview } from './patients';
import { CROWD_ENV, ensureBuild, startServer, stopEverything, type AppServer } from './server';

/** The production server a crowd test drives, and the database under it; `server` is replaced on a restart. */
export interface CrowdApp {
  server: AppServer;
  target: DbTarget;
}

/**
 * Sets up a test file's fresh database and production server with the crowd's settings before its tests, and
 * removes every process and the database after them.
 */
export function crowdApp(name: string): CrowdApp {
  const app = {} as CrowdApp;
  beforeAll(async () => {
    await ensureBuild();
    app.target = await freshDatabase(name);
    app.server = await startServer({ target: app.target, env: CROWD_ENV });
  });
  afterAll(async () => {
    await stopEverything();
    if (app.target) await dropDatabase(app.target);
  });
  return app;
}

/**
 * Stops the server and checks what the crowd left: every interview holds exactly the answers its client sent, no
 * step has two live entries, and every transcript replays. Returns what is stored, for the test's own checks.
 */
export async function expectStoredAsSent(app: CrowdApp, interviews: readonly Interview[]): Promise<Stored> {
  await app.server.stop();
  const db = await openInspector(app.target);
  try {
    const stored = await readStored(db);
    expect(answerMismatches(stored, interviews).slice(0, 10)).toEqual([]);
    expect(await duplicateLiveSteps(db)).toEqual([]);
    expect(consistencyProblems(stored).slice(0, 10)).toEqual([]);
    return stored;
  } finally {
    await db.close();
  }
}
