import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoScriptBrowser } from './support/browser';
import { dropDatabase, freshDatabase, type DbTarget } from './support/database';
import { ENDPOINTS, fill } from './support/endpoints';
import { ADMIN, CLINICIAN, interview, PASSWORD, signIn } from './support/fixtures';
import { commonHeaderProblems, pageCspProblems, resourceCspProblems, unnoncedElements } from './support/headers';
import { api, parseJson, parseSetCookie, send, type HttpResponse } from './support/http';
import { chooseAnswer, errorOf, PatientApi, seeded } from './support/patients';
import { addClinician, ensureBuild, startServer, stopEverything, type AppServer } from './support/server';

/** The server runs with the shipped defaults (Secure cookies, the default rate limit): this is what gets deployed. */

const THROTTLED = { email: 'throttled@example.org', name: 'Tess Throttled', password: PASSWORD };

let target: DbTarget | undefined;
let server: AppServer;
let adminToken = '';
/** Every Set-Cookie line the server sent in this file. */
const setCookies: string[] = [];

function collect(res: HttpResponse): HttpResponse {
  setCookies.push(...res.setCookie);
  return res;
}

beforeAll(async () => {
  await ensureBuild();
  target = await freshDatabase('security');
  await addClinician(target, ADMIN);
  server = await startServer({ target });
  const admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  collect(admin.res);
  adminToken = admin.token;
  for (const account of [CLINICIAN, THROTTLED]) {
    const made = await api(server.url, 'POST', '/api/v1/clinician/accounts', { token: adminToken, body: account });
    if (made.status !== 201) throw new Error(`Creating ${account.email} gave HTTP ${made.status}: ${made.text}`);
  }
});

afterAll(async () => {
  await stopEverything();
  if (target) await dropDatabase(target);
});


