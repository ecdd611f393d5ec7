import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsOf, NoScriptBrowser } from './support/browser';
import { dropDatabase, freshPglite, type DbTarget } from './support/database';
import { api, parseJson } from './support/http';
import { errorOf } from './support/patients';
import { ensureBuild, startServer, stopEverything, type AppServer } from './support/server';

/**
 * Findings of the security review on the patient side and the HTTP layer, each tried against a production server the
 * way the reviewer did. PGlite throughout: the storage findings are about its files.
 */

const targets: DbTarget[] = [];
function pglite(label: string): DbTarget {
  const target = freshPglite(label);
  targets.push(target);
  return target;
}

beforeAll(ensureBuild);

afterAll(async () => {
  await stopEverything();
  for (const target of targets) await dropDatabase(target);
});

/** A client of its own: the address the (trusted) proxy in front of the server says it saw. */
function viaProxy(address: string, invented?: string): Record<string, string> {
  return { 'x-forwarded-for': invented === undefined ? address : `${invented}, ${address}` };
}

describe('the rate limit, behind one trusted proxy (5 requests a minute)', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startServer({ target: pglite('limits'), env: { TRUST_PROXY: 'true', RATE_LIMIT_PER_MINUTE: '5' } });
  });

  it('is one budget for the chat’s forms and the API', async () => {
    const client = viaProxy('203.0.113.10');
    for (let i = 0; i < 3; i++) expect((await api(server.url, 'POST', '/api/v1/sessions', { body: {}, headers: client })).status).toBe(201);
    const browser = new NoScriptBrowser(server.url, client);
    const starts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const landing = await browser.get('/');
      const start = formsOf(landing.text).find((f) => /Start/.test(f.html));
      expect(start, 'the landing page has a start button').toBeDefined();
      const res = await browser.submit('/', start!);
      expect(res.status).toBe(303);
      starts.push(res.headers.location ?? '');
    }
    // Two more interviews fit in the budget of five; the third start is turned away without a new interview.
    expect(starts.slice(0, 2).every((l) => l.startsWith('/chat'))).toBe(true);
    expect(starts[2]).toMatch(/^\/\?wait=\d+$/);
    const refused = await browser.get(starts[2]!);
    expect(refused.text).toMatch(/Too many requests came from your connection in the last minute\. Wait \d+ seconds?, then try again\./);
    expect(errorOf(await api(server.url, 'POST', '/api/v1/sessions', { body: {}, headers: client }))?.code).toBe('rate_limited');
  });

  it('is not escaped by writing addresses into X-Forwarded-For before the proxy’s own', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await api(server.url, 'POST', '/api/v1/sessions', { body: {}, headers: viaProxy('203.0.113.20', `10.9.${i}.${i}`) });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
    // Another client behind the same proxy still has its own budget.
    expect((await api(server.url, 'POST', '/api/v1/sessions', { body: {}, headers: viaProxy('203.0.113.21') })).status).toBe(201);
  });

  it('counts a client’s requests to every interview together, whichever ids it invents', async () => {
    const client = viaProxy('203.0.113.30');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const id = `${randomBytes(4).toString('hex')}-0000-4000-8000-000000000000`;
      statuses.push((await api(server.url, 'GET', `/api/v1/sessions/${id}`, { token: 'x'.repeat(43), headers: client })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(parseJson(await api(server.url, 'GET', `/api/v1/sessions/${randomBytes(16).toString('hex')}`, { headers: client }))).toMatchObject({
      error: { code: 'rate_limited' },
    });
  });
});
