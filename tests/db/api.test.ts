import { randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/db/client';
import { POST as benchFloor } from '@/app/api/bench/floor/route';
import { GET as health } from '@/app/api/v1/health/route';
import { POST as create } from '@/app/api/v1/sessions/route';
import { GET as read } from '@/app/api/v1/sessions/[id]/route';
import { POST as answer } from '@/app/api/v1/sessions/[id]/answers/route';
import { POST as revise } from '@/app/api/v1/sessions/[id]/revisions/route';
import { dumpDb, resetDb } from '../support/db';

beforeEach(resetDb);
afterAll(closeDb);

const BASE = 'http://knotwise.test';
let clientCounter = 0;
/** Each test talks from its own address so the per-client rate limit never couples tests. */
let client = '';
beforeEach(() => {
  client = `10.0.0.${++clientCounter}`;
});

function request(path: string, init: { method?: string; body?: string; token?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'x-knotwise-client-ip': client, ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Request(`${BASE}${path}`, { method: init.method ?? 'GET', body: init.body, headers });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function start() {
  const res = await create(request('/api/v1/sessions', { method: 'POST', body: '{}' }));
  expect(res.status).toBe(201);
  return (await res.json()) as { session: { id: string; code: string }; token: string; turn: { step: number } };
}

function post(route: typeof answer, id: string, body: unknown, token?: string, headers?: Record<string, string>) {
  return route(
    request(`/api/v1/sessions/${id}/x`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), token, headers }),
    params(id),
  );
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(10);
  return body.error as Record<string, unknown>;
}

describe('POST /api/bench/floor', () => {
  it('is not there unless BENCH_ROUTES is set: 404, and nothing is written', async () => {
    const before = await dumpDb();
    await expectError(await benchFloor(), 404, 'not_found');
    expect(await dumpDb()).toEqual(before);
  });

  it('writes its one row when BENCH_ROUTES is set (what `npm run bench` does)', async () => {
    // The environment is read once per process: a fresh copy of the modules reads BENCH_ROUTES=true.
    vi.stubEnv('BENCH_ROUTES', 'true');
    vi.resetModules();
    try {
      const { POST } = await import('@/app/api/bench/floor/route');
      const res = await POST();
      expect(res.status).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect((await dumpDb()).interviews.map((i) => [i.id, i.status])).toEqual([[id, 'declined']]);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

describe('GET /api/v1/health', () => {
  it('answers ok once the database is migrated', async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('the interview API', () => {
  it('creates a session, shows the token once, and walks an answer and a revision', async () => {
    const { session, token, turn } = await start();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(turn).toMatchObject({ step: 0, status: 'asking', question: { id: 'consent', kind: 'consent' } });

    const answered = await post(answer, session.id, { questionId: 'consent', value: 'agree', step: 0 }, token);
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ turn: { step: 1, question: { id: 'age_years', kind: 'integer', min: 0, max: 120 } } });

    const got = await read(request(`/api/v1/sessions/${session.id}`, { token }), params(session.id));
    expect(got.status).toBe(200);
    const body = await got.json();
    expect(body.session).toMatchObject({ id: session.id, code: session.code, status: 'in_progress', protocolVersion: 'bp-2', locale: 'en' });
    expect(body.transcript.map((e: { role: string; questionId: string }) => `${e.role}:${e.questionId}`)).toEqual([
      'assistant:consent',
      'patient:consent',
      'assistant:age_years',
    ]);
    expect(JSON.stringify(body)).not.toContain(token);

    const revised = await post(revise, session.id, { questionId: 'consent' }, token);
    expect(revised.status).toBe(200);
    expect(await revised.json()).toMatchObject({ turn: { step: 0, question: { id: 'consent' } } });
  });

  it('accepts the web app cookie for its own interview, and not across sites', async () => {
    const { session, token } = await start();
    const cookie = `kw_interview=${session.id}.${token}`;
    const sameSite = await post(answer, session.id, { questionId: 'consent', value: 'agree' }, undefined, {
      cookie,
      origin: BASE,
      host: 'knotwise.test',
    });
    expect(sameSite.status).toBe(200);
    const before = await dumpDb();
    const crossSite = await post(answer, session.id, { questionId: 'age_years', value: 30 }, undefined, {
      cookie,
      origin: 'https://evil.example',
      host: 'knotwise.test',
    });
    await expectError(crossSite, 401, 'unauthorized');
    const other = await start();
    const wrongInterview = await read(request(`/api/v1/sessions/${other.session.id}`, { headers: { cookie } }), params(other.session.id));
    await expectError(wrongInterview, 401, 'unauthorized');
    expect((await dumpDb()).entries).toHaveLength(before.entries.length + 1);
  });
});

describe('API errors (API.md) never change stored data', () => {
  it('covers every error code', async () => {
    const { session, token } = await start();
    const id = session.id;
    await post(answer, id, { questionId: 'consent', value: 'agree', step: 0 }, token);
    const before = await dumpDb();

    await expectError(await post(answer, id, '{"questionId": "age_years",', token), 400, 'invalid_json');
    await expectError(await post(answer, id, { questionId: 'age_years' }, token), 400, 'invalid_body');
    await expectError(await post(answer, id, { questionId: 'age_years', value: 40, extra: 1 }, token), 400, 'invalid_body');
    await expectError(await post(answer, id, { questionId: 'age_years', value: { a: 1 } }, token), 400, 'invalid_body');
    await expectError(await post(answer, id, [1, 2], token), 400, 'invalid_body');
    const invalid = await expectError(await post(answer, id, { questionId: 'age_years', value: 121, step: 1 }, token), 400, 'invalid_answer');
    expect(invalid).toMatchObject({ questionId: 'age_years', min: 0, max: 120 });
    await expectError(await post(answer, id, { questionId: 'age_years', value: 40 }), 401, 'unauthorized');
    await expectError(await post(answer, id, { questionId: 'age_years', value: 40 }, 'wrong-token'), 401, 'unauthorized');
    await expectError(await post(answer, '00000000-0000-4000-8000-000000000000', { questionId: 'age_years', value: 40 }, token), 401, 'unauthorized');
    const notCurrent = await expectError(await post(answer, id, { questionId: 'pain_region', value: ['neck'] }, token), 409, 'not_current_question');
    expect(notCurrent.turn).toMatchObject({ step: 1, question: { id: 'age_years' } });
    const stale = await expectError(await post(answer, id, { questionId: 'age_years', value: 40, step: 0 }, token), 409, 'stale_step');
    expect(stale.turn).toMatchObject({ step: 1 });
    await expectError(await post(answer, id, 'x'.repeat(17 * 1024), token), 413, 'too_large');
    await expectError(await post(revise, id, { questionId: 'floor_ok' }, token), 409, 'not_current_question');
    await expectError(await post(revise, id, {}, token), 400, 'invalid_body');
    expect(await dumpDb()).toEqual(before);

    await post(revise, id, { questionId: 'consent' }, token);
    await post(answer, id, { questionId: 'consent', value: 'decline', step: 0 }, token);
    const declined = await dumpDb();
    await expectError(await post(answer, id, { questionId: 'age_years', value: 40, step: 1 }, token), 409, 'interview_finished');
    expect(await dumpDb()).toEqual(declined);
  });

  it('repeats the current turn for a retried answer instead of an error', async () => {
    const { session, token } = await start();
    const first = await post(answer, session.id, { questionId: 'consent', value: 'agree', step: 0 }, token);
    const retry = await post(answer, session.id, { questionId: 'consent', value: 'agree', step: 0 }, token);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(await first.json());
    expect((await dumpDb()).entries.filter((e) => e.role === 'patient')).toHaveLength(1);
  });

  it('limits how fast one client can create interviews (429 with Retry-After)', async () => {
    // RATE_LIMIT_PER_MINUTE is 40 in the db test project.
    for (let i = 0; i < 40; i++) await start();
    const before = await dumpDb();
    const res = await create(request('/api/v1/sessions', { method: 'POST', body: '{}' }));
    const error = await expectError(res, 429, 'rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(await dumpDb()).toEqual(before);
  });

  it('counts one client’s requests to every interview together, so inventing interview ids buys no extra requests', async () => {
    // RATE_LIMIT_PER_MINUTE is 40 in the db test project.
    for (let i = 0; i < 40; i++) {
      const invented = randomUUID();
      expect((await read(request(`/api/v1/sessions/${invented}`), params(invented))).status).toBe(401);
    }
    const { session, token } = await start();
    await expectError(await read(request(`/api/v1/sessions/${session.id}`, { token }), params(session.id)), 429, 'rate_limited');
  });
});

describe('protocol versions through the API', () => {
  /** bp-1 gives self-care for these answers; bp-2 adds R31 (CHANGES-bp-2.md change 1). */
  const SUDDEN_ON_ANTIPLATELET: [string, unknown][] = [
    ['consent', 'agree'], ['age_years', 40], ['pain_region', ['lower_back']], ['emergency_signs', ['none']],
    ['nerve_emergency_signs', ['none']], ['general_signs', ['none']], ['medical_history', ['none']],
    ['blood_thinners', 'antiplatelet'], ['onset', 'sudden_severe'], ['sensations', ['tightness']],
    ['pain_duration', 'under_2_weeks'], ['pain_trend', 'same'], ['pain_severity', 'mild'], ['pregnancy', 'no'],
    ['massage_cautions', ['none']], ['massage_reaction', 'fine'], ['equipment', ['massage_ball']], ['floor_ok', 'yes'],
  ];

  async function interviewUnder(body: unknown) {
    const res = await create(request('/api/v1/sessions', { method: 'POST', body: JSON.stringify(body) }));
    expect(res.status).toBe(201);
    const created = (await res.json()) as { session: { id: string; protocolVersion: string }; token: string };
    type Turn = { status: string; question?: { id: string }; outcome?: { disposition: string; rules: string[] } };
    let turn = (await (await read(request(`/api/v1/sessions/${created.session.id}`, { token: created.token }), params(created.session.id))).json() as { turn: Turn }).turn;
    const answers = new Map(SUDDEN_ON_ANTIPLATELET);
    while (turn.status === 'asking') {
      const res2 = await post(answer, created.session.id, { questionId: turn.question!.id, value: answers.get(turn.question!.id) }, created.token);
      turn = ((await res2.json()) as { turn: Turn }).turn;
    }
    return { ...created, turn };
  }

  it('gives a new interview the newest version by default, and the one asked for when named', async () => {
    const newest = await interviewUnder({});
    expect(newest.session.protocolVersion).toBe('bp-2');
    expect(newest.turn.outcome).toMatchObject({ disposition: 'consultation_24', rules: ['R31_sudden_severe_onset'] });
    const older = await interviewUnder({ protocolVersion: 'bp-1' });
    expect(older.session.protocolVersion).toBe('bp-1');
    expect(older.turn.outcome).toMatchObject({ disposition: 'self_care', rules: ['R30_no_flags'] });
  });

  it('keeps an interview on its version for a revision and when read again', async () => {
    const older = await interviewUnder({ protocolVersion: 'bp-1' });
    const revised = await post(revise, older.session.id, { questionId: 'pain_severity' }, older.token);
    expect(revised.status).toBe(200);
    const again = await post(answer, older.session.id, { questionId: 'pain_severity', value: 'mild' }, older.token);
    expect(again.status).toBe(200);
    const readBack = (await (await read(request(`/api/v1/sessions/${older.session.id}`, { token: older.token }), params(older.session.id))).json()) as {
      session: { protocolVersion: string };
      turn: { question?: { id: string } };
    };
    expect(readBack.session.protocolVersion).toBe('bp-1');
    expect(readBack.turn.question?.id).toBe('pregnancy');
  });

  it.each([['bp-9'], ['BP-1'], [''], [2]])('refuses protocolVersion %j with invalid_body naming the versions, storing nothing', async (version) => {
    const before = await dumpDb();
    const res = await create(request('/api/v1/sessions', { method: 'POST', body: JSON.stringify({ protocolVersion: version }) }));
    const error = await expectError(res, 400, 'invalid_body');
    expect(error.message).toMatch(/"bp-1", "bp-2"/);
    expect(await dumpDb()).toEqual(before);
  });
});
