import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
// @medplum/core (the FHIR validator of tests/support/fhir-validator.ts) reads the global WebSocket when it loads;
// Node 20 has one only behind this flag (22 and later always do).
const websocketFlag = Number(process.versions.node.split('.')[0]) < 22 ? ['--experimental-websocket'] : [];

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
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // PGlite in memory unless DATABASE_URL points at a PostgreSQL server (CI runs both).
          env: { DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '40', COOKIE_SECURE: 'false' },
        },
      },
      {
        extends: true,
        test: {
          // Production servers as child processes, one file at a time (tests/reliability/support/server.ts).
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          // A missing production build is made in the first file's beforeAll.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
