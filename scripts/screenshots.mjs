// Takes screenshots of the main views at desktop and phone widths, for looking at what we build.
// usage: node scripts/screenshots.mjs BASE_URL OUT_DIR
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'screenshots';
const pages = process.argv[4] ? process.argv[4].split('|') : ['/', '/?onglet=poles', '/poles/vitagora', '/projets/damav', '/nimporte-quoi'];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const ctx = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log(`[console] ${m.text()}`); });
  for (const p of pages) {
    await page.goto(base + p);
    await page.waitForSelector('main h1, [data-testid=load-error]', { timeout: 15000 });
    const file = `${out}/${name}${p.replace(/[^a-z0-9]+/gi, '_')}.png`;
    await page.screenshot({ path: file, fullPage: Boolean(process.env.FULL) });
    console.log(file);
  }
  await ctx.close();
}
await browser.close();
