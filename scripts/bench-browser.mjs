// Browser benchmark of the real app (run by scripts/bench.sh): cold start, load to first results,
// the longest main-thread task during the load, click on a facet value to the new count painted
// (performance marks of the app, "after next paint") in every tab and view, engine time, memory,
// and a plain JavaScript baseline (Array.filter + counting over the same JSON) in the same run.
// usage: node scripts/bench-browser.mjs BASE_URL   (dist/ at /, synthetic data at /bench-data/N/)
// BENCH_SIZES: comma-separated, "bundled" or a number of synthetic projects (default bundled,20000,100000).
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:8097';
const sizes = (process.env.BENCH_SIZES ?? 'bundled,20000,100000').split(',');
const CLICKS = Number(process.env.BENCH_CLICKS ?? 20);
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const p95 = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.round((s.length - 1) * 0.95)] : NaN; };
const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

// Collects the app's marks and measures (it clears them from the timeline) and long tasks.
const observe = () => {
  window.__pe = [];
  window.__longtasks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__pe.push({ name: e.name, start: e.startTime, duration: e.duration }); })
    .observe({ entryTypes: ['mark', 'measure'] });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
};
const entries = (page, name) => page.evaluate((n) => window.__pe.filter((e) => e.name === n), name);

async function newPage(width = 1280) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(observe);
  return { ctx, page };
}

// Cold start: a fresh profile each time, bundled data, time to the first results painted, and to
// the page drawn whole (every list complete, the count shown: mark pe-ready).
const cold = [];
const whole = [];
const startTasks = [];
for (let i = 0; i < 5; i++) {
  const { ctx, page } = await newPage();
  await page.goto(base + '/');
  await page.waitForSelector('[data-testid=project-row]');
  await page.waitForFunction(() => window.__pe.some((e) => e.name === 'pe-results-painted'));
  cold.push((await entries(page, 'pe-results-painted'))[0].start);
  await page.waitForFunction(() => window.__pe.some((e) => e.name === 'pe-ready'));
  whole.push((await entries(page, 'pe-ready'))[0].start);
  await page.waitForTimeout(1500);
  startTasks.push(Math.max(0, ...(await page.evaluate(() => window.__longtasks.map((t) => t.duration)))));
  await ctx.close();
}
console.log(`cold start to first results painted (bundled data, 5 runs): median ${f(median(cold))} ms, max ${f(Math.max(...cold))} ms; drawn whole: median ${f(median(whole))} ms`);
console.log(`longest main-thread task during start-up (bundled data, 5 runs): median ${f(median(startTasks))} ms, max ${f(Math.max(...startTasks))} ms`);
{
  // Elements in the page at load (bundled data, /), then with every folded facet unfolded.
  const { ctx, page } = await newPage();
  await page.goto(base + '/');
  await page.waitForFunction(() => window.__pe.some((e) => e.name === 'pe-ready'));
  const atLoad = await page.evaluate(() => document.querySelectorAll('*').length);
  for (const more of await page.getByTestId('facet-more').all()) await more.click();
  await page.waitForTimeout(300);
  const unfolded = await page.evaluate(() => document.querySelectorAll('*').length);
  console.log(`DOM elements at load (bundled data, /): ${atLoad}; with every facet unfolded: ${unfolded} (targets 1,500 and 2,500)`);
  await ctx.close();
}
console.log('');

const FACETS = { projets: ['region', 'theme', 'financeur'], poles: ['region', 'theme', 'phase'] };
const VIEWS = ['liste', 'carte', 'stats', 'reseau'];
// The pôles tab has no network view.
const viewsOf = (tab) => VIEWS.filter((v) => tab === 'projets' || v !== 'reseau');

// A seeded sequence of facet clicks, each waited for until painted; returns the durations.
async function clicks(page, tab, seedStart) {
  let seed = seedStart;
  const rnd = (k) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k; };
  const states = [];
  const out = [];
  for (let i = 0; i < CLICKS; i++) {
    const before = (await entries(page, 'pe-filter-to-paint')).length;
    const facet = FACETS[tab][rnd(3)];
    const opts = page.locator(`[data-testid=facet-option][data-facet=${facet}]:not([disabled])`);
    const count = await opts.count();
    const chosen = await page.locator('[data-testid=facet-option][data-state=included]').count();
    if (count === 0 || chosen >= 3) await page.getByTestId('clear-filters').click();
    else await opts.nth(rnd(count)).click();
    await page.waitForFunction((b) => window.__pe.filter((e) => e.name === 'pe-filter-to-paint').length > b, before, { timeout: 60000 });
    states.push(await page.evaluate(() => location.search));
  }
  const paint = (await entries(page, 'pe-filter-to-paint')).slice(-CLICKS).map((e) => e.duration);
  const search = (await entries(page, 'pe-search')).slice(-CLICKS).map((e) => e.duration);
  return { paint, search, states };
}

