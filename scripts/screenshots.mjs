// Screenshots of the main views at 1366 px and 390 px, for the docs (docs/screenshots/, `make
// screenshots`) and for looking at what we build.
// usage: node scripts/screenshots.mjs BASE_URL [OUT_DIR] ['name=/path|name=/path…']
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'docs/screenshots';
const views = process.argv[4]
  ? process.argv[4].split('|').map((v) => [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)])
  : [['explorer', '/?region=27'], ['project', '/projets/damav'], ['map', '/?vue=carte&region=27'], ['stats', '/?vue=stats&region=27']];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [width, viewport] of [['1366', { width: 1366, height: 900 }], ['390', { width: 390, height: 844 }]]) {
  const ctx = await browser.newContext({ viewport, locale: 'fr-FR', isMobile: width === '390', deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[console] ${m.text()}`); });
  for (const [name, path] of views) {
    await page.goto(base + path);
    // The explorer is drawn whole when its count shows; a record page when its article is there.
    await page.waitForSelector('[data-testid=result-count], article.record, [data-testid=load-error], [data-testid=not-found]', { timeout: 20000 });
    if (path.includes('vue=carte')) await page.waitForSelector('[data-testid=map-region], [data-testid=map-departement], [data-testid=map-error]', { timeout: 20000 });
    // The map and the charts are shown from their top (below the filters on a phone).
    const view = path.includes('vue=carte') ? 'map-view' : path.includes('vue=stats') ? 'stats-view' : null;
    if (view) await page.getByTestId(view).evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    const file = `${out}/${name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: Boolean(process.env.FULL) });
    console.log(file);
  }
  await ctx.close();
}
await browser.close();
