import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// @medplum/core (the FHIR validator of tests/support/fhir-validator.ts) reads the global WebSocket when it loads;
// Node 20 has one only behind this flag (22 and later always do).
const websocketFlag = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];

/** Starts the run's PostgreSQL server, or uses the one TEST_DATABASE_URL names (tests/support/postgres-global-setup.ts). */
const POSTGRES_SERVER = 'tests/support/postgres-global-setup.ts';

/**
 * The database and API tests, in the app's own process. The environment carries a DATABASE_URL as an operator's shell
 * would: tests/support/db-setup.ts must replace it with the tests' own database, or every test fails to connect.
 */
const dbTests = (name: string, kind: 'pglite' | 'postgres', groupOrder: number): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: ['tests/db/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    sequence: { groupOrder },
    provide: { databaseKind: kind },
    globalSetup: kind === 'postgres' ? [POSTGRES_SERVER] : [],
    setupFiles: ['tests/support/db-setup.ts'],
    env: {
      DATABASE_URL: 'postgres://operator@127.0.0.1:1/the_clinic_database_tests_must_not_touch',
      RATE_LIMIT_PER_MINUTE: '40',
      COOKIE_SECURE: 'false',
    },
  },
});

/**
 * Production servers as child processes, one file at a time (tests/reliability/support/server.ts). The several-servers
 * test always needs PostgreSQL, so every reliability project has a server.
 */
const reliabilityTests = (name: string, kind: 'pglite' | 'postgres', groupOrder: number): TestProjectInlineConfiguration => ({
  extends: true,
  test: {
    name,
    include: ['tests/reliability/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    // A production build that is missing or not of the current source is made in the first file's beforeAll.
    hookTimeout: 900_000,
    sequence: { groupOrder },
    provide: { databaseKind: kind },
    globalSetup: [POSTGRES_SERVER],
  },
});

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // `server-only` throws outside a React Server environment; tests and the CLI are server code too.
      { find: /^server-only$/, replacement: `${root}/tests/support/server-only.ts` },
    ],
  },
  test: {
    execArgv: websocketFlag,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'lib/**/*.test.ts', 'machines/**/*.test.ts'] },
      },
      // Projects given together run in this order, one after the other: they share two cores.
      dbTests('db', 'pglite', 1),
      dbTests('db-postgres', 'postgres', 2),
      reliabilityTests('reliability', 'pglite', 3),
      reliabilityTests('reliability-postgres', 'postgres', 4),
    ],
  },
});
