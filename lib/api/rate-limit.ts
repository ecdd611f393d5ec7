import 'server-only';
import { env } from '../env';

interface Window {
  start: number;
  count: number;
}

const WINDOW_MS = 60_000;
const MAX_KEYS = 50_000;
// Per process: each app instance limits what reaches it, which bounds what one client can do to the shared database.
const holder = globalThis as unknown as { __knotwiseRate?: Map<string, Window> };
const windows = (holder.__knotwiseRate ??= new Map());

/** Counts a request against `key` (fixed one-minute window). Returns seconds to wait, or 0 if allowed. */
export function rateLimit(key: string, now = Date.now(), limit = env().RATE_LIMIT_PER_MINUTE): number {
  let w = windows.get(key);
  if (!w || now - w.start >= WINDOW_MS) {
    if (windows.size >= MAX_KEYS) {
      for (const [k, v] of windows) if (now - v.start >= WINDOW_MS) windows.delete(k);
    }
    w = { start: now, count: 0 };
    windows.set(key, w);
  }
  w.count += 1;
  return w.count > limit ? Math.ceil((w.start + WINDOW_MS - now) / 1000) : 0;
}
