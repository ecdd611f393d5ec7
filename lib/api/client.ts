import 'server-only';
import { env, type Env } from '../env';

/**
 * Who is calling. The start script sets x-knotwise-client-ip from the socket, overwriting anything the client sent.
 * With TRUST_PROXY, each of the TRUST_PROXY_HOPS proxies in front of Knotwise appends to X-Forwarded-For the address
 * it received the request from, so the left-most of the last TRUST_PROXY_HOPS entries is the client as the outermost
 * proxy saw it. Entries further left were sent by the client itself and prove nothing.
 */
export function clientAddress(headers: Headers, settings: Pick<Env, 'TRUST_PROXY' | 'TRUST_PROXY_HOPS'> = env()): string {
  const socket = headers.get('x-knotwise-client-ip') ?? 'local';
  if (!settings.TRUST_PROXY) return socket;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request passed fewer of them, and every entry is still one a proxy wrote.
  return forwarded.at(-settings.TRUST_PROXY_HOPS) ?? forwarded[0] ?? socket;
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
