import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { interviewCookieName } from '@/lib/interview/cookie';
import { checkAnswer } from '@/lib/protocol/answer-schema';
import { NEWEST_VERSION, protocolFor } from '@/lib/protocol/versions';
import type { QuestionId } from '@/lib/protocol/types';
import { ENDPOINTS, fill, type Endpoint } from './endpoints';
import { ADMIN } from './fixtures';
import { apiErrorOf, isJsonContentType } from '../../support/api-error';
import { api, keepAliveAgent, NetworkError, parseJson, send, type HttpResponse } from './http';
import type { Interview, TranscriptEntry } from './patients';

/** The test servers run with the default COOKIE_SECURE=true. */
const PATIENT_COOKIE = interviewCookieName(true);

/**
 * The bad-input fuzz: what a request is made of (endpoint, method, target, query, credential, body, headers), the
 * fast-check arbitraries that generate them, and the exerciser that sends them and keeps score.
 */

/** Text that would do harm if a layer interpreted it instead of storing and showing it. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  "'; DROP TABLE interviews;--",
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)" x="',
  "Robert'); DELETE FROM reviews; --",
] as const;

export type FixtureName = 'complete' | 'asking' | 'declined';

/** What the requests refer to: three interviews in known states and three signed-in clinicians. */
export interface FuzzWorld {
  url: () => string;
  fixtures: Record<FixtureName, Interview>;
  tokens: { admin: string; clinician: string; injected: string };
}

export type Auth =
  | 'none'
  | 'own-bearer'
  | 'other-bearer'
  | 'garbage-bearer'
  | 'clinician-bearer'
  | 'admin-bearer'
  | 'injected-bearer'
  | 'patient-bearer'
  | 'forged-kwc'
  | 'malformed'
  | 'own-cookie'
  | 'own-cookie-cross-site'
  | 'cookie-other-id'
  | 'garbage-cookie'
  | 'clinician-cookie'
  | 'clinician-cookie-cross-site'
  | 'clinician-cookie-wrong-name';

export type Target = { kind: 'fixture'; name: FixtureName } | { kind: 'raw'; id: string };

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array };

export interface FuzzRequest {
  endpoint: Endpoint;
  method: string;
  target: Target;
  query: [string, string][];
  auth: Auth;
  body: Body;
  contentType: string | undefined;
  extraHeaders: Record<string, string>;
}

// The servers under test run the default version, the newest.
const PROTOCOL = protocolFor(NEWEST_VERSION);
const OPTION_VALUES = [...new Set(PROTOCOL.content.questions.flatMap((q) => (q.options ?? []).map((o) => o.value)))];
export const STRANGE = [
  ...INJECTIONS,
  '\u0000',
  'a\u0000b',
  '%00',
  '%E0%A4%A',
  '../../../etc/passwd',
  '${7*7}',
  '{{7*7}}',
  '\u202eevil',
  '\ud800',
  '😀'.repeat(30),
  'x'.repeat(3000),
  ' ',
  '',
  'null',
  '__proto__',
  'constructor',
  '-1',
  '1e999',
  'kwc_' + 'A'.repeat(43),
  "'; SELECT pg_sleep(5);--",
  '9999-12-31',
  '0000-01-01',
  '2026-02-30',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...STRANGE) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTOCOL.questionIds, ...OPTION_VALUES) },
);

const answerValue = fc.oneof(
  text,
  fc.integer({ min: -1000, max: 1000 }),
  fc.double(),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, 0.5, 120, 121, -1, 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 20 }),
  fc.array(fc.constantFrom(...OPTION_VALUES), { maxLength: 8 }),
  fc.jsonValue({ maxDepth: 3 }),
);

// Mostly without: one unknown key makes any body invalid, and the checks behind the shape deserve most of the runs.
const extraKey = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'step', 'id', 'token'), fc.jsonValue({ maxDepth: 1 })) },
);

