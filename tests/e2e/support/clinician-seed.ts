// Creates the clinician portal's test accounts with the real command line, `npm run clinician:add`, in the e2e data
// directory. tests/e2e/support/serve.mjs runs this after wiping the directory and before starting the server, because
// PGlite allows one process per data directory: once the server has it open, no other process may.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { SEEDED_ACCOUNTS } from './clinician-accounts';

const dataDir = process.env.DATA_DIR;
if (!dataDir || dataDir.startsWith('memory://')) {
  console.error('clinician-seed.ts needs DATA_DIR: the directory the e2e server is about to open.');
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const account of SEEDED_ACCOUNTS) {
  const args = ['run', '--silent', 'clinician:add', '--', '--email', account.email, '--name', account.name];
  if (account.admin) args.push('--admin');
  const run = spawnSync(npm, args, {
    stdio: 'inherit',
    env: { ...process.env, CLINICIAN_PASSWORD: account.password },
  });
  if (run.status !== 0) {
    console.error(`clinician:add failed for ${account.email} (exit ${run.status ?? run.signal}).`);
    process.exit(run.status ?? 1);
  }
}
