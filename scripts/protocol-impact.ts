// `npm run protocol:impact -- --from bp-1 --to bp-2 [--since DATE] [--until DATE] [--json] [--force]`: what a new
// protocol version would change for the interviews already stored. Reads the configured database (DATA_DIR or
// DATABASE_URL) and writes nothing. Exit status 0 when done, 2 for a usage error, 1 when it cannot run.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { closeDb } from '../db/client';
import { impactOf, impactTally, parseImpactOptions } from '../lib/impact';
import { impactText } from '../lib/impact/text';
import { VERSION_IDS } from '../lib/protocol/versions';
import { pgliteBusy } from './server-check';

const USAGE = `Usage: npm run protocol:impact -- --from VERSION --to VERSION [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json] [--force]
Versions: ${VERSION_IDS.join(', ')}. --since and --until are UTC days on when an interview started, both included.`;
/** A progress line on stderr every this many interviews. */
const PROGRESS_EVERY = 5_000;

class UsageError extends Error {}

function readArgs() {
  try {
    const { values } = parseArgs({
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        since: { type: 'string' },
        until: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    const { from, to, since, until } = values;
    const parsed = parseImpactOptions({ from, to, since, until }, { from: '--from', to: '--to', since: '--since', until: '--until' });
    if (!parsed.ok) throw new UsageError(parsed.message);
    return { options: parsed.value, json: values.json, force: values.force };
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** Writes and waits when the reader is slower than the replay, so the output never piles up in memory. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

async function main() {
  const { options, json, force } = readArgs();
  const busy = await pgliteBusy(force);
  if (busy) {
    console.error(`Nothing was read. ${busy}`);
    process.exitCode = 1;
    return;
  }
  const tally = impactTally(options);
  const started = performance.now();
  const progress = (count: number) =>
    `protocol:impact: ${count.toLocaleString('en-US')} finished interview(s) stored under ${options.from} replayed under ${options.to}`;

  if (json) await write(`{"from":${JSON.stringify(options.from)},"to":${JSON.stringify(options.to)},"interviews":[`);
  let count = 0;
  for await (const impact of impactOf(options)) {
    tally.add(impact);
    if (json) await write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(impact)}`);
    if (++count % PROGRESS_EVERY === 0) console.error(`${progress(count)}…`);
  }
  const summary = tally.result();
  if (json) await write(`\n],"summary":${JSON.stringify(summary)}}\n`);
  else await write(impactText(summary));
  console.error(`${progress(count)} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

main()
  .catch((error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`protocol:impact failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