function shaped(kind: Endpoint['body']): fc.Arbitrary<unknown> {
  // Every field present most of the time, any subset of them otherwise.
  const withExtra = <T extends Record<string, unknown>>(a: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
    fc
      .tuple(fc.oneof({ weight: 2, arbitrary: fc.record(a) }, { weight: 1, arbitrary: fc.record(a, { requiredKeys: [] }) }), extraKey)
      .map(([o, extra]): Record<string, unknown> => (extra ? { ...o, [extra[0]]: extra[1] } : { ...o }));
  switch (kind) {
    case 'answer':
      return withExtra({
        questionId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROTOCOL.questionIds) }, text, fc.integer(), fc.constant(null)),
        value: answerValue,
        step: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -1, max: 20 }) }, fc.double(), text, fc.constant(null)),
      });
    case 'revision':
      return withExtra({ questionId: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PROTOCOL.questionIds) }, text, fc.integer(), fc.array(text)) });
    case 'login':
      return withExtra({ email: fc.oneof(text, fc.emailAddress()), password: fc.oneof(text, fc.string({ minLength: 1000, maxLength: 1100 })) });
    case 'review':
      return withExtra({
        verdict: fc.oneof(fc.constantFrom('agree', 'over_triaged', 'under_triaged'), text),
        note: fc.oneof(text, fc.constant('n'.repeat(2001)), fc.integer()),
      });
    case 'account':
      return withExtra({
        email: fc.oneof(text, fc.emailAddress()),
        name: fc.oneof(text, fc.constant('n'.repeat(201))),
        password: fc.oneof(text, fc.constant('short'), fc.constant('a perfectly fine passphrase')),
        role: fc.oneof(fc.constantFrom('clinician', 'admin'), text),
      });
    case 'create':
      return withExtra({ locale: fc.oneof(fc.constant('en'), text) });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function bodyArb(endpoint: Endpoint): fc.Arbitrary<Body> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    { weight: 8, arbitrary: shaped(endpoint.body).map((value): Body => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value): Body => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: fc.string({ maxLength: 200 }).map((t): Body => ({ kind: 'text', text: t })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes): Body => ({ kind: 'bytes', bytes })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(16 * 1024 + 1, 20_000, 60_000)
        .map((n): Body => ({ kind: 'text', text: JSON.stringify({ questionId: 'x'.repeat(n) }) })),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 7000 }).map((n): Body => ({ kind: 'text', text: '['.repeat(n) + ']'.repeat(n) })) },
  );
}

/** Percent-encodes every byte but the unreserved ones; unlike encodeURIComponent it accepts lone surrogates. */
export const percent = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => String.fromCharCode(b))
    .map((c) => (/[A-Za-z0-9_.~-]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');

// Ids stay one path segment: a dot segment or a slash would make it a request for another URL, not this endpoint.
const rawId = fc.oneof(
  fc.uuid(),
  text.filter((s) => s.length > 0 && s !== '.' && s !== '..').map(percent),
  // Malformed escapes (%E0%A4%A) have a test of their own below; here they would drown every other finding.
  fc.constantFrom('null', '0', '-1', "1'%20OR%20'1'%3D'1", '%00', 'x'.repeat(500), '%C3%A9', 'NaN'),
);

function targetArb(endpoint: Endpoint): fc.Arbitrary<Target> {
  if (endpoint.idKind === 'account') return rawId.map((id): Target => ({ kind: 'raw', id }));
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<FixtureName>('complete', 'asking', 'declined').map((name): Target => ({ kind: 'fixture', name })) },
    { weight: 2, arbitrary: rawId.map((id): Target => ({ kind: 'raw', id })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom<FixtureName>('complete', 'asking', 'declined'), fc.constantFrom('upper', 'suffix', 'prefix'))
        .map(([name, how]): Target => ({ kind: 'raw', id: `${how}:${name}` })),
    },
  );
}

const QUERY_VALUES = [
  'emergency_ambulance', 'self_care', 'in_progress', 'declined', 'yes', 'no', '2026-01-01', '2026-13-45', '0000-00-00',
  '9999-12-31', '2026-02-30', 'R01_chest_pain', 'G1_older_adult', 'BK7-F', '1', '200', '201', '0', '-1', '1e3', 'login.failed',
  'eyJ1IjoiOTk5In0', 'admin@example.org',
];

function queryArb(endpoint: Endpoint): fc.Arbitrary<[string, string][]> {
  const keys = endpoint.query ?? ['x'];
  return fc.array(fc.tuple(fc.oneof(fc.constantFrom(...keys), text), fc.oneof(fc.constantFrom(...QUERY_VALUES), text)), { maxLength: 5 });
}

