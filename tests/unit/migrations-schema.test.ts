import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Servers create and upgrade their database from the committed migrations, not from db/schema.ts, which the code is
 * written against. A schema change without its migration would pass every test on a fresh database yet fail in
 * production, so drizzle-kit compares the two here, on a copy of the migrations, and must find nothing to generate.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');
const out = mkdtempSync(path.join(os.tmpdir(), 'knotwise-migrations-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the committed migrations', () => {
  it('create exactly the schema in db/schema.ts', { timeout: 120_000 }, async () => {
    cpSync(MIGRATIONS, out, { recursive: true });
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [path.join('node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', '--dialect', 'postgresql', '--schema', './db/schema.ts', '--out', path.relative(ROOT, out)],
      // drizzle-kit takes the folder relative to the working directory. No terminal: a question (a column renamed or dropped?) ends the run instead of waiting.
      { cwd: ROOT, timeout: 100_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    const generated = readdirSync(out).filter((name) => !readdirSync(MIGRATIONS).includes(name));
    expect(generated, `db/schema.ts differs from the migrations; run \`npm run db:generate\` and commit the result`).toEqual([]);
    expect(stdout + stderr).toContain('No schema changes');
  });
});
