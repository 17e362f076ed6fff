// Issue 3: faceted exploration — facets, exclusion, "tous" mode, accent-insensitive search, chips,
// clearing, shareable URLs, back/forward, malformed URLs, counts equal to an independent implementation.
import { test, expect } from '@playwright/test';
import { projects, poles } from './data.mjs';
import { search, facetCount, toUrl, ids, FACETS } from './reference-engine.mjs';
import { allRowIds, unfold } from './pages.mjs';

const resultCount = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
const option = (page, facet, value) => page.locator(`[data-testid=facet-option][data-facet="${facet}"][data-value="${value}"]`);
const expectCount = async (page, n) => expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${n}\\s`));

async function expectRows(page, state) {
  const want = search(state);
  await expectCount(page, want.length);
  const testid = (state.tab ?? 'projets') === 'projets' ? 'project-row' : 'pole-row';
  // Every page of the list, in order.
  expect(new Set(await allRowIds(page, testid))).toEqual(new Set(want.map((x) => x.id)));
}

test('region facet: clicking a value filters, updates the URL and the counts', async ({ page }) => {
  await page.goto('/');
  await expectCount(page, projects.length);
  const bfc = option(page, 'region', '27');
  await expect(bfc).toHaveAttribute('data-count', String(facetCount({}, 'region', '27')));
  await bfc.click();
  await expect(page).toHaveURL(/[?&]region=27(&|$)/);
  await expect(bfc).toHaveAttribute('aria-checked', 'true');
  await expectRows(page, { sel: { region: { include: ['27'] } } });
  // The rule is stated in the filter bar.
  await expect(page.getByText("Un projet correspond à une région si l'une de ses régions y correspond")).toBeVisible();
});

test('département facet appears for a chosen region', async ({ page }) => {
  await page.goto('/?region=27');
  await expect(page.locator('[data-testid=facet-option][data-facet=departement]')).toHaveCount(8);
  const state = { sel: { region: { include: ['27'] }, departement: { include: ['21'] } } };
  const dep = option(page, 'departement', '21');
  if (facetCount({ sel: { region: { include: ['27'] } } }, 'departement', '21') > 0) {
    await dep.click();
    await expect(page).toHaveURL(/departement=21/);
  } else {
    await expect(dep).toBeDisabled();
    await page.goto(toUrl(state));
  }
  await expectRows(page, state);
});

test('theme, pôle and funder facets combine with AND across facets, OR within', async ({ page }) => {
  await page.goto('/');
  for (const f of ['theme', 'financeur', 'pole']) await unfold(page, f);
  await option(page, 'theme', 'agroalimentaire').click();
  await option(page, 'theme', 'agriculture').click();
  await expect(page).toHaveURL(/theme=agroalimentaire,agriculture/);
  await expectRows(page, { sel: { theme: { include: ['agroalimentaire', 'agriculture'] } } });
  await option(page, 'financeur', 'FUI').click();
  await expectRows(page, { sel: { theme: { include: ['agroalimentaire', 'agriculture'] }, financeur: { include: ['FUI'] } } });
  await option(page, 'pole', 'vitagora').click();
  await expect(page).toHaveURL(/pole=vitagora/);
  await expectRows(page, { sel: { theme: { include: ['agroalimentaire', 'agriculture'] }, financeur: { include: ['FUI'] }, pole: { include: ['vitagora'] } } });
});

test('a value can be excluded', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-testid=facet-exclude][data-facet=financeur][data-value=FEDER]').click();
  await expect(page).toHaveURL(/financeur=-FEDER/);
  await expectRows(page, { sel: { financeur: { exclude: ['FEDER'] } } });
  await expect(page.getByTestId('filter-chip')).toHaveText(/Financeur : sauf FEDER/);
  await expect(option(page, 'financeur', 'FEDER')).toHaveAttribute('data-state', 'excluded');
});

test('"tous" mode keeps projects co-funded by every chosen funder', async ({ page }) => {
  await page.goto('/?financeur=FUI,Region');
  const any = { sel: { financeur: { include: ['FUI', 'Region'] } } };
  await expectRows(page, any);
  await page.getByTestId('funder-mode-all').check();
  await expect(page).toHaveURL(/financeur_mode=tous/);
  const all = { ...any, all: true };
  await expectRows(page, all);
  expect(search(all).length).toBeLessThan(search(any).length);
  await unfold(page, 'financeur');
  for (const f of ids.financeur) {
    await expect(option(page, 'financeur', f)).toHaveAttribute('data-count', String(facetCount(all, 'financeur', f)));
  }
});

test('year range filters and says how many have no known year', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('year-min').fill('2010');
  await page.getByTestId('year-min').press('Enter');
  await page.getByTestId('year-max').fill('2015');
  await page.getByTestId('year-max').press('Enter');
  await expect(page).toHaveURL(/annee_min=2010&annee_max=2015/);
  await expectRows(page, { min: 2010, max: 2015 });
  await expect(page.getByTestId('totals')).toContainText('sans année connue');
});

test('pôles tab: phase and region facets', async ({ page }) => {
  await page.goto('/?onglet=poles');
  await option(page, 'phase', '2023-2026').click();
  await expect(page).toHaveURL(/onglet=poles&phase=2023-2026/);
  await expectRows(page, { tab: 'poles', sel: { phase: { include: ['2023-2026'] } } });
  await option(page, 'region', '27').click();
  await expectRows(page, { tab: 'poles', sel: { phase: { include: ['2023-2026'] }, region: { include: ['27'] } } });
  // Funder and year filters do not apply to pôles.
  await expect(page.locator('[data-testid=facet-option][data-facet=financeur]')).toHaveCount(0);
});

test('search ignores accents and case, over names and former names', async ({ page }) => {
  await page.goto('/');
  const box = page.getByTestId('search-input');
  await box.fill('securite');
  await expect(page).toHaveURL(/q=securite/);
  const n = search({ q: 'securite' }).length;
  expect(n).toBeGreaterThan(0);
  await expectRows(page, { q: 'securite' });
  await box.fill('SÉCURITÉ');
  await expect(page).toHaveURL(/q=S%C3%89CURIT%C3%89/);
  await expectCount(page, n);
  await box.fill('pole');
  await expectRows(page, { q: 'pole' });
  await page.goto('/?onglet=poles&q=plastipolis');
  await expect(page.locator('[data-testid=pole-row][data-id=polymeris]')).toBeVisible();
});

test('chips remove one filter each and "tout effacer" clears all', async ({ page }) => {
  await page.goto('/?region=27&theme=agroalimentaire&financeur=-FEDER&q=vigne');
  await expect(page.getByTestId('filter-chip')).toHaveCount(4);
  await page.getByRole('button', { name: 'Retirer le filtre Thème : Agroalimentaire' }).click();
  await expect(page).not.toHaveURL(/theme=/);
  await expectRows(page, { sel: { region: { include: ['27'] }, financeur: { exclude: ['FEDER'] } }, q: 'vigne' });
  await page.getByTestId('clear-filters').click();
  await expect(page).toHaveURL(/\/$/);
  await expectCount(page, projects.length);
  await expect(page.getByTestId('search-input')).toHaveValue('');
});

test('back and forward restore each state', async ({ page }) => {
  await page.goto('/');
  await option(page, 'region', '27').click();
  await expect(page).toHaveURL(/region=27/);
  await option(page, 'financeur', 'FUI').click();
  await expect(page).toHaveURL(/financeur=FUI/);
  await page.goBack();
  await expect(page).toHaveURL(/region=27$/);
  await expectRows(page, { sel: { region: { include: ['27'] } } });
  await page.goBack();
  await expectCount(page, projects.length);
  await page.goForward();
  await expectRows(page, { sel: { region: { include: ['27'] } } });
});

test('typing replaces the history entry instead of adding one per letter', async ({ page }) => {
  await page.goto('/');
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('search-input').pressSequentially('hydrogene', { delay: 30 });
  await expect(page).toHaveURL(/q=hydrogene/);
  expect(await page.evaluate(() => history.length)).toBeLessThanOrEqual(before + 1);
});

test('a shared URL reproduces the exact view, sort included', async ({ page }) => {
  const url = '/?region=27&financeur=FUI,-FEDER&tri=annee';
  await page.goto(url);
  const state = { sel: { region: { include: ['27'] }, financeur: { include: ['FUI'], exclude: ['FEDER'] } } };
  await expectRows(page, state);
  await expect(page.getByTestId('sort-select')).toHaveValue('annee');
  const years = await page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => r.querySelector('td[data-label="Année"]').textContent));
  const known = years.filter((y) => /^\d+$/.test(y)).map(Number);
  expect(known).toEqual([...known].sort((a, b) => b - a));
  await page.getByTestId('sort-select').selectOption('nom');
  await expect(page).not.toHaveURL(/tri=/);
});

test('a malformed URL is ignored with a visible notice, never a crash', async ({ page }) => {
  await page.goto('/?region=zz,27&annee_min=abc&financeur=%3Cscript%3E&onglet=carte&inconnu=1&theme=,,');
  await expect(page.getByTestId('url-notice')).toBeVisible();
  await expect(page.getByTestId('url-notice')).toContainText('annee_min');
  await expect(page.getByTestId('url-notice')).toContainText('zz');
  await expectRows(page, { sel: { region: { include: ['27'] } } });
});

test('values without results stay visible but disabled', async ({ page }) => {
  await page.goto('/?region=27');
  // Long facets list every value once unfolded.
  await unfold(page, 'region');
  await unfold(page, 'theme');
  // Another region stays listed with its own count (disjunctive), disabled only at zero.
  const corse = option(page, 'region', '94');
  const n = facetCount({ sel: { region: { include: ['27'] } } }, 'region', '94');
  await expect(corse).toHaveAttribute('data-count', String(n));
  await expect(corse).toHaveAttribute('data-state', 'off');
  if (n === 0) await expect(corse).toBeDisabled();
  else await expect(corse).toBeEnabled();
  // The théme options all stay, zero counts disabled.
  const themes = page.locator('[data-testid=facet-option][data-facet=theme]');
  await expect(themes).toHaveCount(ids.theme.length);
  for (const t of ids.theme) {
    const c = facetCount({ sel: { region: { include: ['27'] } } }, 'theme', t);
    const o = option(page, 'theme', t);
    await expect(o).toHaveAttribute('data-count', String(c));
    if (c === 0) await expect(o).toBeDisabled();
    else await expect(o).toBeEnabled();
  }
});

test('random filter combinations: counts equal an independent implementation', async ({ page }) => {
  let seed = 12345;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let k = 0; k < 12; k++) {
    const tab = rnd(4) === 0 ? 'poles' : 'projets';
    const sel = {};
    for (const f of FACETS[tab]) {
      if (rnd(3) !== 0) continue;
      const vals = ids[f];
      const s = { include: [], exclude: [] };
      for (let j = 0; j < 1 + rnd(2); j++) {
        const v = vals[rnd(vals.length)];
        if (s.include.includes(v) || s.exclude.includes(v)) continue;
        (rnd(4) === 0 ? s.exclude : s.include).push(v);
      }
      sel[f] = s;
    }
    const state = { tab, sel, all: tab === 'projets' && rnd(3) === 0, q: ['', '', 'pole', 'énergie'][rnd(4)] };
    if (tab === 'projets' && rnd(4) === 0) { state.min = 2008; state.max = 2018; }
    await page.goto(toUrl(state));
    await expectRows(page, state);
    const opts = await page.locator('[data-testid=facet-option]').evaluateAll((els) => els.map((e) => [e.dataset.facet, e.dataset.value, Number(e.dataset.count)]));
    for (const [f, v, c] of opts) expect(c, `${toUrl(state)} ${f}=${v}`).toBe(facetCount(state, f, v));
  }
});

test('filters work under a sub-path', async ({ page }) => {
  await page.goto('/explorateur/?region=27');
  await expectRows(page, { sel: { region: { include: ['27'] } } });
  await option(page, 'financeur', 'FUI').click();
  await expect(page).toHaveURL(/\/explorateur\/\?region=27&financeur=FUI/);
  await expectRows(page, { sel: { region: { include: ['27'] }, financeur: { include: ['FUI'] } } });
});