const PATIENT_AUTH: Auth[] = [
  'none', 'own-bearer', 'other-bearer', 'garbage-bearer', 'clinician-bearer', 'malformed', 'own-cookie',
  'own-cookie-cross-site', 'cookie-other-id', 'garbage-cookie',
];
const CLINICIAN_AUTH: Auth[] = [
  'none', 'clinician-bearer', 'admin-bearer', 'injected-bearer', 'patient-bearer', 'forged-kwc', 'malformed',
  'clinician-cookie', 'clinician-cookie-cross-site', 'clinician-cookie-wrong-name', 'garbage-cookie',
];
const CONTENT_TYPES = [
  'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zz', 'application/json; charset=utf-16', undefined,
];

/** Mostly the right credential, so that most requests get past authentication to the checks behind it. */
function authArb(endpoint: Endpoint): fc.Arbitrary<Auth> {
  if (endpoint.audience === 'public') return fc.constantFrom<Auth>('none', 'none', 'none', 'garbage-bearer', 'admin-bearer', 'clinician-cookie');
  const [usual, others] =
    endpoint.audience === 'patient'
      ? [fc.constantFrom<Auth>('own-bearer', 'own-bearer', 'own-cookie'), PATIENT_AUTH]
      : [fc.constantFrom<Auth>(endpoint.admin ? 'admin-bearer' : 'clinician-bearer', 'admin-bearer', 'clinician-cookie'), CLINICIAN_AUTH];
  return fc.oneof({ weight: 3, arbitrary: usual }, { weight: 2, arbitrary: fc.constantFrom(...others) });
}

export const requestArb: fc.Arbitrary<FuzzRequest> = fc.constantFrom(...ENDPOINTS).chain((endpoint) =>
  fc.record({
    endpoint: fc.constant(endpoint),
    method: fc.oneof({ weight: 9, arbitrary: fc.constant(endpoint.method) }, { weight: 1, arbitrary: fc.constantFrom('HEAD', 'OPTIONS') }),
    target: targetArb(endpoint),
    query: queryArb(endpoint),
    auth: authArb(endpoint),
    body: bodyArb(endpoint),
    contentType: fc.constantFrom(...CONTENT_TYPES),
    extraHeaders: fc.record(
      {
        'x-forwarded-for': fc.constantFrom('10.0.0.1', '1.2.3.4, 5.6.7.8', 'garbage'),
        'x-knotwise-client-ip': fc.constantFrom('10.9.9.9', ''),
        accept: fc.constantFrom('text/html', '*/*', 'application/xml'),
        'accept-encoding': fc.constantFrom('gzip', 'br', 'identity'),
      },
      { requiredKeys: [] },
    ),
  }),
);

function fixtureOf(w: FuzzWorld, req: FuzzRequest): Interview | undefined {
  return req.target.kind === 'fixture' ? w.fixtures[req.target.name] : undefined;
}

function idOf(w: FuzzWorld, req: FuzzRequest): string {
  if (req.target.kind === 'fixture') return w.fixtures[req.target.name].id;
  const m = /^(upper|suffix|prefix):(complete|asking|declined)$/.exec(req.target.id);
  if (!m) return req.target.id;
  const id = w.fixtures[m[2] as FixtureName].id;
  return m[1] === 'upper' ? id.toUpperCase() : m[1] === 'suffix' ? `${id}0` : `0${id}`;
}

