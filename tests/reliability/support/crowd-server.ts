import { afterAll, beforeAll } from 'vitest';
import { dropDatabase, freshDatabase, type DbTarget } from './database';
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
