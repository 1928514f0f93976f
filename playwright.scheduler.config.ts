import { defineConfig } from '@playwright/test'
import base from './playwright.config'
import { SCHEDULER_APP_URL } from './e2e/scheduler/config'

// The default configuration suite (e2e/scheduler): the app as `npm start` runs it, in-process
// scheduler on, against a catalog whose hosts do not resolve. Its own server, because the main
// suite runs with the scheduler off (tests decide when a refresh happens there).
//   npx playwright test -c playwright.scheduler.config.ts
export default defineConfig({
  ...base,
  testDir: 'e2e/scheduler',
  testIgnore: [],
  // Its own folder: Playwright empties its output folder, and the main suite's screenshots are there.
  outputDir: 'test-results/scheduler',
  use: { ...base.use, baseURL: SCHEDULER_APP_URL },
  webServer: {
    command: 'node_modules/.bin/tsx e2e/scheduler/serve.ts',
    url: `${SCHEDULER_APP_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
