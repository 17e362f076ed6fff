// End-to-end tests against the release builds (dist/ at /, dist-subpath/ at /explorateur/),
// served by scripts/serve.py, in Debian's Chromium. Run with `make test-e2e` (after `make build build-subpath`).
import { defineConfig, devices } from '@playwright/test';
import { readFileSync } from 'node:fs';

const port = Number(process.env.E2E_PORT ?? 8099);
// The one Content-Security-Policy of the project (deploy/csp.txt, also written into the shipped
// configurations), served with the app's pages in every test; the embedding site allowed to
// frame the app is the test host page.
const cspTemplate = readFileSync(new URL('./deploy/csp.txt', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))[0].trim();
export const csp = cspTemplate.replace('{EMBEDDERS}', `http://localhost:${port}`);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.mjs$/,
  // Playwright's default test time and an expect wait of 10 s at most (issue 27): a page of
  // results is drawn at once; speed is measured by `make bench`, not by these waits.
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    // page.route cannot see what a service worker answers: only the offline tests allow it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, testMatch: /foundation\.spec\.mjs$/, grep: /@phone/ },
  ],
  webServer: {
    command: `python3 scripts/serve.py --port ${port} --mount /=dist --mount /explorateur/=dist-subpath --mount /api/=public/data --mount /host/=tests/e2e/host --csp "${csp}" --no-csp /host/`,
    url: `http://127.0.0.1:${port}/data/poles.json`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
