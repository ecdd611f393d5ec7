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
