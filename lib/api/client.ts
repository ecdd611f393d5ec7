import 'server-only';
import { env } from '../env';

/**
 * Who is calling. The start script sets x-knotwise-client-ip from the socket, overwriting anything the client sent;
 * X-Forwarded-For is believed only when TRUST_PROXY is on.
 */
export function clientAddress(headers: Headers): string {
  if (env().TRUST_PROXY) {
    const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get('x-knotwise-client-ip') ?? 'local';
}

/** Same-origin check for cookie-authenticated state changes: a missing Origin (non-browser client) is allowed. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
