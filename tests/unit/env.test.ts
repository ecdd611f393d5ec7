import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { NEWEST_VERSION, VERSION_IDS } from '@/lib/protocol/versions';

/** The message an operator sees for one bad setting. */
function refusal(name: string, value: string): string {
  try {
    parseEnv({ [name]: value });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name}=${value} was accepted`);
}

describe('the environment an operator sets', () => {
  it.each([
    ['PORT', 'abc', 'PORT must be a number, for example 3000.'],
    ['PORT', '3000.5', 'PORT must be a whole number.'],
    ['PORT', '0', 'PORT must be from 1 to 65535.'],
    ['PORT', '70000', 'PORT must be from 1 to 65535.'],
    ['DATABASE_URL', 'mysql://db/knotwise', 'DATABASE_URL must be a PostgreSQL URL'],
    ['PROTOCOL_VERSION', 'bp-99', `PROTOCOL_VERSION must be a protocol version this build supports: ${VERSION_IDS.join(', ')}.`],
    ['EMERGENCY_NUMBER', '9-1-1', 'EMERGENCY_NUMBER must be 2 to 6 digits'],
    ['RATE_LIMIT_PER_MINUTE', 'many', 'RATE_LIMIT_PER_MINUTE must be a number.'],
    ['RATE_LIMIT_PER_MINUTE', '0', 'RATE_LIMIT_PER_MINUTE must be at least 1.'],
    ['COOKIE_SECURE', 'yes', 'COOKIE_SECURE must be true or false.'],
    ['RETENTION_DAYS', 'ninety', 'RETENTION_DAYS must be a number of days'],
    ['RETENTION_DAYS', '0', 'RETENTION_DAYS must be at least 1 (day).'],
    ['RETENTION_DAYS', '4000', 'RETENTION_DAYS must be at most 3650 (ten years).'],
    ['FHIR_BASE_URL', 'ftp://x.example/fhir', 'FHIR_BASE_URL must be an http(s) URL'],
    ['TRUST_PROXY', 'maybe', 'TRUST_PROXY must be true or false.'],
    ['BENCH_ROUTES', 'on', 'BENCH_ROUTES must be true or false.'],
    ['NODE_ENV', 'staging', 'NODE_ENV'],
  ])('%s=%s is refused with its own message', (name, value, message) => {
    const text = refusal(name, value);
    expect(text).toMatch(/^Knotwise cannot start: the environment has bad values\./);
    expect(text).toContain(message);
    expect(text).toContain(name);
  });

  it('lists every bad value at once, so an operator fixes them in one go', () => {
    expect(() => parseEnv({ PORT: 'abc', RETENTION_DAYS: '0', COOKIE_SECURE: 'yes' })).toThrow(
      /PORT must be a number[\s\S]*COOKIE_SECURE must be true or false[\s\S]*RETENTION_DAYS must be at least 1/,
    );
  });

  it('takes the documented defaults when nothing is set, and blank text as unset', () => {
    expect(parseEnv({ EMERGENCY_NUMBER: '  ', DATABASE_URL: '' })).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
      DATA_DIR: './data',
      PROTOCOL_VERSION: NEWEST_VERSION,
      EMERGENCY_NUMBER: '911',
      RATE_LIMIT_PER_MINUTE: 120,
      COOKIE_SECURE: true,
      RETENTION_DAYS: 90,
      TRUST_PROXY: false,
      BENCH_ROUTES: false,
    });
  });

  it('the server refuses to start on a bad PORT, with a clear message and before building anything', () => {
    // start.mjs checks PORT before it looks for a build, so this runs in a moment whatever the state of .next.
    const run = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: 'abc', DATA_DIR: '.data/unit-env-never-opened' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Knotwise cannot start: PORT must be a whole number from 1 to 65535 (got "abc").');
  });
});
