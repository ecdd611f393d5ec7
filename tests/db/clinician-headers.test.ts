import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

/** proxy.ts in isolation; the production build is checked in a browser (docs/decisions/0006-csp-nonce.md). */
const call = (path: string) => proxy(new NextRequest(`http://knotwise.test${path}`, { headers: { 'x-nonce': 'forged' } }));

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('security headers (proxy.ts)', () => {
  it('puts the common headers on pages, the API and static files alike', () => {
    for (const path of ['/', '/clinician/login', '/api/v1/clinician/interviews', '/_next/static/chunks/app.js']) {
      const h = call(path).headers;
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(h.get('x-frame-options'), path).toBe('DENY');
      // Not no-referrer: that makes browsers send Origin: null on same-origin form posts, which breaks server actions.
      expect(h.get('referrer-policy'), path).toBe('same-origin');
      expect(h.get('permissions-policy'), path).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
      const csp = directives(h.get('content-security-policy') ?? '');
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
    }
  });

  it('gives each page a fresh nonce, in the response policy and forwarded to Next on the request', () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = call('/chat');
      const csp = res.headers.get('content-security-policy')!;
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      nonces.add(nonce!);
      // NextResponse.next({ request: { headers } }) travels as x-middleware-request-* headers.
      expect(res.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
      expect(res.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
      const d = directives(csp);
      expect(d.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(d.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(csp).not.toContain('unsafe-eval');
    }
    expect(nonces.size).toBe(20);
  });

  it('gives API responses a policy that loads nothing', () => {
    const res = call('/api/v1/health');
    expect(directives(res.headers.get('content-security-policy')!).get('default-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-middleware-request-x-nonce')).toBeNull();
  });
});
