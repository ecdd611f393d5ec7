// The impact of a protocol change at 100,000 stored interviews: `npm run protocol:impact -- --from bp-1 --to bp-2 --json`
// itself, run as a child process on the seeded database (seed.ts), its rate and its peak memory; and the same on
// about a tenth of the interviews (--since), so that the two peaks show whether memory grows with the interviews.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImpactSummary } from '../../lib/impact';
import { seedInterviews } from './seed';

export interface ImpactRun {
  /** Finished interviews replayed. */
  interviews: number;
  /** As the command reports it: from opening the database to the last line written. */
  seconds: number;
  perSecond: number;
  peakRssMiB: number;
  changes: ImpactSummary['changes'];
}

export interface ImpactBench {
  database: 'PGlite' | 'PostgreSQL';
  all: ImpactRun;
  tenth: ImpactRun & { since: string };
}

const NODE_ARGS = ['--conditions=react-server', '--import', 'tsx'];

function runCommand(env: NodeJS.ProcessEnv, extra: string[]): ImpactRun {
  const child = spawnSync(
    process.execPath,
    [...NODE_ARGS, '--import', './scripts/bench/peak-rss.mjs', 'scripts/protocol-impact.ts', '--from', 'bp-1', '--to', 'bp-2', '--json', ...extra],
    { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
  );
  if (child.status !== 0) throw new Error(`protocol:impact failed (${child.status}):\n${child.stderr}`);
  const done = /([\d,]+) finished interview\(s\) stored under bp-1 replayed under bp-2 in ([\d.]+) s\./.exec(child.stderr);
  const rss = /peak-rss-kib (\d+)/.exec(child.stderr);
  if (!done || !rss) throw new Error(`protocol:impact did not report its count, time and memory:\n${child.stderr}`);
  const interviews = Number(done[1]!.replace(/,/g, ''));
  const seconds = Number(done[2]);
  const summary = (JSON.parse(child.stdout) as { summary: ImpactSummary }).summary;
  if (summary.interviews !== interviews) throw new Error('the command\u2019s summary and its count differ');
  return { interviews, seconds, perSecond: Math.round(interviews / seconds), peakRssMiB: Math.round(Number(rss[1]) / 1024), changes: summary.changes };
}

async function freshPostgres(url: string): Promise<string> {
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists knotwise_bench_impact with (force)');
  await admin.query('create database knotwise_bench_impact');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/knotwise_bench_impact';
  return target.toString();
}

export async function benchImpact(database: ImpactBench['database'], options: { postgresUrl: string }): Promise<ImpactBench> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'knotwise-impact-'));
  // A port nothing listens on: the command's "is a server using this database?" check must not find another's server.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir, PORT: '3157' };
  if (database === 'PostgreSQL') env.DATABASE_URL = await freshPostgres(options.postgresUrl);
  try {
    const seeded = spawnSync(process.execPath, [...NODE_ARGS, 'scripts/bench/impact.ts', '--seed'], { env, encoding: 'utf8' });
    if (seeded.status !== 0) throw new Error(`seeding for the impact benchmark on ${database} failed:\n${seeded.stderr}`);
    const all = runCommand(env, []);
    // The seed spreads interviews evenly over 90 days: the last 9 are about a tenth.
    const since = new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 10);
    const tenth = { ...runCommand(env, ['--since', since]), since };
    return { database, all, tenth };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seedOnly() {
  await seedInterviews();
  const { closeDb } = await import('../../db/client');
  await closeDb();
}

if (process.argv.includes('--seed')) {
  seedOnly().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
