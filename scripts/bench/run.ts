// `npm run bench [-- engine http bundle lighthouse queue impact]`: runs the benchmarks (all by default) and writes
// docs/BENCHMARKS.md with the results, the targets and the commands.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { interviewCookieName } from '../../lib/interview/cookie';
import { parseEnv } from '../../lib/env';
import { SELF_CARE } from '../../tests/support/answers';
import { benchBundle, buildApp, type BundleBench } from './bundle';
import { benchEngine } from './engine';
import { benchHttp, CLIENTS, type HttpBench } from './http';
import { benchLighthouse, type LighthouseScore } from './lighthouse';
import { benchImpact, type ImpactBench } from './impact';
import { httpClient } from './load';
import { benchQueue, type QueueBench } from './queue';
import { startServer } from './server';

const ALL = ['engine', 'http', 'bundle', 'lighthouse', 'queue', 'impact'] as const;
type Name = (typeof ALL)[number];
const asked = process.argv.slice(2).filter((a): a is Name => (ALL as readonly string[]).includes(a));
const selected = new Set<Name>(asked.length ? asked : ALL);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pass = (ok: boolean) => (ok ? 'pass' : '**miss**');

/** A chat page mid-interview and an outcome page, opened with the interview cookie as a browser would. */
async function lighthousePages(base: string) {
  const client = httpClient(base);
  const start = async (stopAt?: string) => {
    const created = await client.request('POST', '/api/v1/sessions', {});
    const { session, token } = created.json;
    let turn = created.json.turn;
    while (turn.status === 'asking' && turn.question.id !== stopAt) {
      const q: string = turn.question.id;
      const res = await client.request('POST', `/api/v1/sessions/${session.id}/answers`, { questionId: q, value: SELF_CARE[q as keyof typeof SELF_CARE], step: turn.step }, { authorization: `Bearer ${token}` });
      turn = res.json.turn;
    }
    // The bench server inherits this environment, COOKIE_SECURE included.
    return `${interviewCookieName(parseEnv(process.env).COOKIE_SECURE)}=${session.id}.${token}`;
  };
  const pages = [
    { name: 'landing `/`', url: `${base}/` },
    { name: 'chat `/chat` (asking the pain region)', url: `${base}/chat`, cookie: await start('pain_region') },
    { name: 'outcome `/chat` (self-care plan)', url: `${base}/chat`, cookie: await start() },
  ];
  client.close();
  // One request each first, so a page's first-ever render (code loading, caches) is not what is measured.
  for (const page of pages) await fetch(page.url, { headers: page.cookie ? { cookie: page.cookie } : {} });
  return pages;
}

