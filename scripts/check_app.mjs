// The app loads and lists the bundled projects through a real server (scripts/test-deploy.sh):
//   node scripts/check_app.mjs BASE_URL   (BASE_URL ends with /explorateur/)
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';

const base = process.argv[2];
const projects = JSON.parse(readFileSync(new URL('../public/data/projects.json', import.meta.url), 'utf8')).projects;
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
const errors = [];
// A Content-Security-Policy violation is reported on the console ("Refused to …"); the 404 of the
// optional config.json is not an error of the app.
page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
page.on('response', (r) => { if (r.status() >= 400 && !r.url().endsWith('/config.json')) errors.push(`${r.status()} ${r.url()}`); });
let ok = true;
try {
  await page.goto(base);
  await page.getByTestId('result-count').waitFor({ timeout: 20000 });
  const n = Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
  const rows = await page.getByTestId('project-row').count();
  console.log(`${base}: ${n} projects counted, ${rows} rows`);
  // A page of 50 rows (README: `page`).
  ok = n === projects.length && rows === Math.min(projects.length, 50);
  await page.goto(base + 'poles/vitagora');
  await page.getByTestId('pole-page').waitFor({ timeout: 20000 });
  console.log(`${base}poles/vitagora: the pôle page (deep link)`);
} catch (e) {
  console.error(String(e));
  ok = false;
}
if (errors.length) { console.error('console errors (a CSP violation shows here):', errors); ok = false; }
await browser.close();
process.exit(ok ? 0 : 1);
