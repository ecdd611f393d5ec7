import { describe, expect, it } from 'vitest';
import { clientAddress } from './client';

const SOCKET = '198.51.100.20';

function headers(forwardedFor?: string): Headers {
  const h = new Headers({ 'x-knotwise-client-ip': SOCKET });
  if (forwardedFor !== undefined) h.set('x-forwarded-for', forwardedFor);
  return h;
}

describe('the client address behind proxies', () => {
  it('is the one the proxy appended, whatever the client wrote into X-Forwarded-For itself', () => {
    const oneProxy = { TRUST_PROXY: true, TRUST_PROXY_HOPS: 1 };
    expect(clientAddress(headers('203.0.113.7'), oneProxy)).toBe('203.0.113.7');
    // A client that sends its own X-Forwarded-For gets it prefixed to what the proxy appends: each new value it
    // invents must not become a new client (a fresh rate-limit and sign-in budget).
    for (const invented of ['1.2.3.4', '10.0.0.1, 10.0.0.2', 'not an address', '']) {
      expect(clientAddress(headers(`${invented}, 203.0.113.7`), oneProxy)).toBe('203.0.113.7');
    }
  });

  it('counts TRUST_PROXY_HOPS proxies from the right', () => {
    const twoProxies = { TRUST_PROXY: true, TRUST_PROXY_HOPS: 2 };
    // client -> CDN (appends the client) -> load balancer (appends the CDN) -> Knotwise
    expect(clientAddress(headers('1.2.3.4, 203.0.113.7, 192.0.2.10'), twoProxies)).toBe('203.0.113.7');
    expect(clientAddress(headers('203.0.113.7, 192.0.2.10'), twoProxies)).toBe('203.0.113.7');
    // Passed one proxy only: the one entry is still a proxy's.
    expect(clientAddress(headers('203.0.113.7'), twoProxies)).toBe('203.0.113.7');
  });

  it('is the socket address without TRUST_PROXY, or when no proxy said anything', () => {
    expect(clientAddress(headers('203.0.113.7'), { TRUST_PROXY: false, TRUST_PROXY_HOPS: 1 })).toBe(SOCKET);
    expect(clientAddress(headers(), { TRUST_PROXY: true, TRUST_PROXY_HOPS: 1 })).toBe(SOCKET);
  });
});
