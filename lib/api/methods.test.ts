import { describe, expect, it } from 'vitest';
import { notFoundMethods, otherMethods } from './methods';

describe('unsupported methods', () => {
  it('get a JSON 405 whose Allow header lists what the address takes', async () => {
    const handlers = otherMethods('GET', 'DELETE');
    expect(Object.keys(handlers).sort()).toEqual(['PATCH', 'POST', 'PUT']);
    const res = handlers.POST();
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect(await res.json()).toEqual({ error: { code: 'method_not_allowed', message: 'This address accepts GET and DELETE only.' } });
  });

  it('leave out HEAD when the address has no GET', () => {
    expect(otherMethods('POST').GET().headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('an address with no endpoint', () => {
  it('gets a JSON 404 for every method, pointing at the API reference', async () => {
    for (const handler of Object.values(notFoundMethods())) {
      const res = handler();
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/docs\/api\.md/);
    }
  });
});
