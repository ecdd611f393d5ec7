import 'server-only';
import { and, eq, gt, max, or, sql } from 'drizzle-orm';
import { compactDb, getDb } from '../db/client';
import { auditEvents } from '../db/schema';
import { audit } from './audit';

/**
 * After interviews are deleted (by a patient, or by the retention purge), their text is cleared out of the database's
 * files too (db/compact.ts). Rewriting the tables takes time in proportion to their size and, on PGlite, holds up
 * every request meanwhile, so runs are shared: a run starts soon after a deletion, never while another runs, and the
 * runs take at most a tenth of the time (after a run of d seconds the next waits 9d), however many deletions come in.
 */

const PAUSE_FACTOR = 9;
const RETRY_MS = 60_000;

interface State {
  /** A deletion not yet covered by a run. */
  pending: boolean;
  running?: Promise<void>;
  timer?: NodeJS.Timeout;
  /** The earliest time the next run may start. */
  notBefore: number;
}

// On globalThis: route handlers and instrumentation.ts are bundled apart, and must share one schedule.
const holder = globalThis as unknown as { __knotwiseErasure?: State };
const state = (holder.__knotwiseErasure ??= { pending: false, notBefore: 0 });

async function compactAndRecord(): Promise<void> {
  const started = Date.now();
  await compactDb();
  await audit({ action: 'storage.compacted', targetType: 'interviews', detail: { ms: Date.now() - started } });
}

function schedule(): void {
  if (!state.pending || state.running || state.timer) return;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    eraseNow().catch((error: unknown) => {
      console.error(
        `Clearing deleted interviews out of the database files failed (${error instanceof Error ? error.message : String(error)}); trying again in a minute.`,
      );
      state.notBefore = Math.max(state.notBefore, Date.now() + RETRY_MS);
      requestErasure();
    });
  }, Math.max(0, state.notBefore - Date.now()));
  state.timer.unref();
}

/** After a deletion: the deleted rows are cleared out of the files soon, in a run shared with other deletions. */
export function requestErasure(): void {
  state.pending = true;
  schedule();
}

/**
 * Runs now (after the run under way, if any) and resolves when every deletion made before the call is out of the
 * files. For the retention purge, which runs in the background anyway, and for shutdown.
 */
export async function eraseNow(): Promise<void> {
  while (state.running) await state.running.catch(() => undefined);
  clearTimeout(state.timer);
  state.timer = undefined;
  state.pending = false;
  const started = Date.now();
  state.running = compactAndRecord().finally(() => {
    state.notBefore = Date.now() + PAUSE_FACTOR * (Date.now() - started);
    state.running = undefined;
    schedule();
  });
  return state.running;
}

/** At shutdown: runs what deletions are waiting for, and lets a run under way finish. */
export async function settleErasure(): Promise<void> {
  if (state.pending) await eraseNow();
  else await state.running?.catch(() => undefined);
}

/**
 * At start: a deletion recorded in the audit log after the last run was never cleared out of the files (the server
 * stopped in between), so clear it now.
 */
export async function resumeErasure(): Promise<void> {
  const db = await getDb();
  const [deleted] = await db
    .select({ at: max(auditEvents.at) })
    .from(auditEvents)
    .where(
      or(
        eq(auditEvents.action, 'interview.deleted_by_patient'),
        and(eq(auditEvents.action, 'retention.purged'), gt(sql`(${auditEvents.detail} ->> 'interviews')::int`, 0)),
      ),
    );
  if (!deleted?.at) return;
  const [compacted] = await db
    .select({ at: max(auditEvents.at) })
    .from(auditEvents)
    .where(eq(auditEvents.action, 'storage.compacted'));
  if (!compacted?.at || compacted.at < deleted.at) requestErasure();
}
