import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsOf, NoScriptBrowser } from './support/browser';
import { dropDatabase, freshPglite, openInspector, type DbTarget } from './support/database';
import { ADMIN, interview, signIn } from './support/fixtures';
import { commonHeaderProblems, resourceCspProblems } from './support/headers';
import { api, parseJson, send, type HttpResponse } from './support/http';
import { errorOf } from './support/patients';
import { addClinician, ensureBuild, freePort, run, startServer, stopEverything, type AppServer } from './support/server';

/**
 * Findings of the security review on the patient side and the HTTP layer, each tried against a production server the
 * way the reviewer did. PGlite throughout: the storage findings are about its files.
 */

type PgliteTarget = Extract<DbTarget, { kind: 'pglite' }>;
const targets: DbTarget[] = [];
function pglite(label: string): PgliteTarget {
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

/**
 * Sends the headers and the first part of a body, then waits for an answer without ever finishing the body: a server
 * that reads the whole body before judging it never answers.
 */
function answerWhileSending(base: string, path: string, headers: Record<string, string>, firstPart: Buffer): Promise<HttpResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method: 'POST', path, headers, agent: false, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, setCookie: [], text: Buffer.concat(chunks).toString('utf8') });
        request.destroy();
      });
    });
    request.on('timeout', () => request.destroy(new Error(`no answer to POST ${path} while its body was still being sent`)));
    request.on('error', reject);
    request.write(firstPart);
  });
}

describe('request bodies and methods', () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startServer({ target: pglite('http') });
  });

  it('a chunked body is refused before it is read, with the JSON error and the security headers', async () => {
    const res = await answerWhileSending(
      server.url,
      '/api/v1/sessions',
      { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      Buffer.from(`4000\r\n{"locale":"${'x'.repeat(0x4000 - 13)}"}\r\n`),
    );
    expect(res.status).toBe(411);
    expect(errorOf(res)?.code).toBe('length_required');
    expect(errorOf(res)?.message).toMatch(/Content-Length/);
    expect([...commonHeaderProblems(res), ...resourceCspProblems(res)]).toEqual([]);
    // Pages too: a server action's body is read by Next before the action can look at it.
    const page = await answerWhileSending(server.url, '/chat', { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' }, Buffer.from('5\r\nhello\r\n'));
    expect(page.status).toBe(411);
  });

  it('a declared length over the limit is refused without waiting for the body', async () => {
    const res = await answerWhileSending(
      server.url,
      '/api/v1/sessions',
      { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      Buffer.from('{"locale":"'),
    );
    expect(res.status).toBe(413);
    expect(errorOf(res)?.code).toBe('too_large');
    expect(commonHeaderProblems(res)).toEqual([]);
  });

  it('TRACE and other methods Knotwise does not use get a 405 with the security headers, JSON under /api/', async () => {
    for (const method of ['TRACE', 'PROPFIND']) {
      const res = await send(server.url, { method, path: '/api/v1/sessions' });
      expect(res.status, method).toBe(405);
      expect(errorOf(res)?.code, method).toBe('method_not_allowed');
      expect(res.headers.allow, method).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      expect([...commonHeaderProblems(res), ...resourceCspProblems(res)], method).toEqual([]);
      const page = await send(server.url, { method, path: '/chat' });
      expect(page.status, method).toBe(405);
      expect(commonHeaderProblems(page), method).toEqual([]);
    }
    // The server is still there for everyone else.
    expect((await api(server.url, 'POST', '/api/v1/sessions', { body: {} })).status).toBe(201);
  });
});

/** Every file and directory under `dir`, with its permission bits. Tolerates files the server removes meanwhile. */
function modes(dir: string): { path: string; mode: number }[] {
  const found: { path: string; mode: number }[] = [];
  const visit = (at: string) => {
    let stat;
    try {
      stat = lstatSync(at);
    } catch {
      return;
    }
    found.push({ path: path.relative(dir, at) || '.', mode: stat.mode & 0o777 });
    if (!stat.isDirectory()) return;
    let names: string[] = [];
    try {
      names = readdirSync(at);
    } catch {
      return;
    }
    for (const name of names) visit(path.join(at, name));
  };
  visit(dir);
  return found;
}

/** The files under `dir` whose bytes contain any of `texts` (as UTF-8), with the texts found in each. */
function filesContaining(dir: string, texts: string[]): string[] {
  const needles = texts.map((t) => Buffer.from(t, 'utf8'));
  const hits: string[] = [];
  for (const { path: file } of modes(dir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(dir, file));
    } catch {
      continue;
    }
    const found = texts.filter((_, i) => bytes.includes(needles[i]!));
    if (found.length > 0) hits.push(`${file}: ${found.join(', ')}`);
  }
  return hits;
}

/** A patient's finished interview with a clinician's note on it: the text a deletion must clear out of the files. */
async function interviewWithNote(url: string, token: string) {
  const iv = await interview(url);
  const view = parseJson(await api(url, 'GET', `/api/v1/sessions/${iv.id}`, { token: iv.token })) as { session: { code: string } };
  const note = `note-${randomBytes(12).toString('hex')}: sore after lifting, try the plan`;
  const review = await api(url, 'POST', `/api/v1/clinician/interviews/${iv.id}/reviews`, { token, body: { verdict: 'agree', note } });
  expect(review.status, review.text).toBe(201);
  return { ...iv, code: view.session.code, note };
}

async function eventually(what: string, check: () => string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  let left = check();
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    left = check();
  }
  expect(left, what).toEqual([]);
}

