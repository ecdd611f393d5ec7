import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { waitBefore, type LimitScope } from '../api/rate-limit';

/**
 * The chat's forms count against the same per-client limit as the API (lib/api/rate-limit.ts). Past it, the patient
 * goes back to the page they came from with how long to wait in the address (`?wait=`), which works without
 * JavaScript and keeps no state.
 */
export async function slowDown(scope: LimitScope, page: '/' | '/chat'): Promise<void> {
  const wait = waitBefore(scope, await headers());
  if (wait > 0) redirect(page === '/' ? `/?wait=${wait}` : `/chat?wait=${wait}#current`);
}

const WaitParam = z.coerce.number().int().min(1).max(60);

/** The message for a `?wait=` the limiter sent; nothing for a missing or made-up value. */
export function slowDownMessage(wait: string | string[] | undefined): string | undefined {
  const seconds = WaitParam.safeParse(wait);
  if (!seconds.success) return undefined;
  return `Too many requests came from your connection in the last minute. Wait ${seconds.data} second${seconds.data === 1 ? '' : 's'}, then try again.`;
}
