// `npm run clinician:add -- --email E --name N [--admin]`: creates a clinician account. The password comes from
// CLINICIAN_PASSWORD or is asked for without echo, never from the command line (it would land in shell history).
import { parseArgs } from 'node:util';
import { closeDb } from '../db/client';
import { createAccount } from '../lib/clinician/accounts';
import { MIN_PASSWORD_LENGTH } from '../lib/clinician/password';
import { pgliteBusy } from './server-check';

const USAGE = 'Usage: npm run clinician:add -- --email someone@example.org --name "Dr A. Person" [--admin] [--force]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) fail(`No terminal to ask for the password: set CLINICIAN_PASSWORD instead.\n${USAGE}`);
  return new Promise((resolve) => {
    stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.CLINICIAN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const first = await promptHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters and hard to guess, not shown): `);
  const again = await promptHidden('The same password again: ');
  if (first !== again) fail('The two passwords differ. Nothing was created; run the command again.');
  return first;
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        admin: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const { email, name, admin, force } = args.values;
  if (!email || !name) fail(`Both --email and --name are needed.\n${USAGE}`);
  const busy = await pgliteBusy(force);
  if (busy) fail(`No account was created. ${busy}`);
  const password = await readPassword();
  const result = await createAccount({ email, name, password, role: admin ? 'admin' : 'clinician' }, null);
  if (!result.ok) fail(`No account was created: ${result.message}`);
  const { account } = result;
  console.log(`Created ${account.role} account ${account.email} (${account.name}), id ${account.id}.`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
