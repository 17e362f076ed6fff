// Browser benchmark of the real app (run by scripts/bench.sh): cold start, load + index, filter
// change to painted results (performance marks of the app), engine time, memory, and a plain
// JavaScript baseline (Array.filter + counting over the same JSON) in the same Chromium run.
// usage: node scripts/bench-browser.mjs BASE_URL   (dist/ at /, synthetic data at /bench-data/N/)
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8097';
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const CHANGES = 30;
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.round((s.length - 1) * 0.95)] : NaN; };
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// Cold start: a fresh profile each time, bundled data, time to the first results painted.
const cold = [];
for (let i = 0; i < 5; i++) {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('[data-testid=project-row]');
  await page.waitForFunction(() => performance.getEntriesByName('pe-results-painted').length > 0);
  cold.push(await page.evaluate(() => performance.getEntriesByName('pe-results-painted')[0].startTime));
  await ctx.close();
}
console.log(`cold start to first results painted (bundled data, 5 runs): median ${f(median(cold))} ms, max ${f(Math.max(...cold))} ms`);
console.log('');
console.log('projects   load+index ms  index ms  filter→paint median  p95 ms  engine median ms  JS baseline median ms  JS/engine  JS heap MB  WASM MB');

for (const n of sizes) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/?donnees=/bench-data/${n}/`);
  await page.waitForSelector('[data-testid=result-count]', { timeout: 120000 });
  await page.waitForFunction(() => performance.getEntriesByName('pe-indexed').length > 0, null, { timeout: 120000 });
  const load = await page.evaluate(() => performance.getEntriesByName('pe-indexed')[0].startTime);
  const index = await page.evaluate(() => performance.getEntriesByName('pe-index')[0]?.duration ?? NaN);
  // A seeded sequence of facet clicks (regions, themes, funders), each waited for until painted.
  let seed = 7;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const states = [];
  for (let i = 0; i < CHANGES; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('pe-filter-to-paint').length);
    const facet = ['region', 'theme', 'financeur'][rnd(3)];
    const opts = page.locator(`[data-testid=facet-option][data-facet=${facet}]:not([disabled])`);
    const count = await opts.count();
    if (count === 0) { await page.getByTestId('clear-filters').click(); } else { await opts.nth(rnd(count)).click(); }
    await page.waitForFunction((b) => performance.getEntriesByName('pe-filter-to-paint').length > b, before, { timeout: 60000 });
    states.push(await page.evaluate(() => location.search));
  }
  const paint = await page.evaluate(() => performance.getEntriesByName('pe-filter-to-paint').map((e) => e.duration));
  const search = await page.evaluate((k) => performance.getEntriesByName('pe-search').slice(-k).map((e) => e.duration), CHANGES);
  const memory = await page.evaluate(() => { if (window.gc) window.gc(); return [performance.memory?.usedJSHeapSize ?? NaN, window.wasmBindings?.wasmMemoryBytes?.() ?? NaN]; });
  // The JavaScript baseline: same JSON, same states, filter + disjunctive counts with Array.filter.
  const js = await page.evaluate(async ({ n, states }) => {
    const doc = await (await fetch(`/bench-data/${n}/projects.json`)).json();
    const items = doc.projects;
    const facets = { region: (p) => p.territory.regions, departement: (p) => p.territory.departements, theme: (p) => p.themes, financeur: (p) => p.funding.map((x) => x.funder), pole: (p) => p.poles };
    const times = [];
    for (const qs of states) {
      const params = new URLSearchParams(qs);
      const sel = {};
      for (const k of Object.keys(facets)) {
        const v = params.get(k);
        if (v) sel[k] = { inc: v.split(',').filter((x) => !x.startsWith('-')), exc: v.split(',').filter((x) => x.startsWith('-')).map((x) => x.slice(1)) };
      }
      const t0 = performance.now();
      const ok = (p, skip) => Object.entries(sel).every(([k, s]) => k === skip || ((s.inc.length === 0 || facets[k](p).some((v) => s.inc.includes(v))) && !facets[k](p).some((v) => s.exc.includes(v))));
      const matched = items.filter((p) => ok(p, null));
      const counts = {};
      for (const k of Object.keys(facets)) {
        const c = (counts[k] = {});
        items.filter((p) => ok(p, k)).forEach((p) => facets[k](p).forEach((v) => { c[v] = (c[v] ?? 0) + 1; }));
      }
      matched.sort((a, b) => a.acronym.localeCompare(b.acronym));
      times.push(performance.now() - t0);
    }
    return times;
  }, { n, states });
  const ratio = median(js) / median(search);
  console.log(`${String(n).padStart(8)}  ${f(load).padStart(13)}  ${f(index).padStart(8)}  ${f(median(paint)).padStart(19)}  ${f(p95(paint)).padStart(6)}  ${f(median(search), 3).padStart(16)}  ${f(median(js), 3).padStart(21)}  ${f(ratio).padStart(9)}  ${f(memory[0] / 1e6).padStart(10)}  ${f(memory[1] / 1e6).padStart(7)}`);
  await ctx.close();
}
await browser.close();
