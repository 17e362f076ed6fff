// Issue 12: fine-grained rendering. A MutationObserver records what one facet click changes in
// the page: options whose count and state did not change must not be touched, changed options
// get a few mutations at most, and result rows are only added or removed when they enter or
// leave the page shown (rows that stay keep their node; only their aria-rowindex may follow the
// position). Issue 27: a page of 50 rows, the pagination bar, a page loaded in the background.
import { test, expect } from '@playwright/test';
import { projects } from './data.mjs';
import { search, facetCount } from './reference-engine.mjs';
import { PAGE_SIZE, expectList } from './pages.mjs';

const shownIds = (page) => page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => r.dataset.id));

const optionsState = (page) =>
  page.locator('[data-testid=facet-option]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [`${e.dataset.facet}:${e.dataset.value}`, `${e.dataset.count}/${e.dataset.state}/${e.disabled}`])));

async function settled(page, n) {
  await expectList(page, 'project-row', n);
  // Two frames more: anything scheduled after the last paint has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
}

async function observe(page) {
  await page.evaluate(() => {
    window.__mutations = [];
    window.__observer = new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const option = el?.closest('li.facet-option');
        const row = el?.closest('tr[data-testid=project-row]');
        window.__mutations.push({
          type: m.type,
          attr: m.attributeName,
          option: option ? `${option.querySelector('[data-testid=facet-option]').dataset.facet}:${option.querySelector('[data-testid=facet-option]').dataset.value}` : null,
          row: row ? row.dataset.id : null,
          inBody: !!el?.closest('tbody') && !row,
          added: [...m.addedNodes].map((n) => n.dataset?.id ?? n.nodeName),
          removed: [...m.removedNodes].map((n) => n.dataset?.id ?? n.nodeName),
        });
      }
    });
    window.__observer.observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test('one facet click touches only the options and rows whose data changed', async ({ page }) => {
  await page.goto('/');
  await settled(page, projects.length);
  const before = await optionsState(page);
  const rowsBefore = new Set(await shownIds(page));
  // Each row element of the page before the click carries a mark.
  await page.getByTestId('project-row').evaluateAll((rows) => rows.forEach((r) => { r.__before = true; }));
  await observe(page);

  const state = { sel: { region: { include: ['27'] } } };
  await page.locator('[data-testid=facet-option][data-facet=region][data-value="27"]').click();
  const want = search(state);
  await settled(page, want.length);
  const after = await optionsState(page);
  const mutations = await page.evaluate(() => window.__mutations);

  // Options: none touched unless its count, state or availability changed; a changed one a few times.
  const perOption = {};
  for (const m of mutations.filter((m) => m.option)) perOption[m.option] = (perOption[m.option] ?? 0) + 1;
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  expect(changed.length).toBeGreaterThan(0);
  expect(changed).toContain('region:27');
  for (const [key, n] of Object.entries(perOption)) {
    expect(changed, `option ${key} was rewritten (${n} mutations) though its data did not change`).toContain(key);
    expect(n, `option ${key}`).toBeLessThanOrEqual(6);
  }
  // Facet counts are the independent implementation's.
  expect(after['theme:agroalimentaire'].split('/')[0]).toBe(String(facetCount(state, 'theme', 'agroalimentaire')));

  // Rows: those that stay on the page are the same elements (moved at most), the others are new.
  const kept = new Set(await shownIds(page));
  const marks = await page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => [r.dataset.id, r.__before === true]));
  for (const [id, same] of marks) expect(same, `row ${id}: ${rowsBefore.has(id) ? 'still listed but re-created' : 'new yet an old element'}`).toBe(rowsBefore.has(id));
  expect([...kept].filter((id) => rowsBefore.has(id)).length).toBeGreaterThan(0);
  // Inside a row that stays, only its position may change.
  const inRows = mutations.filter((m) => m.row && kept.has(m.row));
  for (const m of inRows) expect(m.type === 'attributes' && m.attr === 'aria-rowindex', `row ${m.row}: ${m.type} ${m.attr}`).toBe(true);
});

