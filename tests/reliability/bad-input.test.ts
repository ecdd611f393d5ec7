import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoScriptBrowser } from './support/browser';
import { snapshot, type Excluded } from './support/checks';
import { dropDatabase, freshDatabase, openInspector, type DbTarget } from './support/database';
import { ENDPOINTS, fill, routeHandlers } from './support/endpoints';
import { ADMIN, CLINICIAN, interview, signIn } from './support/fixtures';
import { Exerciser, INJECTIONS, mayChangeData, requestArb, sweep, type FixtureName, type FuzzWorld } from './support/fuzz';
import { commonHeaderProblems } from './support/headers';
import { apiErrorOf } from '../support/api-error';
import { api, parseJson } from './support/http';
import type { Interview } from './support/patients';
import { addClinician, CROWD_ENV, ensureBuild, startServer, stopEverything, type AppServer } from './support/server';

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.RELIABILITY_SEED) || Date.now() % 2 ** 31;

let target: DbTarget | undefined;
let server: AppServer;
let running = false;

/**
 * With the crowd's rate limit: under the fuzz one address sends thousands of requests, and the per-address limiter
 * would answer most of them with 429 and leave the handlers behind it untested.
 */
async function up(port?: number): Promise<void> {
  if (running) return;
  server = await startServer({ target: target!, port, env: CROWD_ENV });
  running = true;
}

/** Stopped before the database is read directly: PGlite allows one process per directory. */
async function down(): Promise<void> {
  if (!running) return;
  await server.stop();
  running = false;
}

const tokens = { admin: '', clinician: '', injected: '' };
const fixtures = {} as Record<FixtureName, Interview>;
const world: FuzzWorld = { url: () => server.url, fixtures, tokens };
let injectedAccountName = '';

beforeAll(async () => {
  await ensureBuild();
  target = await freshDatabase('bad_input');
  await addClinician(target, ADMIN);
  await up();
  tokens.admin = (await signIn(server.url, ADMIN.email, ADMIN.password)).token;
  const made = await api(server.url, 'POST', '/api/v1/clinician/accounts', { token: tokens.admin, body: CLINICIAN });
  expect(made.status, made.text).toBe(201);
  tokens.clinician = (await signIn(server.url, CLINICIAN.email, CLINICIAN.password)).token;
  fixtures.complete = await interview(server.url);
  fixtures.asking = await interview(server.url, 3);
  fixtures.declined = await interview(server.url, 1, { consent: 'decline' });
  expect(fixtures.complete.turn.status).toBe('complete');
  expect(fixtures.declined.turn.status).toBe('declined');
});

afterAll(async () => {
  await stopEverything();
  if (target) await dropDatabase(target);
});

