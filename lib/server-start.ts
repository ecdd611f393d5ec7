import { closeDb, getDb } from '../db/client';
import { env } from './env';
import { resumeErasure, settleErasure } from './erasure';
import { scheduleRetention } from './retention';
import { installSafeLogging, safeErrorText } from './safe-logging';

/**
 * Runs once when the server starts (not during the build): keep query values out of the log, validate the environment
 * and open and migrate the database, so a bad setting or an unreachable database stops the server with a clear
 * message instead of failing on the first patient. Then schedule the daily retention purge, and finish clearing any
 * deletion the last run of the server left in the database files.
 */
export async function startServer(): Promise<void> {
  installSafeLogging();
  try {
    env();
    await getDb();
  } catch (error) {
    console.error(safeErrorText(error));
    process.exit(1);
  }
  scheduleRetention();
  await resumeErasure().catch((error: unknown) =>
    console.error(`Checking for deletions to clear out of the database files failed: ${error instanceof Error ? error.message : error}`),
  );
  let stopping: Promise<void> | undefined;
  const shutdown = () => (stopping ??= settleErasure().then(closeDb));
  // scripts/start.mjs waits for this before it exits.
  (globalThis as { __knotwiseShutdown?: () => Promise<void> }).__knotwiseShutdown = shutdown;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutdown());
  }
}