console.log('click on a facet value to the new count painted (ms; median / p95 of ' + CLICKS + ' clicks), 1280 px');
console.log('data        load ms  longest load task ms  JS heap MB  WASM MB  | tab/view: median / p95 ...');
const summary = [];
for (const n of sizes) {
  const { ctx, page } = await newPage();
  const q = n === 'bundled' ? '' : `donnees=/bench-data/${n}/`;
  await page.goto(`${base}/?${q}`);
  await page.waitForSelector('[data-testid=result-count]', { timeout: 120000 });
  await page.waitForFunction(() => window.__pe.some((e) => e.name === 'pe-results-painted'), null, { timeout: 120000 });
  const load = (await entries(page, 'pe-indexed'))[0]?.start ?? NaN;
  const results = (await entries(page, 'pe-results-painted'))[0]?.start ?? NaN;
  await page.waitForFunction(() => window.__pe.some((e) => e.name === 'pe-ready'), null, { timeout: 120000 });
  const ready = (await entries(page, 'pe-ready'))[0]?.start ?? NaN;
  await page.waitForTimeout(1000);
  const longest = Math.max(0, ...(await page.evaluate(() => window.__longtasks.map((t) => t.duration))));
  const memory = await page.evaluate(() => { if (window.gc) window.gc(); return [performance.memory?.usedJSHeapSize ?? NaN, window.wasmBindings?.wasmMemoryBytes?.() ?? NaN]; });
  const cells = [];
  let js = [], engine = [];
  for (const tab of ['projets', 'poles']) {
    for (const view of viewsOf(tab)) {
      await page.evaluate(({ tab, view }) => {
        const a = document.querySelector(`[data-testid=tab-${tab}]`);
        if (a.getAttribute('aria-current') !== 'page') a.click();
      }, { tab, view });
      await page.getByTestId(`tab-${tab}`).and(page.locator('[aria-current=page]')).waitFor();
      const clear = page.getByTestId('clear-filters');
      if (await clear.count()) await clear.click();
      await page.getByTestId(`view-${view}`).click();
      if (view === 'carte') await page.waitForSelector('[data-testid=map-region]', { timeout: 60000 });
      if (view === 'stats') await page.waitForSelector('[data-testid=chart]', { timeout: 60000 });
      if (view === 'reseau') await page.waitForSelector('[data-testid=network]', { timeout: 60000 });
      await page.waitForTimeout(300);
      const r = await clicks(page, tab, 7 + VIEWS.indexOf(view));
      cells.push(`${tab}/${view}: ${f(median(r.paint))} / ${f(p95(r.paint))}`);
      summary.push({ n, tab, view, median: median(r.paint), p95: p95(r.paint) });
      if (tab === 'projets' && view === 'liste') {
        engine = r.search;
        // The JavaScript baseline: same JSON, same states, filter + disjunctive counts with Array.filter.
        js = await page.evaluate(async ({ url, states }) => {
          const doc = await (await fetch(url)).json();
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
        }, { url: n === 'bundled' ? '/data/projects.json' : `/bench-data/${n}/projects.json`, states: r.states });
      }
    }
  }
  console.log(`${n.padEnd(9)}  ${f(load).padStart(7)}  ${f(longest).padStart(20)}  ${f(memory[0] / 1e6).padStart(10)}  ${f(memory[1] / 1e6).padStart(7)}  | ${cells.join(' | ')}`);
  console.log(`${''.padEnd(9)}  first results painted at ${f(results)} ms, drawn whole at ${f(ready)} ms; engine median ${f(median(engine), 3)} ms, JS baseline median ${f(median(js), 3)} ms, ratio ${f(median(js) / median(engine))}×`);
  await ctx.close();
}
const worst = (pred) => Math.max(...summary.filter(pred).map((s) => s.p95));
console.log('');
console.log(`worst p95 click to paint: bundled ${f(worst((s) => s.n === 'bundled'))} ms, 20,000 ${f(worst((s) => s.n === '20000'))} ms, 100,000 ${f(worst((s) => s.n === '100000'))} ms (targets 33, 33, 50)`);
await browser.close();
