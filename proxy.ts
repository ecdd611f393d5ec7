import { NextResponse, type NextRequest } from 'next/server';
import { isPrefetch, PREFETCH_MARK } from '@/lib/prefetch';
import SECURITY_HEADERS from '@/lib/security-headers.json';

/**
 * Security headers on every response. Pages get a Content-Security-Policy with a fresh nonce per request: it is put
 * on the request too (`x-nonce` and `Content-Security-Policy`), which is where Next reads it to stamp its own scripts.
 * Pages must render per request for that to work (docs/decisions/0006-csp-nonce.md). Authorization is not done here:
 * every page, action and route handler checks for itself. The headers every response gets are in a JSON file because
 * scripts/start.mjs answers the requests Next cannot parse (a malformed path) and sends the same ones.
 *
 * Referrer-Policy is same-origin, not no-referrer: with no-referrer, browsers send `Origin: null` on same-origin form
 * posts, and Next (and our own Origin check) then refuse every server action. same-origin still sends nothing to
 * other sites.
 */

function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; 'self' is the fallback for CSP2 browsers.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // style="" attributes (a chart swatch's colour) cannot run script; <style> elements still need the nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const isPage = !path.startsWith('/api/') && !path.startsWith('/_next/');
  let response: NextResponse;
  let csp: string;
  if (isPage) {
    const nonce = newNonce();
    csp = pageCsp(nonce, process.env.NODE_ENV === 'development');
    const headers = new Headers(request.headers);
    headers.set('x-nonce', nonce);
    headers.set('Content-Security-Policy', csp);
    // Only this proxy says whether a request is a prefetch (lib/prefetch.ts): a client's own value is dropped.
    headers.delete(PREFETCH_MARK);
    if (isPrefetch(request.headers)) headers.set(PREFETCH_MARK, '1');
    response = NextResponse.next({ request: { headers } });
  } else {
    csp = SECURITY_HEADERS.apiCsp;
    response = NextResponse.next();
  }
  response.headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS.common)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every path, static chunks included: they need nosniff too.
  matcher: [{ source: '/:path*' }],
};