test('a page of 50 rows, the bar after it, Back and Forward walk the pages', async ({ page }) => {
  await page.goto('/');
  await expectList(page, 'project-row', projects.length);
  const pages = Math.ceil(projects.length / PAGE_SIZE);
  const idx = await page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
  expect(idx).toEqual([...Array(PAGE_SIZE).keys()].map((k) => k + 2));
  await expect(page.getByTestId('result-range')).toHaveText(` · 1 à ${PAGE_SIZE}`);
  const bar = page.getByRole('navigation', { name: 'Pages de résultats' });
  await expect(bar).toBeVisible();
  await expect(bar.locator('[aria-current=page]')).toHaveText('1');
  await expect(bar.getByTestId('page-previous')).toHaveCount(0);
  await expect(bar.locator(`[data-testid=page-link][data-page="${pages}"]`)).toBeVisible();
  const first = await shownIds(page);
  await bar.getByTestId('page-next').click();
  await expect(page).toHaveURL(/\?page=2$/);
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', String(PAGE_SIZE + 2));
  await expect(page.getByTestId('result-range')).toHaveText(` · ${PAGE_SIZE + 1} à ${Math.min(2 * PAGE_SIZE, projects.length)}`);
  await expect(page.locator('#results-title')).toBeFocused();
  await expect(page.locator('#results-title')).toHaveText(`Résultats, page 2 sur ${pages}`);
  const second = await shownIds(page);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  // The last page holds the rest.
  await bar.locator(`[data-testid=page-link][data-page="${pages}"]`).click();
  await expect(page.getByTestId('project-row')).toHaveCount(projects.length - (pages - 1) * PAGE_SIZE);
  await page.goBack();
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', String(PAGE_SIZE + 2));
  await page.goBack();
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', '2');
  await page.goForward();
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', String(PAGE_SIZE + 2));
  // A filter goes back to the first page.
  await page.locator('[data-testid=facet-option][data-facet=region][data-value="84"]').click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', '2');
});

test('a page past the end shows the last one, with a notice', async ({ page }) => {
  const n = search({ sel: { region: { include: ['27'] } } }).length;
  await page.goto('/?region=27&page=40');
  await expect(page.getByTestId('url-notice')).toContainText('page=40');
  const last = Math.ceil(n / PAGE_SIZE);
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', String((last - 1) * PAGE_SIZE + 2));
  await expect(page.getByTestId('project-row')).toHaveCount(n - (last - 1) * PAGE_SIZE);
});

test('a page loaded in the background gets its full first page', async ({ page }) => {
  // A background tab: hidden, and no animation frame ever comes (the browser does not paint it).
  await page.addInitScript(() => {
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await page.goto('/');
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
  await expectList(page, 'project-row', projects.length);
  await expect(page.getByTestId('result-count')).toHaveText(`${projects.length} projets`);
  await expect(page.locator('[data-testid=facet-option][data-facet=region]')).toHaveCount(10);
  await expect(page.getByTestId('pagination')).toBeVisible();
});

test('the first paint comes from the page itself, before the WebAssembly runs', async ({ page }) => {
  // The module comes late: what is painted before it is the static first paint.
  await page.route('**/*_bg.wasm', async (route) => { await new Promise((ok) => setTimeout(ok, 1500)); await route.continue(); });
  await page.goto('/');
  await expect(page.locator('#boot h1 .boot-fr')).toBeVisible();
  await expect(page.locator('#boot .boot-intro').first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveText(`${projects.length} projets`);
  await expect(page.locator('#boot')).toHaveCount(0);
  const [fcp, wasm] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    performance.getEntriesByName('pe-wasm-start')[0]?.startTime,
  ]);
  expect(fcp).toBeGreaterThan(0);
  expect(fcp).toBeLessThan(wasm);
  // One h1 on the page once the app has taken over.
  await expect(page.locator('h1')).toHaveCount(1);
});

test('the first paint shows nothing that the address contradicts', async ({ page }) => {
  // The module never comes: the static first paint stays.
  await page.route('**/*_bg.wasm', () => {});
  const boot = page.locator('#boot');
  await page.goto('/?lang=en&region=27');
  await expect(boot.locator('h1 .boot-en')).toHaveText("Explore France's competitiveness clusters and their projects");
  await expect(boot.locator('h1 .boot-en')).toBeVisible();
  await expect(boot.locator('h1 .boot-fr')).toBeHidden();
  await expect(boot.getByText('Les pôles de compétitivité réunissent')).toBeHidden();
  await expect(boot.getByRole('link', { name: 'Clusters' })).toHaveAttribute('href', './?onglet=poles&lang=en');
  await page.goto('/projets/damav');
  await expect(boot.locator('.boot-brand')).toBeVisible();
  await expect(boot.locator('h1')).toBeHidden();
  await expect(boot.locator('.boot-tabs')).toHaveCount(2);
  await expect(boot.locator('.boot-tabs').first()).toBeHidden();
  await page.goto('/?embed=1&verrou=region&region=27');
  await expect(boot).toBeHidden();
  await page.goto('/explorateur/?onglet=poles');
  await expect(boot.locator('h1 .boot-fr')).toBeVisible();
  await expect(boot.locator('h1 .boot-en')).toBeHidden();
  // No figure that other data (config.json, donnees=) would contradict.
  expect(await boot.evaluate((b) => /\d/.test(b.textContent))).toBe(false);
});
