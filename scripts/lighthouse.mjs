// Lighthouse (mobile preset, the default of lighthouse@12.2.3) on the bundled data, run by
// scripts/bench.sh: prints the median run's scores and metrics.
// usage: node scripts/lighthouse.mjs URL [RUNS]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const bin = new URL('../tools/lighthouse/node_modules/.bin/lighthouse', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lh-'));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const reports = [];
for (let i = 0; i < runs; i++) {
  const out = join(dir, `r${i}.json`);
  execFileSync(bin, [url, `--chrome-flags=${flags}`, '--only-categories=performance,accessibility,best-practices', '--output=json', `--output-path=${out}`, '--quiet'], {
    env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, stdio: 'inherit',
  });
  reports.push(JSON.parse(readFileSync(out, 'utf8')));
}
reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
const r = reports[Math.floor((reports.length - 1) / 2)];
const score = (k) => Math.round((r.categories[k]?.score ?? NaN) * 100);
console.log(`lighthouse ${r.lighthouseVersion}, ${r.configSettings.formFactor} preset, median of ${runs} runs by performance score`);
console.log(`  performance ${score('performance')} (all runs: ${reports.map((x) => Math.round(x.categories.performance.score * 100)).join(', ')}), accessibility ${score('accessibility')}, best practices ${score('best-practices')}`);
for (const a of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']) {
  console.log(`  ${r.audits[a].title}: ${r.audits[a].displayValue}`);
}
const dom = r.audits['dom-size']?.displayValue;
if (dom) console.log(`  DOM size: ${dom}`);
