import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { E2E_EMERGENCY_NUMBER } from './tests/e2e/support/server-env';

/**
 * Browser tests against a production build of Knotwise.
 *
 * The web server (tests/e2e/support/serve.mjs) wipes its own data directory, builds unless `.next` holds a build of
 * the current source (scripts/production-build.mjs compares a hash of the sources), then serves with
 * `scripts/start.mjs`, so a run never tests a stale build.
 *
 * Screenshots for the README are taken only on request: SCREENSHOTS=1 npx playwright test --grep @screenshots
 */
/**
 * E2E_PORT, or a port the system reports free, so two runs on one machine never collide. The config is evaluated again
 * in every worker: the first evaluation stores its choice in E2E_PORT, which the workers inherit.
 */
function freePort(): number {
  const probe = "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
}
process.env.E2E_PORT ||= String(freePort());
const PORT = Number(process.env.E2E_PORT);
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  grepInvert: process.env.SCREENSHOTS ? undefined : /@screenshots/,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    // Debian's Chromium when present (Playwright's own browsers are not downloaded on these machines).
    launchOptions: existsSync(DEBIAN_CHROMIUM) ? { executablePath: DEBIAN_CHROMIUM } : {},
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node tests/e2e/support/serve.mjs',
    url: `http://localhost:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    // The first run builds the app: allow for a slow machine.
    timeout: 600_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      // Per port, so two runs on one machine never share (or wipe) each other's database.
      DATA_DIR: `.data/e2e-${PORT}`,
      // Not the default, so a test can tell the configured number is the one shown.
      EMERGENCY_NUMBER: E2E_EMERGENCY_NUMBER,
      NEXT_TELEMETRY_DISABLED: '1',
      // The API is rate limited per address, and some specs drive interviews through it.
      RATE_LIMIT_PER_MINUTE: '10000',
    },
  },
});
