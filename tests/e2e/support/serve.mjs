// The Playwright web server: a fresh database, a production build of the current source, then `npm start`'s own script.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { ensureProductionBuild } from '../../../scripts/production-build.mjs';

const dataDir = process.env.DATA_DIR;
if (!dataDir || dataDir.startsWith('memory://')) {
  console.error('serve.mjs needs DATA_DIR set to a directory of its own (the Playwright config sets .data/e2e).');
  process.exit(1);
}
// The tests' own database only: an operator's DATABASE_URL in the shell must not receive test accounts and patients.
delete process.env.DATABASE_URL;
// PGlite keeps its files here; leftovers from an earlier run would change what the tests see.
rmSync(path.resolve(dataDir), { recursive: true, force: true });

const built = ensureProductionBuild(process.cwd());
if (built !== 0) process.exit(built);

// Clinician accounts for tests/e2e/clinician.spec.ts, made with the real `npm run clinician:add` while no server holds
// the data directory (PGlite allows one process per directory).
const seed = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), path.join('tests', 'e2e', 'support', 'clinician-seed.ts')], {
  stdio: 'inherit',
  env: process.env,
});
if (seed.status !== 0) process.exit(seed.status ?? 1);

await import('../../../scripts/start.mjs');
