import 'server-only';
import { env } from '../env';
import { clientAddress } from './client';

interface Window {
  start: number;
  count: number;
}

const WINDOW_MS = 60_000;
/** Clients tracked at once. Past this, the oldest windows are forgotten (those clients start a fresh minute). */
export const MAX_TRACKED = 50_000;
// Per process: each app instance limits what reaches it, which bounds what one client can do to the shared database.
// Ordered by window start (a new window is re-inserted at the end), so the oldest are always first.
const holder = globalThis as unknown as { __knotwiseRate?: Map<string, Window> };
const windows = (holder.__knotwiseRate ??= new Map());

/**
 * What a limit counts: a fixed name per kind of request, never a path or anything else a client chooses, so a client
 * can neither mint fresh budgets nor grow this map by varying what it sends.
 */
export type LimitScope = 'create' | 'interview' | 'clinician-login';

function forgetOldest(now: number): void {
  for (const [key, w] of windows) {
    if (windows.size < MAX_TRACKED && now - w.start < WINDOW_MS) return;
    windows.delete(key);
  }
}

/** Counts a request against `key` (fixed one-minute window). Returns seconds to wait, or 0 if allowed. */
export function rateLimit(key: string, now = Date.now(), limit = env().RATE_LIMIT_PER_MINUTE): number {
  let w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    windows.delete(key);
    forgetOldest(now);
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  w.count += 1;
  return w.count > limit ? Math.ceil((w.start + WINDOW_MS - now) / 1000) : 0;
}

/**
 * Counts one request of this kind from the client these headers name. The API's route handlers and the chat's
 * server actions both call this, so a client has one budget however it reaches Knotwise.
 */
export function waitBefore(scope: LimitScope, headers: Headers): number {
  return rateLimit(`${scope}:${clientAddress(headers)}`);
}

/** How many clients the limiter remembers right now. */
export function trackedClients(): number {
  return windows.size;
}