describe('the embedded database’s files', () => {
  let target: PgliteTarget;
  let server: AppServer;
  let clinicianToken = '';
  beforeAll(async () => {
    target = pglite('storage');
    await addClinician(target, ADMIN);
    server = await startServer({ target });
    clinicianToken = (await signIn(server.url, ADMIN.email, ADMIN.password)).token;
  });

  it('are the server user’s alone, those written after start included', async () => {
    // Writes of every kind: answers, a sign-in (a password check and a session), a review, a deletion.
    await interviewWithNote(server.url, clinicianToken);
    const gone = await interview(server.url, 3);
    expect((await api(server.url, 'DELETE', `/api/v1/sessions/${gone.id}`, { token: gone.token })).status).toBe(204);
    const all = modes(target.dataDir);
    expect(all.length).toBeGreaterThan(100);
    const open = all.filter((f) => (f.mode & 0o077) !== 0).map((f) => `${f.path} ${f.mode.toString(8)}`);
    expect(open).toEqual([]);
  });

  it('keep nothing of an interview its patient deleted: not the answers’ reference code, not a clinician’s note', async () => {
    const iv = await interviewWithNote(server.url, clinicianToken);
    const traces = [iv.code, iv.note];
    // The search can see them while they are stored.
    expect(filesContaining(target.dataDir, traces).length).toBeGreaterThan(0);
    expect((await api(server.url, 'DELETE', `/api/v1/sessions/${iv.id}`, { token: iv.token })).status).toBe(204);
    await eventually('files that still hold the deleted interview', () => filesContaining(target.dataDir, traces));
    await server.stop();
    expect(filesContaining(target.dataDir, traces)).toEqual([]);
  });

  it('keep nothing of interviews the retention purge deleted', async () => {
    server = await startServer({ target });
    clinicianToken = (await signIn(server.url, ADMIN.email, ADMIN.password)).token;
    const old = await interviewWithNote(server.url, clinicianToken);
    await server.stop();
    const db = await openInspector(target);
    await db.query(`update interviews set created_at = now() - interval '400 days' where id = $1`, [old.id]);
    await db.close();
    const { DATABASE_URL: _url, ...rest } = process.env;
    const output = await run('npm', ['run', '--silent', 'retention:purge'], {
      env: { ...rest, DATA_DIR: target.dataDir, PORT: String(await freePort()) } as NodeJS.ProcessEnv,
      timeoutMs: 120_000,
      label: 'retention:purge',
    });
    expect(output).toMatch(/Deleted 1 interview/);
    expect(filesContaining(target.dataDir, [old.code, old.note])).toEqual([]);
  });

  it('are refused, and left alone, in a data directory that other users can write', async () => {
    const shared = pglite('shared');
    mkdirSync(shared.dataDir);
    chmodSync(shared.dataDir, 0o777);
    await expect(startServer({ target: shared })).rejects.toThrow(/data directory \S+ can be written by other users \(mode 0777\)/);
    expect(readdirSync(shared.dataDir)).toEqual([]);
  });
});
