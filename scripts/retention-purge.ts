// `npm run retention:purge [-- --force]`: deletes interviews older than RETENTION_DAYS now (the server also does it
// daily).
import { closeDb } from '../db/client';
import { purgeExpired } from '../lib/retention';
import { pgliteBusy } from './server-check';

async function main() {
  const busy = await pgliteBusy(process.argv.slice(2).includes('--force'));
  if (busy) {
    console.error(`Nothing was deleted. ${busy} The running server purges once a day by itself.`);
    process.exitCode = 1;
    return;
  }
  const r = await purgeExpired({ via: 'command line' });
  console.log(
    `Deleted ${r.interviews} interview(s) created before ${r.cutoff} (RETENTION_DAYS=${r.retentionDays}), ` +
      `${r.sessions} ended sign-in session(s) and ${r.loginFailures} old failed sign-in record(s).`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(`Retention purge failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
