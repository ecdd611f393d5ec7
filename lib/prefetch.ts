/**
 * Requests made to prepare a page rather than to show it: Next's router prefetching a link (on hover or in view),
 * and browsers' own prefetch and prerender (`Sec-Purpose`, the older `Purpose` and Firefox's `X-Moz`). Next strips
 * its router headers before a page can read them, so proxy.ts reads them all and passes the verdict on as
 * PREFETCH_MARK. A page that audits what it shows renders nothing of the record for such a request (see
 * app/clinician/_lib/load-interview.ts); a client that sends these headers on purpose only gets less.
 */
export const PREFETCH_MARK = 'x-knotwise-prefetch';

export function isPrefetch(headers: Headers): boolean {
  if (headers.has('next-router-prefetch') || headers.has('next-router-segment-prefetch')) return true;
  const purpose = [headers.get('sec-purpose'), headers.get('purpose'), headers.get('x-moz')].join(' ').toLowerCase();
  return /\b(prefetch|prerender)\b/.test(purpose);
}