function headersOf(w: FuzzWorld, req: FuzzRequest): Record<string, string> {
  const { fixtures, tokens } = w;
  const host = new URL(w.url()).host;
  const own = fixtureOf(w, req) ?? fixtures.asking;
  const other = own === fixtures.complete ? fixtures.asking : fixtures.complete;
  const h: Record<string, string> = { ...req.extraHeaders };
  if (req.contentType) h['content-type'] = req.contentType;
  const crossSite = { origin: 'https://evil.example' };
  const sameSite = { origin: `http://${host}` };
  switch (req.auth) {
    case 'none':
      break;
    case 'own-bearer':
      h.authorization = `Bearer ${own.token}`;
      break;
    case 'other-bearer':
      h.authorization = `Bearer ${other.token}`;
      break;
    case 'patient-bearer':
      h.authorization = `Bearer ${fixtures.complete.token}`;
      break;
    case 'garbage-bearer':
      h.authorization = 'Bearer x'.padEnd(50, 'y');
      break;
    case 'clinician-bearer':
      h.authorization = `Bearer ${tokens.clinician}`;
      break;
    case 'admin-bearer':
      h.authorization = `Bearer ${tokens.admin}`;
      break;
    case 'injected-bearer':
      h.authorization = `Bearer ${tokens.injected}`;
      break;
    case 'forged-kwc':
      h.authorization = `Bearer kwc_${'Q'.repeat(43)}`;
      break;
    case 'malformed':
      h.authorization = 'Basic YWRtaW46YWRtaW4=, Bearer';
      break;
    case 'own-cookie':
      Object.assign(h, { cookie: `${PATIENT_COOKIE}=${idOf(w, req)}.${own.token}` }, sameSite);
      break;
    case 'own-cookie-cross-site':
      Object.assign(h, { cookie: `${PATIENT_COOKIE}=${idOf(w, req)}.${own.token}` }, crossSite);
      break;
    case 'cookie-other-id':
      h.cookie = `${PATIENT_COOKIE}=${other.id}.${other.token}`;
      break;
    case 'garbage-cookie':
      h.cookie = `${PATIENT_COOKIE}=%E0%A4%A; __Host-kw_clinician=%zz; __Host-kw_notice=%`;
      break;
    case 'clinician-cookie':
      Object.assign(h, { cookie: `__Host-kw_clinician=${tokens.clinician}` }, sameSite);
      break;
    case 'clinician-cookie-cross-site':
      Object.assign(h, { cookie: `__Host-kw_clinician=${tokens.admin}` }, crossSite);
      break;
    case 'clinician-cookie-wrong-name':
      h.cookie = `kw_clinician=${tokens.admin}`;
      break;
  }
  return h;
}

function encodeBody(body: Body): string | Uint8Array | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'json':
      return JSON.stringify(body.value) ?? 'undefined';
    case 'text':
      return body.text;
    case 'bytes':
      return body.bytes;
  }
}

function pathOf(w: FuzzWorld, req: FuzzRequest): string {
  const query = req.query.map(([k, v]) => `${percent(k)}=${percent(v)}`).join('&');
  return fill(req.endpoint.path, idOf(w, req)) + (query ? `?${query}` : '');
}

/**
 * The fixture this request would be let into: it carries that interview's real credential and names that interview
 * (ids are UUIDs, so an upper-case id names the same one; the cookie's id must match the path exactly, and a cookie
 * on a cross-site state change does not count).
 */
function patientAuthorised(w: FuzzWorld, req: FuzzRequest): Interview | undefined {
  const { fixtures } = w;
  const own = fixtureOf(w, req) ?? fixtures.asking;
  const other = own === fixtures.complete ? fixtures.asking : fixtures.complete;
  const pathId = idOf(w, req);
  const names = (iv: Interview) => pathId.toLowerCase() === iv.id;
  switch (req.auth) {
    case 'own-bearer':
      return names(own) ? own : undefined;
    case 'own-cookie':
      return names(own) ? own : undefined;
    case 'other-bearer':
      return names(other) ? other : undefined;
    case 'cookie-other-id':
      return pathId === other.id ? other : undefined;
    default:
      return undefined;
  }
}

/**
 * Requests that may legitimately change stored data, which the fuzz leaves out so that "nothing changed" can be
 * asserted for everything it sends: deleting or revising a fixture with its own credential, a valid answer to the
 * fixture's current question, signing the fuzz's own sessions out. (Starting interviews and adding reviews or accounts
 * stay in: what they create is tracked and checked separately.)
 */
