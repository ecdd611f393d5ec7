// The clinician queue with 100,000 stored interviews (seed.ts): p95 of filtered, paginated list queries through
// `listInterviews` (what the portal page and the API call). Target: p95 under 50 ms on PGlite and PostgreSQL.
// Each database is measured in its own process, because a process opens exactly one database (db/client.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { percentile } from './load';
import { seedInterviews } from './seed';

export interface QueueBench {
  database: 'PGlite' | 'PostgreSQL';
  queries: number;
  p50: number;
  p95: number;
}

async function measure(): Promise<{ queries: number; p50: number; p95: number }> {
  const { listInterviews } = await import('../../lib/clinician/queue');
  const day = (ago: number) => new Date(Date.now() - ago * 86_400_000);
  const filterSets = [
    {},
    { disposition: 'consultation' as const },
    { disposition: 'emergency' as const, reviewed: false },
    { rule: 'R21_nerve_symptoms' },
    { rule: 'G4_standard' },
    { from: day(7), to: day(0) },
    { reviewed: true },
    { q: '000-012' },
  ];
  const times: number[] = [];
  const slowest = new Map<string, number>();
  for (let round = 0; round < 25; round++) {
    for (const filters of filterSets) {
      const started = performance.now();
      const first = await listInterviews({ limit: 50, ...filters });
      const pages = [performance.now() - started];
      if (first.nextCursor) {
        const again = performance.now();
        await listInterviews({ limit: 50, ...filters, cursor: first.nextCursor });
        pages.push(performance.now() - again);
      }
      times.push(...pages);
      const key = JSON.stringify(filters);
      slowest.set(key, Math.max(slowest.get(key) ?? 0, ...pages));
    }
  }
  // Which filter is slowest, for whoever tunes the indexes next.
  for (const [key, ms] of slowest) console.error(`slowest ${ms.toFixed(1)} ms: ${key}`);
  const sorted = times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { queries: times.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

async function freshPostgres(url: string): Promise<string> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists knotwise_bench_queue with (force)');
  await admin.query('create database knotwise_bench_queue');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/knotwise_bench_queue';
  return target.toString();
}

export async function benchQueue(database: QueueBench['database'], options: { postgresUrl: string }): Promise<QueueBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'knotwise-queue-'));
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir };
  if (database === 'PostgreSQL') env.DATABASE_URL = await freshPostgres(options.postgresUrl);
  try {
    const child = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/bench/queue.ts', '--child'], {
      env: env as NodeJS.ProcessEnv,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`queue benchmark on ${database} failed:\n${child.stderr}`);
    process.stderr.write(child.stderr);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Omit<QueueBench, 'database'>;
    return { database, ...result };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function child() {
  await seedInterviews();
  const result = await measure();
  const { closeDb } = await import('../../db/client');
  await closeDb();
  console.log(JSON.stringify(result));
}

if (process.argv.includes('--child')) {
  child().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
