// The answer endpoint under 50 concurrent clients, next to the floor route (one bare insert into the same database,
// same server). Rounds alternate so both see the same machine. Target: >= 60% of the floor, p99 < 100 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SELF_CARE } from '../../tests/support/answers';
import { closeClients, closedLoop, openClients, type HttpClient, type LoadPair, type LoadResult } from './load';
import { startServer } from './server';

export const CLIENTS = 50;

async function floorWork(measured: HttpClient) {
  const res = await measured.request('POST', '/api/bench/floor');
  if (res.status !== 201) throw new Error(`floor route answered ${res.status}`);
}

interface OpenInterview {
  id: string;
  token: string;
  turn: { status: string; step: number; question?: { id: string } };
}

async function createInterview(setup: HttpClient): Promise<OpenInterview> {
  const created = await setup.request('POST', '/api/v1/sessions', {});
  if (created.status !== 201) throw new Error(`creating an interview answered ${created.status}`);
  return { id: created.json.session.id, token: created.json.token, turn: created.json.turn };
}

/**
 * Interviews waiting to be answered, per client. They are created between rounds, while nothing is measured, so
 * that creating interviews (another endpoint) does not take the server's time from the answers being measured.
 */
type Stock = Map<HttpClient, OpenInterview[]>;

async function stockInterviews(stock: Stock, pairs: readonly LoadPair[], each: number) {
  await Promise.all(
    pairs.map(async ({ setup }) => {
      const open = stock.get(setup) ?? [];
      stock.set(setup, open);
      while (open.length < each) open.push(await createInterview(setup));
    }),
  );
}

/** Answers one interview to the end, every answer measured; one cut off by the deadline waits for the next round. */
function answerInterviews(stock: Stock) {
  return async (measured: HttpClient, setup: HttpClient, deadline: number) => {
    const interview = stock.get(setup)?.pop() ?? (await createInterview(setup));
    let { turn } = interview;
    while (turn.status === 'asking' && Date.now() < deadline) {
      const questionId = turn.question!.id;
      const res = await measured.request(
        'POST',
        `/api/v1/sessions/${interview.id}/answers`,
        { questionId, value: SELF_CARE[questionId as keyof typeof SELF_CARE], step: turn.step },
        { authorization: `Bearer ${interview.token}` },
      );
      if (res.status !== 200) throw new Error(`answer ${questionId} answered ${res.status}: ${JSON.stringify(res.json)}`);
      turn = res.json.turn;
    }
    if (turn.status === 'asking') stock.get(setup)?.push({ ...interview, turn });
  };
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
    const stock: Stock = new Map();
    const answerWork = answerInterviews(stock);
    // A whole interview is 18 answers; at this machine's few hundred answers a second, 3 per client outlast a round.
    const stocked = () => stockInterviews(stock, clients, 3);
    await closedLoop(clients, 3, floorWork);
    await stocked();
    await closedLoop(clients, 3, answerWork);
    const rounds = 4;
    const floor: LoadResult[] = [];
    const answered: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      floor.push(await closedLoop(clients, options.seconds / rounds, floorWork));
      await stocked();
      answered.push(await closedLoop(clients, options.seconds / rounds, answerWork));
    }
    closeClients(clients);
    const f = merge(floor);
    const a = merge(answered);
    return { database, floor: f, answers: a, ratio: Math.round((a.perSecond / f.perSecond) * 100) / 100 };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