/** What React does to text: the form in which an injection must appear in HTML. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

describe('injection attempts', () => {
  it('are stored verbatim through review notes and account names, and every page shows them escaped', { timeout: 120_000 }, async () => {
    injectedAccountName = `${INJECTIONS[0]} ${INJECTIONS[1]}`;
    const account = await api(server.url, 'POST', '/api/v1/clinician/accounts', {
      token: tokens.admin,
      body: { email: 'o.brien@example.org', name: injectedAccountName, password: 'another long passphrase' },
    });
    expect(account.status, account.text).toBe(201);
    tokens.injected = (await signIn(server.url, 'o.brien@example.org', 'another long passphrase')).token;
    const id = fixtures.complete.id;
    for (const [i, note] of INJECTIONS.entries()) {
      const res = await api(server.url, 'POST', `/api/v1/clinician/interviews/${id}/reviews`, {
        token: i === 0 ? tokens.injected : tokens.admin,
        body: { verdict: 'agree', note },
      });
      expect(res.status, res.text).toBe(201);
    }

    // The JSON API gives back exactly what was stored: nothing stripped, nothing double-encoded.
    const detail = parseJson(await api(server.url, 'GET', `/api/v1/clinician/interviews/${id}`, { token: tokens.admin })) as {
      reviews: { note: string; clinician: { name: string } }[];
    };
    expect(detail.reviews.map((r) => r.note)).toEqual([...INJECTIONS]);
    expect(detail.reviews[0]!.clinician.name).toBe(injectedAccountName);

    const portal = new NoScriptBrowser(server.url);
    portal.cookies.set('__Host-kw_clinician', tokens.admin);
    const pages = {
      interview: await portal.get(`/clinician/interviews/${id}`),
      print: await portal.get(`/clinician/interviews/${id}/print`),
      accounts: await portal.get('/clinician/accounts'),
    };
    const shown: Record<string, string[]> = { interview: [...INJECTIONS, injectedAccountName], print: [...INJECTIONS], accounts: [injectedAccountName] };
    for (const [name, res] of Object.entries(pages)) {
      expect(res.status, name).toBe(200);
      for (const text of shown[name]!) {
        expect(res.text, `${name} page shows ${text} escaped`).toContain(escapeHtml(text));
        // Anything with markup in it must never appear as markup, not even inside the page's data scripts.
        if (/[<>"]/.test(text)) expect(res.text, `${name} page contains ${text} raw`).not.toContain(text);
      }
    }
  });

  it('typed into the chat by a patient come back escaped', async () => {
    const browser = new NoScriptBrowser(server.url);
    await browser.submitOn('/', /Start/);
    await browser.submitOn('/chat', /name="questionId" value="consent"/, { value: 'agree' });
    for (const attempt of [INJECTIONS[0], INJECTIONS[2], INJECTIONS[3]]) {
      const page = await browser.submitOn('/chat', /name="questionId" value="age_years"/, { value: attempt });
      expect(page.status).toBe(200);
      expect(page.text, 'the refused answer is shown back to the patient').toContain(escapeHtml(attempt));
      expect(page.text).not.toContain(attempt);
    }
  });
});

describe(`bad input: ${RUNS} random and malformed requests against every endpoint (seed ${SEED})`, () => {
  it('covers every route handler the app exports', () => {
    expect(ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort()).toEqual(routeHandlers());
  });

  let exerciser: Exerciser;
  let before: Awaited<ReturnType<typeof snapshot>>;

  it('gives no 5xx, an actionable JSON error for every 4xx, and never changes stored data on an error', { timeout: 600_000 }, async () => {
    const port = server.port;
    await down();
    const db = await openInspector(target!);
    before = await snapshot(db);
    await db.close();
    await up(port);
    exerciser = new Exerciser(world);
    await exerciser.start();

    await fc.assert(
      fc.asyncProperty(requestArb, async (req) => {
        fc.pre(!mayChangeData(world, req));
        fc.pre(await exerciser.exercise(req));
        return true;
      }),
      { numRuns: RUNS, seed: SEED, maxSkipsPerRun: 10 },
    );
    const { statuses, created } = exerciser;
    console.log(
      `bad input: ${exerciser.sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ` +
        `created ${created.interviews.size} interviews, ${created.reviews.size} reviews, ${created.clinicians.size} accounts`,
    );
    // The server's own output holds the stack traces behind any 5xx.
    expect(exerciser.report(), `server output (last part):\n${server.log().slice(-6000)}`).toEqual([]);
    expect(exerciser.sent).toBeGreaterThanOrEqual(RUNS * 0.9);
    // The fuzz reached the handlers' own checks, not only the authentication in front of them.
    for (const status of [400, 401, 403, 404, 409, 413]) expect(statuses.get(status) ?? 0, `HTTP ${status}`).toBeGreaterThan(0);
  });

  it('gives the same for each injection and odd string in every field, query parameter and path segment', { timeout: 300_000 }, async () => {
    exerciser.findings.clear();
    const requests = sweep(world).filter((r) => !mayChangeData(world, r));
    for (const req of requests) await exerciser.exercise(req);
    console.log(`sweep: ${requests.length} requests`);
    expect(exerciser.report(), `server output (last part):\n${server.log().slice(-6000)}`).toEqual([]);
    expect(requests.length).toBeGreaterThan(1000);
  });

  it('left every table as it was, apart from what its 2xx answers created, and stored injections inertly', async () => {
    await down();
    const db = await openInspector(target!);
    try {
      const excluded: Excluded = exerciser.created;
      const after = await snapshot(db, excluded);
      expect(after).toEqual(before);
      for (const table of ['interviews', 'transcript_entries', 'reviews', 'clinicians', 'audit_events']) {
        expect((await db.query<{ t: string | null }>('select to_regclass($1)::text as t', [table]))[0]?.t).toBe(table);
      }
      const notes = await db.query<{ note: string }>('select note from reviews where interview_id = $1 order by created_at', [
        fixtures.complete.id,
      ]);
      expect(notes.slice(0, INJECTIONS.length).map((r) => r.note)).toEqual([...INJECTIONS]);
      const names = (await db.query<{ name: string }>('select name from clinicians where email = $1', ['o.brien@example.org'])).map((r) => r.name);
      expect(names).toEqual([injectedAccountName]);
      // Each interview the fuzz started is a plain new one: one question asked, nothing answered.
      for (const id of exerciser.created.interviews) {
        const rows = await db.query<{ role: string; step: number }>('select role, step from transcript_entries where interview_id = $1', [id]);
        expect(rows).toEqual([{ role: 'assistant', step: 0 }]);
      }
    } finally {
      await db.close();
    }
  });
});

describe('requests outside what the endpoints accept', () => {
  it('an unsupported method gets a JSON 405 naming the allowed methods', async () => {
    await up();
    const problems = new Map<string, string[]>();
    const problem = (kind: string, example: string) => problems.set(kind, [...(problems.get(kind) ?? []), example]);
    const byPath = new Map<string, string[]>();
    for (const e of ENDPOINTS) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.method]);
    for (const [template, methods] of byPath) {
      const path = fill(template, template.includes('accounts') ? randomUUID() : fixtures.asking.id);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !methods.includes(m))) {
        const res = await api(server.url, method, path, { body: method === 'GET' ? undefined : {} });
        const error = apiErrorOf(parseJson(res));
        const where = `${method} ${template}`;
        if (res.status !== 405) problem('not 405', `${where}: HTTP ${res.status}`);
        else {
          if (!error?.message) problem('405 without a JSON error message', `${where} (body ${JSON.stringify(res.text.slice(0, 60))})`);
          if (!res.headers.allow) problem('405 without an Allow header', where);
        }
      }
    }
    const report = [...problems].map(([kind, examples]) => `${kind}: ${examples.length} case(s), e.g. ${examples.slice(0, 3).join('; ')}`);
    expect(report).toEqual([]);
  });

  it('an unknown API path gets a JSON 404', async () => {
    await up();
    const problems: string[] = [];
    for (const path of ['/api/v1/nothing-here', `/api/v1/sessions/${fixtures.asking.id}/nothing-here`, '/api/v2/sessions']) {
      const res = await api(server.url, 'GET', path);
      const error = apiErrorOf(parseJson(res));
      if (res.status !== 404 || !error?.message) problems.push(`GET ${path}: HTTP ${res.status} ${String(res.headers['content-type'])}`);
    }
    expect(problems).toEqual([]);
  });

  it('a malformed percent-escape in the path gets a 4xx with the security headers, not a 500', async () => {
    await up();
    const problems: string[] = [];
    const paths = [...new Set(ENDPOINTS.filter((e) => e.path.includes('{id}')).map((e) => `${e.method} ${fill(e.path, '%E0%A4%A')}`))];
    paths.push('GET /clinician/interviews/%E0%A4%A');
    for (const call of paths) {
      const [method, path] = call.split(' ') as [string, string];
      const res = await api(server.url, method, path, { token: tokens.admin, body: method === 'POST' ? {} : undefined });
      const headers = commonHeaderProblems(res);
      if (res.status >= 500 || res.status < 400 || headers.length > 0) {
        problems.push(`${call}: HTTP ${res.status}${headers.length ? `, ${headers.length} security headers missing` : ''}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
