// The answer endpoint under 50 concurrent clients, next to the floor route (one bare insert into the same database,
// same server). Rounds alternate so both see the same machine. Target: >= 60% of the floor, p99 < 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SELF_CARE } from '../../tests/support/answers';
import { closeClients, closedLoop, openClients, type HttpClient, type LoadResult } from './load';
import { startServer } from './server';

export const CLIENTS = 50;

async function floorWork(measured: HttpClient) {
  const res = await measured.request('POST', '/api/bench/floor');
  if (res.status !== 201) throw new Error(`floor route answered ${res.status}`);
}

/** One whole interview: created unmeasured, then every answer measured. */
async function interviewWork(measured: HttpClient, setup: HttpClient, deadline: number) {
  const created = await setup.request('POST', '/api/v1/sessions', {});
  if (created.status !== 201) throw new Error(`creating an interview answered ${created.status}`);
  const { session, token } = created.json;
  let turn = created.json.turn;
  while (turn.status === 'asking' && Date.now() < deadline) {
    const questionId: string = turn.question.id;
    const res = await measured.request(
      'POST',
      `/api/v1/sessions/${session.id}/answers`,
      { questionId, value: SELF_CARE[questionId as keyof typeof SELF_CARE], step: turn.step },
      { authorization: `Bearer ${token}` },
    );
    if (res.status !== 200) throw new Error(`answer ${questionId} answered ${res.status}: ${JSON.stringify(res.json)}`);
    turn = res.json.turn;
  }
}

function merge(results: LoadResult[]): LoadResult {
  const n = results.length;
  const sum = (k: keyof LoadResult) => results.reduce((s, r) => s + r[k], 0);
  const max = (k: keyof LoadResult) => Math.max(...results.map((r) => r[k]));
  return {
    requests: sum('requests'),
    errors: sum('errors'),
    perSecond: Math.round(sum('perSecond') / n),
    p50: Math.round((sum('p50') / n) * 10) / 10,
    p95: max('p95'),
    p99: max('p99'),
  };
}

export interface HttpBench {
  database: 'PGlite' | 'PostgreSQL';
  floor: LoadResult;
  answers: LoadResult;
  ratio: number;
}

async function freshPostgres(url: string): Promise<string> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists knotwise_bench with (force)');
  await admin.query('create database knotwise_bench');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/knotwise_bench';
  return target.toString();
}

export async function benchHttp(database: HttpBench['database'], options: { port: number; seconds: number; postgresUrl: string }): Promise<HttpBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'knotwise-bench-'));
  const dbEnv: Record<string, string> =
    database === 'PGlite' ? { DATA_DIR: dataDir } : { DATABASE_URL: await freshPostgres(options.postgresUrl) };
  // Every simulated client comes from 127.0.0.1, so the per-client limit is lifted for the run.
  const server = await startServer(options.port, { ...dbEnv, BENCH_ROUTES: 'true', RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const clients = await openClients(server.base, CLIENTS);
    await closedLoop(clients, 3, floorWork);
    await closedLoop(clients, 3, interviewWork);
    const rounds = 4;
    const floor: LoadResult[] = [];
    const answers: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      floor.push(await closedLoop(clients, options.seconds / rounds, floorWork));
      answers.push(await closedLoop(clients, options.seconds / rounds, interviewWork));
    }
    closeClients(clients);
    const f = merge(floor);
    const a = merge(answers);
    return { database, floor: f, answers: a, ratio: Math.round((a.perSecond / f.perSecond) * 100) / 100 };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
