// Issue 5: embedding (layout, locks, colour, resize across origins, history), the "Intégrer" page,
// offline use after one visit (standalone and embedded same-site), and data from an API with fallback.
import { test, expect } from '@playwright/test';
import { projects } from './data.mjs';
import { search } from './reference-engine.mjs';

const port = Number(process.env.E2E_PORT ?? 8099);
const app = `http://127.0.0.1:${port}/`;
const count = (page, n) => expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${n}\\s`));

test.describe('embedding', () => {
  test('compact layout with a link to the full explorer', async ({ page }) => {
    await page.goto('/?embed=1&region=27');
    await expect(page.locator('.site-header')).toBeHidden();
    const open = page.getByTestId('open-full');
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('href', /\?region=27$/);
    await expect(page.getByTestId('embed-link')).toHaveCount(0);
    // In-app links keep the embedding.
    const link = page.getByTestId('project-row').first().getByRole('link').first();
    await expect(link).toHaveAttribute('href', /embed=1/);
  });

  test('verrou=region keeps the region filter fixed', async ({ page }) => {
    await page.goto('/?embed=1&region=27&verrou=region&theme=agroalimentaire');
    await expect(page.getByTestId('locked-facet')).toContainText('Bourgogne-Franche-Comté');
    await expect(page.locator('[data-testid=facet-option][data-facet=region]')).toHaveCount(0);
    await page.getByTestId('clear-filters').click();
    await expect(page).toHaveURL(/region=27/);
    await expect(page).not.toHaveURL(/theme=/);
    await count(page, search({ sel: { region: { include: ['27'] } } }).length);
    await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  });

  test('brand colour from a validated parameter', async ({ page }) => {
    await page.goto('/?embed=1&couleur=8a1538');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--pe-primary').trim())).toBe('#8a1538');
    await page.goto('/?embed=1&couleur=ffff00');
    await expect(page.getByTestId('data-source-notice')).toContainText('trop claire');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--pe-primary').trim())).toBe('#1d4e89');
  });

  test('a host page on another origin embeds the app and resizes with it', async ({ page }) => {
    // The host is served from localhost, the app from 127.0.0.1: two origins.
    await page.goto(`http://localhost:${port}/host/?app=${encodeURIComponent(app)}&q=${encodeURIComponent('embed=1&q=vitagora')}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('result-count')).toBeVisible();
    const iframe = page.locator('iframe');
    await expect.poll(async () => (await iframe.boundingBox()).height).not.toBe(800);
    const tall = (await iframe.boundingBox()).height;
    const inner = await frame.locator('body').evaluate((b) => b.offsetHeight);
    expect(Math.abs(tall - Math.max(300, inner))).toBeLessThan(3);
    // Fewer results: the frame shrinks.
    await frame.getByTestId('search-input').fill('zzzzzz');
    await expect(frame.getByTestId('no-results')).toBeVisible();
    await expect.poll(async () => (await iframe.boundingBox()).height).toBeLessThan(tall);
  });

  test('the host script ignores messages from other windows', async ({ page }) => {
    await page.goto(`http://localhost:${port}/host/?app=${encodeURIComponent(app)}`);
    await expect(page.frameLocator('iframe').getByTestId('result-count')).toBeVisible();
    const before = await page.locator('iframe').evaluate((f) => f.style.height);
    await page.evaluate(() => window.postMessage({ type: 'poles-explorer:height', height: 12345 }, '*'));
    await page.waitForTimeout(300);
    expect(await page.locator('iframe').evaluate((f) => f.style.height)).toBe(before);
  });

  test('filter changes inside an iframe do not flood the parent history', async ({ page }) => {
    await page.goto(`/host/?app=${encodeURIComponent(app)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('result-count')).toBeVisible();
    const before = await page.evaluate(() => history.length);
    for (const v of ['27', '84', '11']) {
      await frame.locator(`[data-testid=facet-option][data-facet=region][data-value="${v}"]`).click();
    }
    await expect(frame.locator('[data-testid=facet-option][data-facet=region][data-value="11"]')).toHaveAttribute('aria-checked', 'true');
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('the "Intégrer" page builds the code for the current filters', async ({ page }) => {
    await page.goto('/?region=27&theme=agroalimentaire');
    await page.getByTestId('embed-link').click();
    await expect(page).toHaveURL(/\/integrer\?region=27&theme=agroalimentaire/);
    const code = page.getByTestId('embed-code');
    await expect(code).toHaveValue(/region=27&amp;theme=agroalimentaire&amp;embed=1&amp;verrou=region/);
    // The default title names the chosen territory.
    await expect(code).toHaveValue(/title="Projets en Bourgogne-Franche-Comté"/);
    await expect(code).toHaveValue(/<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" defer><\/script>/);
    await page.getByTestId('embed-title').fill('Projets agroalimentaires en Bourgogne-Franche-Comté');
    await expect(code).toHaveValue(/title="Projets agroalimentaires en Bourgogne-Franche-Comté"/);
    await page.getByTestId('embed-lock-region').uncheck();
    await expect(code).not.toHaveValue(/verrou=/);
    const preview = page.getByTestId('embed-preview');
    await expect(preview).toHaveAttribute('title', 'Projets agroalimentaires en Bourgogne-Franche-Comté');
    await expect(page.frameLocator('[data-testid=embed-preview]').getByTestId('result-count')).toBeVisible();
  });

  test('"Code copié" only when the clipboard took the code, else how to copy by hand', async ({ page, context }) => {
    await page.goto('/integrer?region=27');
    const status = page.getByTestId('embed-copy-status');
    // The page may not write to the clipboard: the failure is said.
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('refusé', 'NotAllowedError')); });
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect(status).toContainText('La copie a échoué');
    await expect(status).not.toContainText('Code copié');
    // Allowed: the code really is in the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.reload();
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await expect(status).toHaveText(/^\s*Code copié\.$/);
    const code = await page.getByTestId('embed-code').inputValue();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the runtime cache of the service worker is bounded, oldest entries evicted', async ({ page }) => {
    await page.goto('/');
    await count(page, projects.length);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
    // 80 distinct same-origin files outside the app's precache.
    await page.evaluate(async () => { for (let i = 0; i < 80; i++) await fetch(`/host/host.js?v=${i}`); });
    await expect.poll(() => page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.includes('runtime-'));
      const keys = await (await caches.open(name)).keys();
      return [keys.length, keys.some((k) => k.url.endsWith('v=79')), keys.some((k) => k.url.endsWith('v=0'))];
    })).toEqual([60, true, false]);
  });

  test('after one visit the app works with the network off', async ({ page, context }) => {
    await page.goto('/');
    await count(page, projects.length);
    await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
    await context.setOffline(true);
    await page.reload();
    await count(page, projects.length);
    await expect(page.getByTestId('offline-indicator')).toContainText('05/12/2026');
    await expect(page.getByTestId('data-date')).toContainText('Données au 05/12/2026');
    // Deep links and the map work offline too.
    await page.goto('/poles/vitagora');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vitagora');
    await page.goto('/?vue=carte');
    await expect(page.getByTestId('map-region')).toHaveCount(18);
    await context.setOffline(false);
  });

  test('embedded on the same site, it works offline after one visit', async ({ page, context }) => {
    // The Intégrer code pasted into a page of the same site.
    await page.goto('/host/same.html');
    const frame = page.frameLocator('iframe');
    await count(frame, projects.length);
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active)), null, { timeout: 10_000 });
    await expect.poll(() => page.frames()[1].evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 10_000 }).toBe(true);
    await context.setOffline(true);
    await page.reload().catch(() => {});
    await count(page.frameLocator('iframe'), projects.length);
    await context.setOffline(false);
  });
});

test.describe('data from an API', () => {
  // A deployer adds the API's origin to connect-src; these tests use an arbitrary one.
  test.use({ bypassCSP: true });
  const useApi = async (page, cfg) => page.route('**/config.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(cfg) }));

  test('a working API is used without notice', async ({ page }) => {
    await useApi(page, { data_base_url: '/api/' });
    const seen = [];
    page.on('request', (r) => seen.push(new URL(r.url()).pathname));
    await page.goto('/');
    await count(page, projects.length);
    expect(seen).toContain('/api/projects.json');
    await expect(page.getByTestId('data-source-notice')).toHaveCount(0);
  });

  for (const [name, handler, words] of [
    ['an HTTP error', (r) => r.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }), /500/],
    ['HTML instead of JSON', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<html></html>' }), /HTML/],
    ['truncated JSON', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "projects": [' }), /tronqué/],
  ]) {
    test(`an API answering ${name} falls back to the bundled data and says so`, async ({ page }) => {
      await useApi(page, { data_base_url: 'http://127.0.0.1:9/api/' });
      await page.route('http://127.0.0.1:9/api/**', handler);
      await page.goto('/');
      await count(page, projects.length);
      const notice = page.getByTestId('data-source-notice');
      await expect(notice).toContainText("Les données de l'API");
      await expect(notice).toContainText(words);
      await expect(notice).toContainText('données intégrées');
    });
  }

  test('an API that does not answer in time falls back', async ({ page }) => {
    await useApi(page, { data_base_url: 'http://127.0.0.1:9/slow/', api_timeout_s: 1 });
    await page.route('http://127.0.0.1:9/slow/**', async (r) => { await new Promise((ok) => setTimeout(ok, 3000)); await r.abort().catch(() => {}); });
    await page.goto('/');
    await count(page, projects.length);
    await expect(page.getByTestId('data-source-notice')).toContainText('délai de 1 seconde');
  });

  test('the URL may only select same-origin data', async ({ page }) => {
    await page.goto('/?donnees=https://evil.example/data/');
    await count(page, projects.length);
    await expect(page.getByTestId('data-source-notice')).toContainText('donnees=https://evil.example/data/');
    await page.goto('/?donnees=/api/');
    await count(page, projects.length);
    await expect(page.getByTestId('data-source-notice')).toHaveCount(0);
  });
});