export function mayChangeData(w: FuzzWorld, req: FuzzRequest): boolean {
  if (req.method !== req.endpoint.method) return false;
  const own = patientAuthorised(w, req);
  const value = req.body.kind === 'json' && req.body.value !== null && typeof req.body.value === 'object' ? (req.body.value as Record<string, unknown>) : undefined;
  const keysWithin = (allowed: string[]) => value !== undefined && !Array.isArray(value) && Object.keys(value).every((k) => allowed.includes(k));
  const path = req.endpoint.path;
  if (path === '/api/v1/sessions/{id}' && req.method === 'DELETE') return own !== undefined;
  if (path.endsWith('/answers') && own?.turn.status === 'asking' && keysWithin(['questionId', 'value', 'step'])) {
    const question = own.turn.question!.id as QuestionId;
    return value!.questionId === question && (value!.step === undefined || value!.step === own.turn.step) && checkAnswer(PROTOCOL, question, value!.value).ok;
  }
  if (path.endsWith('/revisions') && own && keysWithin(['questionId'])) {
    return own.answers.some((a) => a.questionId === value!.questionId) && value!.questionId !== own.turn.question?.id;
  }
  if (path.endsWith('/logout')) return ['clinician-bearer', 'admin-bearer', 'injected-bearer', 'clinician-cookie'].includes(req.auth);
  return false;
}

// Internals a client must never see in an error: stack traces, SQL and driver messages.
const LEAK = new RegExp(
  [
    '\\bat [\\w.<>]+ \\(', '[\\w/.-]+\\.(?:ts|tsx|js|mjs):\\d+', 'node_modules', 'syntax error at', 'violates', 'relation "',
    'duplicate key', 'ECONN', 'TypeError', 'ReferenceError', 'SQLSTATE', 'drizzle', 'Failed query',
  ].join('|'),
  'i',
);

interface Finding {
  key: string;
  detail: string;
}

function describeRequest(req: FuzzRequest, path: string): string {
  const body = encodeBody(req.body);
  const shown = typeof body === 'string' ? body.slice(0, 200) : body ? `<${body.byteLength} bytes>` : '(none)';
  return `${req.method} ${path.slice(0, 200)} auth=${req.auth} content-type=${req.contentType ?? '(none)'} body=${shown}`;
}

function responseFindings(req: FuzzRequest, res: HttpResponse): string[] {
  const found: string[] = [];
  if (res.status >= 500) found.push(`HTTP ${res.status}`);
  else if (res.status >= 300 && res.status < 400) found.push(`HTTP ${res.status} redirect to ${res.headers.location}`);
  if (res.headers['x-content-type-options'] !== 'nosniff' || !res.headers['content-security-policy']) found.push('security headers missing');
  if (res.status >= 400 && res.status < 500 && req.method !== 'HEAD') {
    const error = apiErrorOf(parseJson(res));
    const type = res.headers['content-type'];
    if (!isJsonContentType(type)) found.push(`HTTP ${res.status} is not JSON (${type ?? 'no content-type'})`);
    else if (typeof error?.code !== 'string' || !/^[a-z_]+$/.test(error.code)) found.push(`HTTP ${res.status} without an error code`);
    else if (typeof error.message !== 'string' || error.message.length < 20 || error.message.split(/\s+/).length < 4) {
      found.push(`HTTP ${res.status} ${error.code}: message not actionable: ${JSON.stringify(error.message)}`);
    } else if (LEAK.test(error.message)) found.push(`HTTP ${res.status} ${error.code}: message leaks internals`);
  }
  return found;
}

/**
 * Sends requests and keeps score: findings (deduplicated per endpoint and kind), statuses, what 2xx answers created,
 * and whether any request changed a fixture interview.
 */
export class Exerciser {
  readonly findings = new Map<string, Finding & { count: number }>();
  readonly statuses = new Map<number, number>();
  readonly created = { interviews: new Set<string>(), reviews: new Set<string>(), clinicians: new Set<string>() };
  sent = 0;
  private readonly agent = keepAliveAgent(4);
  private readonly baseline = new Map<string, string>();

  constructor(private readonly w: FuzzWorld) {}

  /** A fixture as its patient sees it; an interview that no longer opens is a state too. */
  private async stateOf(iv: Interview): Promise<string> {
    const res = await api(this.w.url(), 'GET', `/api/v1/sessions/${iv.id}`, { token: iv.token });
    return res.status === 200 ? JSON.stringify((parseJson(res) as { transcript: TranscriptEntry[] }).transcript) : `HTTP ${res.status}`;
  }

  async start(): Promise<void> {
    for (const iv of Object.values(this.w.fixtures)) this.baseline.set(iv.id, await this.stateOf(iv));
  }

  private note(key: string, detail: string): void {
    const seen = this.findings.get(key);
    if (seen) seen.count++;
    else this.findings.set(key, { key, detail, count: 1 });
  }