async function main() {
  const sections: string[] = [];
  // Pages are measured on a fresh production build of the code as it is now.
  if (['http', 'bundle', 'lighthouse'].some((n) => selected.has(n as Name))) buildApp();
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

  if (selected.has('engine')) {
    const e = benchEngine(Math.max(5, seconds / 2));
    sections.push(`## Engine alone

Full interviews replayed per second in one process (a mix of a self-care plan, a referral and an emergency early
exit), next to a bare XState machine with as many states and no rules or plan, in alternating rounds.

| what | interviews/s |
|---|---|
| ${e.floor.label} (floor) | ${e.floor.interviewsPerSecond} |
| ${e.engine.label} | ${e.engine.interviewsPerSecond} |

Ratio ${e.ratio} (target >= ${e.target}): ${pass(e.ratio >= e.target)}.
`);
    console.log('engine', e);
  }

  if (selected.has('http')) {
    const rows: HttpBench[] = [];
    rows.push(await benchHttp('PGlite', { port: 3490, seconds, postgresUrl }));
    console.log(rows.at(-1));
    rows.push(await benchHttp('PostgreSQL', { port: 3491, seconds, postgresUrl }));
    console.log(rows.at(-1));
    sections.push(`## The answer endpoint

\`POST /api/v1/sessions/{id}/answers\` under ${CLIENTS} concurrent keep-alive clients, each answering whole interviews
(created between rounds, so that creating them is not measured), in the same run and server as the floor: a bare
route that inserts one row into the same database (\`POST /api/bench/floor\`, served only with
\`BENCH_ROUTES=true\`). ${seconds} s of each, in alternating rounds; the connections are opened before the first.

| database | floor req/s | floor p50 / p99 ms | answers req/s | share of floor | answers p50 / p95 / p99 ms | errors |
|---|---|---|---|---|---|---|
${rows
  .map(
    (r) =>
      `| ${r.database} | ${r.floor.perSecond} | ${r.floor.p50} / ${r.floor.p99} | ${r.answers.perSecond} | ${Math.round(r.ratio * 100)}% ${pass(r.ratio >= 0.6)} | ${r.answers.p50} / ${r.answers.p95} / ${r.answers.p99} ${pass(r.answers.p99 < 100)} | ${r.answers.errors} |`,
  )
  .join('\n')}

Targets: at least 60% of the floor's throughput, p99 under 100 ms.

With ${CLIENTS} clients each waiting on its answer before sending the next, the mean time per request is ${CLIENTS} divided
by the throughput (Little's law): a p99 under 100 ms needs well over ${CLIENTS * 10} requests a second. On this machine the
floor itself, one bare insert, reaches ${Math.max(...rows.map((r) => r.floor.perSecond))}, with the load generator
and the database on the same ${os.cpus().length} cores.

### Capacity

- One server process does its work on one event loop, and with PGlite the database runs on that loop too. At
  saturation every request waits its turn, so latency grows with the number of clients, not with errors: the
  load test (\`npm run test:reliability\`) runs 100 patients at once with none.
- Saturated, Node accepts one new connection per turn of its event loop (libuv 1.45 and later accept once per
  readiness event). A turn then lasts as long as the work of every request in flight, 100-150 ms here, so a burst
  of new connections queues: before this benchmark opened its connections first, the first answer on each new
  connection took up to 6 s on PGlite. Keep servers below saturation: in front of several app instances on one
  PostgreSQL, a reverse proxy that keeps its connections to them open absorbs the patients' new connections.
`);
  }

  if (selected.has('bundle')) {
    const b: BundleBench = benchBundle(['/', '/chat']);
    sections.push(`## JavaScript a phone downloads

First-load JavaScript (each chunk gzipped) from \`.next/diagnostics/route-bundle-stats.json\`, next to a bare
Next.js page (a layout and a heading) built with the same Next.js and config.

| page | gzip bytes | over the bare page |
|---|---|---|
| bare page | ${b.bareBytes} | |
${b.pages.map((p) => `| \`${p.route}\` | ${p.bytes} | ${p.overBare} ${pass(p.overBare <= b.budget)} |`).join('\n')}

Target: the chat page at most ${b.budget / 1000} kB more than the bare page.
`);
    console.log('bundle', b);
  }

  if (selected.has('lighthouse')) {
    const server = await startServer(3492, { DATA_DIR: `.data/bench-lighthouse-${process.pid}` });
    let scores: LighthouseScore[];
    try {
      scores = benchLighthouse(await lighthousePages(server.base));
    } finally {
      await server.stop();
    }
    sections.push(`## Lighthouse

Lighthouse 12 (mobile preset), ${process.platform === 'linux' ? "Debian's Chromium" : 'Chromium'}, against \`npm start\` on this machine: three
runs a page, and the median run reported (its performance score varies by a few points from run to run).

| page | performance (each run) | accessibility | best practices | FCP / LCP ms | TBT ms | CLS | server ms |
|---|---|---|---|---|---|---|---|
${scores.map((s) => `| ${s.page} | ${s.performance} ${pass(s.performance >= 95)} (${s.runs.join(', ')}) | ${s.accessibility} ${pass(s.accessibility === 100)} | ${s.bestPractices} ${pass(s.bestPractices === 100)} | ${s.metrics.fcpMs} / ${s.metrics.lcpMs} | ${s.metrics.tbtMs} | ${s.metrics.cls} | ${s.metrics.ttfbMs} |`).join('\n')}
${scores.some((s) => s.failing.length) ? `\nAudits not passed: ${scores.map((s) => `${s.page}: ${s.failing.join(', ') || 'none'}`).join('; ')}.\n` : ''}

Targets: performance 95+, accessibility 100, best practices 100.
`);
    console.log('lighthouse', scores);
  }

  if (selected.has('queue')) {
    const rows: QueueBench[] = [await benchQueue('PGlite', { postgresUrl }), await benchQueue('PostgreSQL', { postgresUrl })];
    sections.push(`## The clinician queue at 100,000 interviews

${rows[0]!.queries} filtered, paginated queue queries (\`listInterviews\`, the function behind the page and the API)
on the seeded 100,000 interviews (seed.ts: each finished one with a real interview's transcript and outcome).

| database | p50 ms | p95 ms |
|---|---|---|
${rows.map((r) => `| ${r.database} | ${r.p50} | ${r.p95} ${pass(r.p95 < 50)} |`).join('\n')}

Target: p95 under 50 ms on both databases.
`);
    console.log('queue', rows);
  }

  if (selected.has('impact')) {
    const rows: ImpactBench[] = [await benchImpact('PGlite', { postgresUrl }), await benchImpact('PostgreSQL', { postgresUrl })];
    const changes = (r: ImpactBench['all']) =>
      Object.entries(r.changes)
        .filter(([, n]) => n > 0)
        .map(([c, n]) => `${c} ${n}`)
        .join(', ');
    sections.push(`## The impact of a protocol change at 100,000 interviews

\`npm run protocol:impact -- --from bp-1 --to bp-2 --json\` itself, as a child process, on the seeded 100,000
interviews (${rows[0]!.all.interviews} of them finished, each with the live answers of a real interview and bp-1's
outcome for them): finished interviews replayed per second, from opening the database to the last line of JSON
written, and the process's peak memory (resident set). The same command on about a tenth of them (\`--since\` 9 days
ago) shows whether memory grows with the number of interviews. On PostgreSQL the database server's own memory is not
counted.

| database | interviews | seconds | interviews/s | peak RSS MiB | a tenth: interviews | a tenth: peak RSS MiB |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.database} | ${r.all.interviews} | ${r.all.seconds} | ${r.all.perSecond} | ${r.all.peakRssMiB} | ${r.tenth.interviews} | ${r.tenth.peakRssMiB} |`).join('\n')}

What bp-2 changes in the seeded interviews: ${changes(rows[0]!.all)}.
`);
    console.log('impact', rows);
  }

  const doc = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}. Run one part with
\`npm run bench -- engine\` (or \`http\`, \`bundle\`, \`lighthouse\`, \`queue\`, \`impact\`); \`BENCH_SECONDS\` sets the measuring
time of the load runs (default 20) and \`BENCH_DATABASE_URL\` the PostgreSQL server (default
\`postgres://postgres@127.0.0.1:5432/test\`; the benchmark creates and drops its own databases there).

${sections.join('\n')}`;
  // A partial run must not replace the full record in docs/.
  mkdirSync('.data', { recursive: true });
  writeFileSync(selected.size === ALL.length ? 'docs/BENCHMARKS.md' : `.data/BENCHMARKS-${[...selected].join('-')}.md`, doc);
  console.log(doc);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
