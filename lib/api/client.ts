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

/**
 * The origin this request was addressed to: scheme, host and port. Behind a proxy (TRUST_PROXY) that is what the
 * proxy says the browser asked for (X-Forwarded-Proto, X-Forwarded-Host); otherwise the server's own view.
 */
export function ownOrigin(request: Request): string {
  const first = (name: string) => (env().TRUST_PROXY ? request.headers.get(name)?.split(',')[0]?.trim() : undefined) || undefined;
  const url = new URL(request.url);
  const scheme = first('x-forwarded-proto') ?? url.protocol.slice(0, -1);
  const host = first('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  return `${scheme}://${host}`.toLowerCase();
}

/**
 * Strict: the request provably comes from one of our own pages. Browsers send `Origin` on every state-changing
 * request; when it is missing, `Sec-Fetch-Site: same-origin` will do. Scheme and port count: an `http://` page of
 * the same host is another origin.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin.toLowerCase() === ownOrigin(request);
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

/**
 * The browser says another site started this request: a link, form or redirect there (`Sec-Fetch-Site`). A link
 * typed, bookmarked or opened from outside a browser arrives with `none`; scripts send no such header.
 */
export function startedByOtherSite(headers: Pick<Headers, 'get'>): boolean {
  return ['cross-site', 'same-site'].includes(headers.get('sec-fetch-site') ?? '');
}

/** Lenient: the request says it comes from another site, by its Origin or by Sec-Fetch-Site; scripts are not refused. */
export function fromOtherSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null && origin.toLowerCase() !== ownOrigin(request)) return true;
  return startedByOtherSite(request.headers);
}

/**
 * Whether a cookie may authorise this state change: it comes from our own origin, and a POST is JSON. Another site's
 * form can POST with the cookie as `text/plain`, `application/x-www-form-urlencoded` or `multipart/form-data`, never
 * as `application/json` (that needs a CORS preflight, which this server never grants); other methods, with or
 * without a body, need that preflight anyway.
 */
export function cookieMayChangeState(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return sameOrigin(request) && (request.method !== 'POST' || type === 'application/json');
}
