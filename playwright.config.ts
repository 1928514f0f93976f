import { defineConfig, devices } from '@playwright/test'
import { E2E_APP_URL } from './e2e/support/config'

// Debian's Chromium (installed by .ci/run); Playwright cannot download its own browser here.
// The flags keep it off the network and working as root in containers.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export default defineConfig({
  testDir: 'e2e',
  // e2e/scheduler runs against its own server: playwright.scheduler.config.ts.
  testIgnore: ['scheduler/**'],
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  // A loaded 2-core machine can take several seconds for a server action (password hashing, redirect).
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL: E2E_APP_URL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    // A production build on a fresh database, exactly as `npm start` runs it.
    command: 'node_modules/.bin/tsx e2e/support/serve.ts',
    url: `${E2E_APP_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