describe('security headers', () => {
  it('are on every page, with a fresh nonce-based CSP that every script and style on the page carries', async () => {
    const finished = await interview(server.url);
    const patient = new NoScriptBrowser(server.url);
    await patient.submitOn('/', /Start/);
    const admin = new NoScriptBrowser(server.url);
    admin.cookies.set('__Host-kw_clinician', adminToken);
    const anonymous = new NoScriptBrowser(server.url);

    const pages: [NoScriptBrowser, string][] = [
      [anonymous, '/'],
      [anonymous, '/chat'],
      [anonymous, '/chat/summary'],
      [anonymous, '/clinician/login'],
      [anonymous, '/clinician'],
      [anonymous, `/clinician/interviews/${finished.id}`],
      [anonymous, '/clinician/versions'],
      [anonymous, '/no-such-page'],
      [patient, '/'],
      [patient, '/chat'],
      [patient, '/chat/summary'],
      [admin, '/clinician'],
      [admin, '/clinician/accounts'],
      [admin, '/clinician/audit'],
      [admin, '/clinician/report'],
      // Streams its impact section in after the rest (Suspense): the streamed scripts need the nonce too.
      [admin, '/clinician/versions'],
      [admin, `/clinician/interviews/${finished.id}`],
      [admin, `/clinician/interviews/${finished.id}/print`],
      [admin, `/clinician/interviews/${randomUUID()}`],
    ];
    const problems: string[] = [];
    const nonces = new Set<string>();
    let htmlPages = 0;
    for (const [browser, path] of pages) {
      const res = collect(await browser.get(path));
      const where = `${path} (${browser === admin ? 'clinician' : browser === patient ? 'patient' : 'anonymous'}, HTTP ${res.status})`;
      const { nonce, problems: csp } = pageCspProblems(res);
      problems.push(...[...commonHeaderProblems(res), ...csp].map((p) => `${where}: ${p}`));
      if (nonce) {
        if (nonces.has(nonce)) problems.push(`${where}: nonce ${nonce} was already used by another response`);
        nonces.add(nonce);
      }
      if (String(res.headers['content-type']).startsWith('text/html') && res.text.length > 0) {
        htmlPages++;
        for (const tag of unnoncedElements(res.text, nonce)) problems.push(`${where}: blocked by its own CSP (no nonce): ${tag}`);
      }
    }
    expect(problems).toEqual([]);
    expect(htmlPages).toBeGreaterThanOrEqual(12);

    // Next's own scripts and styles: nosniff and the resource policy too.
    const home = await anonymous.get('/');
    const assets = [...home.text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((m) => m[1]!).slice(0, 4);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await send(server.url, { path: asset });
      expect(res.status, asset).toBe(200);
      expect([...commonHeaderProblems(res), ...resourceCspProblems(res)], asset).toEqual([]);
    }
  });

  it('are on every API response, success or error, and API answers are never cached', async () => {
    const iv = await interview(server.url, 3);
    const calls: { method: string; path: string; token?: string; body?: unknown }[] = [];
    for (const e of ENDPOINTS) {
      const id = e.idKind === 'account' ? randomUUID() : iv.id;
      const path = fill(e.path, id);
      const token = e.audience === 'patient' ? iv.token : e.audience === 'clinician' ? adminToken : undefined;
      // Signing out here would end the session the rest of the file uses.
      if (e.path.endsWith('/logout')) calls.push({ method: e.method, path });
      else if (e.method === 'DELETE') calls.push({ method: e.method, path: fill(e.path, randomUUID()), token });
      else calls.push({ method: e.method, path, token, body: e.method === 'POST' ? {} : undefined });
      calls.push({ method: e.method, path, token: 'not-a-token', body: e.method === 'POST' ? 'not json' : undefined });
    }
    calls.push({ method: 'GET', path: '/api/v1/no-such-endpoint' }, { method: 'PUT', path: '/api/v1/sessions' });
    const problems: string[] = [];
    for (const call of calls) {
      const res = collect(await api(server.url, call.method, call.path, { token: call.token, body: call.body }));
      const where = `${call.method} ${call.path} (HTTP ${res.status})`;
      problems.push(...[...commonHeaderProblems(res), ...resourceCspProblems(res)].map((p) => `${where}: ${p}`));
      const known = ENDPOINTS.some((e) => e.method === call.method && new RegExp(`^${e.path.replace('{id}', '[^/]+')}$`).test(call.path));
      if (known && !/no-store/.test(String(res.headers['cache-control']))) problems.push(`${where}: cache-control ${res.headers['cache-control']}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('cookies', () => {
  function cookieProblems(line: string): string[] {
    const c = parseSetCookie(line);
    const problems: string[] = [];
    if (!c.attributes.has('httponly')) problems.push('not HttpOnly');
    if (!c.attributes.has('secure')) problems.push('not Secure');
    if (!['lax', 'strict'].includes(c.attributes.get('samesite')?.toLowerCase() ?? '')) problems.push(`SameSite=${c.attributes.get('samesite')}`);
    if (c.attributes.get('path') !== '/') problems.push(`Path=${c.attributes.get('path')}`);
    if (c.attributes.has('domain')) problems.push('has a Domain, so subdomains would receive it');
    return problems.map((p) => `${c.name}: ${p}`);
  }

  it('the clinician session cookie is __Host-, HttpOnly, Secure and SameSite, when set and when cleared', async () => {
    const { res, token } = await signIn(server.url, CLINICIAN.email, CLINICIAN.password);
    collect(res);
    expect(res.setCookie).toHaveLength(1);
    const cookie = parseSetCookie(res.setCookie[0]!);
    expect(cookie.name).toBe('__Host-kw_clinician');
    expect(cookie.value).toBe(token);
    expect(cookieProblems(res.setCookie[0]!)).toEqual([]);

    // As a portal page would send it: the cookie alone is refused for a change (decision 0022).
    const session = `__Host-kw_clinician=${token}`;
    expect((await api(server.url, 'POST', '/api/v1/clinician/logout', { headers: { cookie: session } })).status).toBe(403);
    const out = collect(
      await api(server.url, 'POST', '/api/v1/clinician/logout', {
        headers: { cookie: session, origin: server.url, 'content-type': 'application/json' },
      }),
    );
    expect(out.status).toBe(200);
    expect(out.setCookie.map(cookieProblems).flat()).toEqual([]);
    expect(parseSetCookie(out.setCookie[0]!).attributes.get('max-age')).toBe('0');
    // The session is over on the server too, not only in the browser.
    expect((await api(server.url, 'GET', '/api/v1/clinician/interviews', { token })).status).toBe(401);
  });

  it('the patient cookie is __Host-, HttpOnly, Secure and SameSite, and the token never reaches the page', async () => {
    const browser = new NoScriptBrowser(server.url);
    const chat = await browser.submitOn('/', /Start/);
    expect(chat.status).toBe(200);
    // __Host-: no subdomain and no plain-http page can plant an interview cookie of its own choosing.
    const line = browser.setCookies.find((l) => l.startsWith('__Host-kw_interview='));
    expect(line, 'starting a chat sets __Host-kw_interview').toBeDefined();
    expect(cookieProblems(line!)).toEqual([]);
    expect(Number(parseSetCookie(line!).attributes.get('max-age'))).toBeLessThanOrEqual(2 * 60 * 60);
    const value = browser.cookies.get('__Host-kw_interview')!;
    const [id, token] = [value.split('.')[0]!, value.split('.').slice(1).join('.')];
    expect(token.length).toBeGreaterThan(20);
    // A wrong answer makes the chat keep a notice in another cookie; it must be as well guarded.
    await browser.submitOn('/chat', /name="questionId" value="consent"/, { value: 'agree' });
    await browser.submitOn('/chat', /name="questionId" value="age_years"/, { value: 'two hundred' });
    expect(browser.setCookies.some((l) => l.startsWith('__Host-kw_notice='))).toBe(true);
    for (const path of ['/chat', '/chat/summary', '/']) {
      const page = await browser.get(path);
      expect(page.text, `${path} shows the interview token`).not.toContain(token);
      expect(page.headers.location ?? '', `${path} redirects with the token`).not.toContain(token);
    }
    setCookies.push(...browser.setCookies);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a bare kw_interview cookie, which another subdomain or a plain-http page could plant, opens nothing', async () => {
    const own = await interview(server.url, 2);
    const planted = `kw_interview=${own.id}.${own.token}`;
    expect((await api(server.url, 'GET', `/api/v1/sessions/${own.id}`, { headers: { cookie: planted } })).status).toBe(401);
    const browser = new NoScriptBrowser(server.url);
    browser.cookies.set('kw_interview', `${own.id}.${own.token}`);
    const chat = await browser.get('/chat');
    expect(chat.status).toBe(307);
    expect(chat.headers.location).toBe('/');
  });

  it('every cookie the server set in this file is HttpOnly, Secure and SameSite', () => {
    expect(setCookies.length).toBeGreaterThan(3);
    expect(setCookies.flatMap((line) => cookieProblems(line))).toEqual([]);
  });
});

describe('one patient cannot reach another patient’s interview', () => {
  it('refuses A’s token and cookie on every route of B, the same way as for an interview that does not exist', async () => {
    const a = await interview(server.url, 2);
    const b = await interview(server.url, 3);
    const client = new PatientApi(() => server.url);
    const before = await client.load(b);
    const answerForB = { questionId: b.turn.question!.id, value: chooseAnswer(b.turn.question!, seeded(1)), step: b.turn.step };
    const attempts: { method: string; path: string; body?: unknown }[] = [
      { method: 'GET', path: `/api/v1/sessions/${b.id}` },
      { method: 'POST', path: `/api/v1/sessions/${b.id}/answers`, body: answerForB },
      { method: 'POST', path: `/api/v1/sessions/${b.id}/revisions`, body: { questionId: 'consent' } },
      { method: 'DELETE', path: `/api/v1/sessions/${b.id}` },
    ];
    const credentials: [string, Record<string, string>][] = [
      ['A’s token', { authorization: `Bearer ${a.token}` }],
      ['A’s cookie', { cookie: `__Host-kw_interview=${a.id}.${a.token}` }],
      ['a cookie naming B with A’s token', { cookie: `__Host-kw_interview=${b.id}.${a.token}` }],
      ['a clinician’s token', { authorization: `Bearer ${adminToken}` }],
      ['B’s short code', { authorization: `Bearer ${b.id.slice(0, 8)}` }],
      ['nothing', {}],
    ];
    const unknown = await api(server.url, 'GET', `/api/v1/sessions/${randomUUID()}`, { token: randomBytes(32).toString('base64url') });
    expect(unknown.status).toBe(401);
    for (const attempt of attempts) {
      for (const [label, headers] of credentials) {
        const res = await api(server.url, attempt.method, attempt.path, { body: attempt.body, headers });
        const where = `${attempt.method} ${attempt.path} with ${label}`;
        expect(res.status, where).toBe(401);
        // The same refusal as for an interview that does not exist: nothing tells an attacker B is real.
        expect(parseJson(res), where).toEqual(parseJson(unknown));
        expect(res.text, where).not.toContain(b.id);
      }
    }
    // A's cookie on a cross-site state change is ignored even for A's own interview.
    const forged = await api(server.url, 'POST', `/api/v1/sessions/${a.id}/revisions`, {
      body: { questionId: 'consent' },
      headers: { cookie: `__Host-kw_interview=${a.id}.${a.token}`, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(401);

    const after = await client.load(b);
    expect(after.transcript).toEqual(before.transcript);
    expect((await client.load(a)).answers).toEqual(a.answers);
  });

  it('shows a patient’s browser only its own interview', async () => {
    const other = await interview(server.url, 4);
    const otherView = await api(server.url, 'GET', `/api/v1/sessions/${other.id}`, { token: other.token });
    const otherCode = (parseJson(otherView) as { session: { code: string } }).session.code;
    const browser = new NoScriptBrowser(server.url);
    await browser.submitOn('/', /Start/);
    await browser.submitOn('/chat', /name="questionId" value="consent"/, { value: 'agree' });
    // A cookie that names the other interview but carries this browser's token opens nothing.
    const own = browser.cookies.get('__Host-kw_interview')!;
    for (const path of ['/chat', '/chat/summary']) {
      const page = await browser.get(path);
      expect(page.text).not.toContain(otherCode);
      expect(page.text).not.toContain(other.id);
    }
    browser.cookies.set('__Host-kw_interview', `${other.id}.${own.split('.').slice(1).join('.')}`);
    for (const path of ['/chat', '/chat/summary']) {
      const page = await browser.get(path);
      expect(page.text, path).not.toContain(otherCode);
      expect(page.text, path).not.toContain('Where is your pain');
    }
  });

  it('does not open clinician routes with a patient’s token or cookie', async () => {
    const iv = await interview(server.url, 2);
    for (const e of ENDPOINTS.filter((x) => x.audience === 'clinician')) {
      const path = fill(e.path, e.idKind === 'account' ? randomUUID() : iv.id);
      const attempts: Record<string, string>[] = [
        { authorization: `Bearer ${iv.token}` },
        { cookie: `__Host-kw_interview=${iv.id}.${iv.token}` },
        { cookie: `__Host-kw_clinician=${iv.token}` },
      ];
      for (const headers of attempts) {
        const res = await api(server.url, e.method, path, { headers, body: e.method === 'POST' ? {} : undefined });
        expect(res.status, `${e.method} ${path} with ${JSON.stringify(headers).slice(0, 40)}`).toBe(401);
        expect(res.text).not.toContain(iv.id);
      }
    }
  });
});

describe('sign-in', () => {
  it('throttles brute force per account (5 checks, then 429 even for the right password) without locking colleagues at the same address out', { timeout: 180_000 }, async () => {
    const guess = (email: string, password: string) => api(server.url, 'POST', '/api/v1/clinician/login', { body: { email, password } });

    // A wrong password and an unknown email read alike, and both count as failures from this address.
    const wrong = await guess(ADMIN.email, 'not the password at all');
    const unknown = await guess('nobody@example.org', 'not the password at all');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(parseJson(wrong)).toEqual(parseJson(unknown));
    expect(wrong.setCookie).toEqual([]);

    // A burst at one account, and a colleague signing in from the same address at that moment.
    const [burst, colleague] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, (_, i) => guess(THROTTLED.email, `wrong guess number ${i}`))),
      guess(CLINICIAN.email, CLINICIAN.password),
    ]);
    // Exactly five guesses are checked, however many arrive at once; the rest are refused before any hashing.
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(5).fill(401), ...Array(5).fill(429)]);
    // The colleague's right password was neither refused nor stuck behind the burst.
    expect(colleague.status).toBe(200);

    // From then on every guess for that account is refused unchecked, the right password too.
    for (let i = 0; i < 3; i++) expect((await guess(THROTTLED.email, `another wrong guess ${i}`)).status).toBe(429);
    const right = await guess(THROTTLED.email, THROTTLED.password);
    expect(right.status).toBe(429);
    expect(right.setCookie).toEqual([]);
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const error = errorOf(right);
    expect(error?.code).toBe('rate_limited');
    expect(error?.message).toMatch(/wait/i);

    // An account that does not exist is throttled the same way, with the same words.
    for (let i = 0; i < 5; i++) expect((await guess('nobody-at-all@example.org', `whatever it is ${i}`)).status).toBe(401);
    const ghost = await guess('nobody-at-all@example.org', 'whatever it is now');
    expect(ghost.status).toBe(429);
    const minutes = (m: string | undefined) => m?.replace(/\d+ minutes?/, 'N minutes');
    expect(minutes(errorOf(ghost)?.message)).toBe(minutes(error?.message));

    // Twelve failures from this address so far: other clinicians here still sign in.
    expect((await guess(ADMIN.email, ADMIN.password)).status).toBe(200);
  });
});
