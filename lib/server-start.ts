import { closeDb, getDb } from '../db/client';
import { env } from './env';
import { scheduleRetention } from './retention';
import { installSafeLogging, safeErrorText } from './safe-logging';

/**
 * Runs once when the server starts (not during the build): keep query values out of the log, validate the environment
 * and open and migrate the database, so a bad setting or an unreachable database stops the server with a clear
 * message instead of failing on the first patient. Then schedule the daily retention purge.
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void closeDb());
  }
}