  /** false when Node would not send the request at all (a header it considers invalid). */
  async exercise(req: FuzzRequest): Promise<boolean> {
    const path = pathOf(this.w, req);
    const where = `${req.endpoint.method} ${req.endpoint.path}`;
    let res: HttpResponse;
    try {
      res = await send(this.w.url(), { method: req.method, path, headers: headersOf(this.w, req), body: encodeBody(req.body), timeoutMs: 20_000 }, this.agent);
    } catch (error) {
      if (!(error instanceof NetworkError)) return false;
      this.note(`${where}: no response (${error.code})`, describeRequest(req, path));
      return true;
    }
    this.sent++;
    this.statuses.set(res.status, (this.statuses.get(res.status) ?? 0) + 1);
    for (const f of responseFindings(req, res)) this.note(`${where}: ${f}`, describeRequest(req, path));
    if (res.status === 201) {
      const body = parseJson(res) as { session?: { id: string }; review?: { id: string }; account?: { id: string } };
      if (body.session) this.created.interviews.add(body.session.id);
      if (body.review) this.created.reviews.add(body.review.id);
      if (body.account) this.created.clinicians.add(body.account.id);
    }
    const fixture = Object.values(this.w.fixtures).find((f) => idOf(this.w, req).toLowerCase().includes(f.id));
    if (fixture && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      const now = await this.stateOf(fixture);
      if (now !== this.baseline.get(fixture.id)) {
        this.note(`${where}: HTTP ${res.status} changed interview ${fixture.id}`, describeRequest(req, path));
        this.baseline.set(fixture.id, now);
      }
    }
    return true;
  }

  report(): string[] {
    return [...this.findings.values()].map((f) => `${f.key} (x${f.count}), e.g. ${f.detail.slice(0, 400)}`);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** A body the endpoint accepts, apart from whatever field the sweep replaces. */
function validBody(w: FuzzWorld, endpoint: Endpoint, i: number): Record<string, unknown> | undefined {
  const { fixtures } = w;
  switch (endpoint.body) {
    case 'answer':
      return { questionId: fixtures.asking.turn.question!.id, value: 40, step: fixtures.asking.turn.step };
    case 'revision':
      return { questionId: fixtures.asking.answers[0]!.questionId };
    case 'login':
      return { email: ADMIN.email, password: 'not the right password' };
    case 'review':
      return { verdict: 'agree', note: 'Seen.' };
    case 'account':
      return { email: `sweep${i}@example.org`, name: 'Sweep Account', password: 'a perfectly fine passphrase', role: 'clinician' };
    case 'create':
      return { locale: 'en' };
    default:
      return undefined;
  }
}

/**
 * Every strange string in every field, query parameter and path segment of every endpoint, with the right
 * credentials and everything else valid: the systematic half of "injection attempts in every field".
 */
export function sweep(w: FuzzWorld): FuzzRequest[] {
  const requests: FuzzRequest[] = [];
  let i = 0;
  for (const endpoint of ENDPOINTS) {
    const auth: Auth = endpoint.audience === 'patient' ? 'own-bearer' : endpoint.audience === 'clinician' ? 'admin-bearer' : 'none';
    const target: Target = { kind: 'fixture', name: endpoint.body === 'review' ? 'complete' : 'asking' };
    const base = (): FuzzRequest => ({
      endpoint,
      method: endpoint.method,
      target: endpoint.idKind === 'account' ? { kind: 'raw', id: randomUUID() } : target,
      query: [],
      auth,
      body: validBody(w, endpoint, i) ? { kind: 'json', value: validBody(w, endpoint, i) } : { kind: 'none' },
      contentType: 'application/json',
      extraHeaders: {},
    });
    for (const strange of STRANGE) {
      i++;
      for (const field of Object.keys(validBody(w, endpoint, i) ?? {})) {
        requests.push({ ...base(), body: { kind: 'json', value: { ...validBody(w, endpoint, i), [field]: strange } } });
      }
      for (const key of endpoint.query ?? []) requests.push({ ...base(), query: [[key, strange]] });
      if (endpoint.idKind && strange !== '' && strange !== '.' && strange !== '..') requests.push({ ...base(), target: { kind: 'raw', id: percent(strange) } });
    }
  }
  return requests;
}
