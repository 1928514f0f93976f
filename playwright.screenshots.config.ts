import { defineConfig } from '@playwright/test'
import base from './playwright.config'

// `npm run screenshots`: the screenshot tools in e2e/tools (pictures for people to look at, not
// tests), against the same server as the main e2e suite: a production build on a fresh database.
// Run `npm run build` first. Pictures land in test-results/screenshots/.
export default defineConfig({
  ...base,
  testDir: 'e2e/tools',
  testIgnore: [],
  testMatch: '*.screenshots.ts',
  // Its own output folder: Playwright empties it, and the main suite's screenshots sit in test-results/screenshots.
  outputDir: 'test-results/screenshot-tools',
})
