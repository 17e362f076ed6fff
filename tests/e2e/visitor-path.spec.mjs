// Issue 15: the visitor's path — context kept (back link, focus and scroll return, copy link),
// phones first (search in sight, "Voir les N résultats"), money per chosen funder, exports for
// people, no blank space after the footer, embed (history, lock, badges, builder), English labels.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { projects, referentiels } from './data.mjs';
import { search } from './reference-engine.mjs';
import { expectList } from './pages.mjs';

const port = Number(process.env.E2E_PORT ?? 8099);
const app = `http://127.0.0.1:${port}/`;
const countOf = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
const focusedRow = (page, kind = 'project') => page.evaluate((k) => document.activeElement?.closest(`[data-testid=${k}-row]`)?.dataset.id ?? null, kind);
const params = (url) => [...new URL(url).searchParams.entries()].sort().map((p) => p.join('=')).join('&');

async function openRowFromList(page, list, index) {
  await page.goto(list);
  const n = await countOf(page);
  await expectList(page, 'project-row', n);
  const row = page.getByTestId('project-row').nth(index);
  const id = await row.getAttribute('data-id');
  // Rows near the viewport get their real height once shown: centre the row until it stays.
  await row.evaluate(async (r) => {
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    for (let i = 0; i < 3; i++) {
      r.scrollIntoView({ block: 'center' });
      await frames();
    }
  });
  await expect(row).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const top = (await row.boundingBox()).y;
  await row.locator('th a').click();
  await expect(page.getByTestId('project-page')).toHaveAttribute('data-id', id);
  return { id, top };
}

// The row is where it was in the viewport (within a few pixels), well down the list.
async function expectRowBack(page, id, top) {
  await expect.poll(() => focusedRow(page)).toBe(id);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  const now = (await page.locator(`[data-testid=project-row][data-id="${id}"]`).boundingBox()).y;
  expect(Math.abs(now - top)).toBeLessThan(20);
}

test('the back link returns to the exact list, at the same place, focus on the row just seen', async ({ page }) => {
  const list = '/?theme=agroalimentaire&annee_min=2008';
  const { id, top } = await openRowFromList(page, list, 30);
  const listUrl = page.url().replace(/\/projets\/.*$/, list);
  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('result-count')).toBeVisible();
  expect(params(page.url())).toBe(params(listUrl));
  await expectRowBack(page, id, top);
});

test("the browser's Back also restores the place and the focus", async ({ page }) => {
  const { id, top } = await openRowFromList(page, '/?region=84', 25);
  await page.goBack();
  await expect(page.getByTestId('result-count')).toBeVisible();
  await expectRowBack(page, id, top);
});

test('back from a record opened on page 2: the same page, the row focused', async ({ page }) => {
  const { id, top } = await openRowFromList(page, '/?page=2', 20);
  await page.getByTestId('back-to-list').click();
  await expect(page).toHaveURL(/[?&]page=2$/);
  await expect(page.getByTestId('project-row').first()).toHaveAttribute('aria-rowindex', '52');
  await expectRowBack(page, id, top);
});

test('arriving on a record, the back link goes to the default list', async ({ page }) => {
  await page.goto(`/projets/${projects[0].id}`);
  await expect(page.getByTestId('back-to-list')).toHaveAttribute('href', /\/\?onglet=projets$/);
  await page.goto('/poles/vitagora');
  await expect(page.getByTestId('back-to-list')).toHaveAttribute('href', /\/\?onglet=poles$/);
});

test('the pôles list too: back to the list with the focus on the pôle', async ({ page }) => {
  await page.goto('/?onglet=poles&phase=2023-2026');
  const row = page.getByTestId('pole-row').nth(10);
  const id = await row.getAttribute('data-id');
  await row.locator('th a').click();
  await expect(page.getByTestId('pole-page')).toBeVisible();
  await page.getByTestId('back-to-list').click();
  await expect(page).toHaveURL(/onglet=poles.*phase=2023-2026|phase=2023-2026.*onglet=poles/);
  await expect.poll(() => focusedRow(page, 'pole')).toBe(id);
});

test('"Copier le lien" copies the address of the view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/?region=27&theme=agroalimentaire&vue=carte');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-link-status')).toHaveText(/Lien copié/);
  expect(params(await page.evaluate(() => navigator.clipboard.readText()))).toBe(params(page.url()));
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the search box is in sight, folded filters say how many are active, a button leads to the results', async ({ page }) => {
    await page.goto('/?region=27&theme=agroalimentaire');
    const box = page.getByTestId('search-input');
    await expect(box).toBeInViewport();
    await expect(page.getByTestId('filters-summary')).toContainText('2 actifs');
    await page.getByTestId('filters-summary').click();
    const n = search({ sel: { region: { include: ['27'] }, theme: { include: ['agroalimentaire'] } } }).length;
    const see = page.getByTestId('see-results');
    await expect(see).toHaveText(`Voir les ${n} résultats`);
    await expect(see).toBeInViewport();
    await see.click();
    await expect(page.locator('#results-title')).toBeFocused();
    await expect(page.locator('#results-title')).toBeInViewport();
  });

  test('Enter in the search box shows the results', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('search-input').fill('vitagora');
    await page.getByTestId('search-input').press('Enter');
    await expect(page.locator('#results-title')).toBeFocused();
    await expect(page).toHaveURL(/q=vitagora/);
    await expect(page.locator('#results-title')).toBeInViewport();
  });
});

test('with a funder filter, the totals speak per chosen funder', async ({ page }) => {
  await page.goto('/?region=27&theme=agroalimentaire&financeur=FUI');
  const shown = search({ sel: { region: { include: ['27'] }, theme: { include: ['agroalimentaire'] }, financeur: { include: ['FUI'] } } });
  const fui = shown.map((p) => p.funding.filter((f) => f.funder === 'FUI'));
  const withAmount = fui.filter((lines) => lines.some((f) => f.amount_eur != null)).length;
  const without = fui.length - withAmount;
  const line = page.locator('[data-testid=funder-totals][data-funder=FUI]');
  const plural = (n) => `${n} projet${n > 1 ? 's' : ''}`;
  await expect(line).toContainText(withAmount ? `publiés pour ${plural(withAmount)}` : 'aucun montant publié');
  if (without) await expect(line).toContainText(`montant non publié pour ${plural(without)}`);
  await expect(line).toHaveText(/^FUI : /);
  await expect(page.getByTestId('totals')).toContainText('tous financeurs confondus');
  // Without a funder filter, no such line.
  await page.goto('/?region=27');
  await expect(page.getByTestId('result-count')).toBeVisible();
  await expect(page.getByTestId('funder-totals')).toHaveCount(0);
});

async function exportFile(page, testid) {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync(await download.path(), 'utf8');
}

function parseCsv(text, sep) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  const body = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; } else if (c === '\r' && body[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

test('the Excel export is for people: names beside codes, words, " ; "', async ({ page }) => {
  await page.goto('/?lang=en&theme=agroalimentaire&region=27,84');
  await expect(page.getByTestId('result-count')).toBeVisible();
  const rows = parseCsv(await exportFile(page, 'export-csv-excel'), ';');
  const h = rows[0];
  for (const [code, names] of [['regions', 'regions_noms'], ['poles', 'poles_noms'], ['themes', 'themes_libelles'], ['financeur_1', 'financeur_1_nom']]) {
    expect(h.indexOf(names), names).toBe(h.indexOf(code) + 1);
  }
  const byId = Object.fromEntries(projects.map((p) => [p.id, p]));
  const regionName = Object.fromEntries(referentiels.regions.map((r) => [r.code, r.name]));
  let several = 0;
  for (const r of rows.slice(1)) {
    const p = byId[r[0]];
    expect(r[h.indexOf('regions')]).toBe(p.territory.regions.join(' ; '));
    expect(r[h.indexOf('regions_noms')]).toBe(p.territory.regions.map((c) => regionName[c]).join(' ; '));
    expect(r.join('')).not.toContain('\n');
    if (p.territory.regions.length > 1 || p.sources.length > 1) several++;
    // English page: English words.
    expect(r[h.indexOf('themes_libelles')]).toContain('Agri-food');
    expect(['Collaborative R&D project', 'Innovation platform', 'Cluster collective action', 'Technological research institute']).toContain(r[h.indexOf('type')]);
  }
  expect(several).toBeGreaterThan(0);
});

test('aggregates leave an unknown sum empty and keep the count of unpublished lines', async ({ page }) => {
  await page.goto('/?region=27');
  await expect(page.getByTestId('result-count')).toBeVisible();
  const shown = search({ sel: { region: { include: ['27'] } } });
  const rows = parseCsv(await exportFile(page, 'export-funder'), ';');
  let empty = 0;
  for (const r of rows.slice(1)) {
    const lines = shown.flatMap((p) => p.funding).filter((f) => f.funder === r[0]);
    const published = lines.filter((f) => f.amount_eur != null);
    expect(r[3] === '', r[0]).toBe(published.length === 0);
    expect(Number(r[4])).toBe(lines.length - published.length);
    if (r[3] === '') empty++;
  }
  expect(empty, 'a funder of BFC projects without any published amount').toBeGreaterThan(0);
});

test('no blank space after the footer, in every view', async ({ page }) => {
  for (const url of ['/?region=27', '/?region=27&vue=carte', '/?region=27&vue=stats', '/?onglet=poles&theme=numerique', `/projets/${projects[0].id}`]) {
    await page.goto(url);
    await expect(page.locator('footer [data-testid=data-date]')).toBeVisible();
    await page.waitForTimeout(300);
    const gap = await page.evaluate(() => document.documentElement.scrollHeight - (document.querySelector('footer').getBoundingClientRect().bottom + window.scrollY));
    expect(gap, url).toBeLessThanOrEqual(1);
  }
});

test.describe('embed', () => {
  test('view and tab switches inside an iframe leave the host page history alone', async ({ page }) => {
    await page.goto(`/host/?app=${encodeURIComponent(app)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('result-count')).toBeVisible();
    const before = await page.evaluate(() => history.length);
    await frame.getByTestId('view-carte').click();
    await expect(frame.getByTestId('map-view')).toBeVisible();
    await frame.getByTestId('view-stats').click();
    await expect(frame.getByTestId('view-stats')).toHaveAttribute('aria-current', 'page');
    await frame.getByTestId('tab-poles').click();
    await expect(frame.getByTestId('tab-poles')).toHaveAttribute('aria-current', 'page');
    await frame.getByTestId('view-liste').click();
    await expect(frame.getByTestId('pole-row').first()).toBeVisible();
    expect(await page.evaluate(() => history.length)).toBe(before);
  });

  test('a locked region: its départements on the map, no way to France, badges within the lock', async ({ page }) => {
    await page.goto('/?embed=1&region=27&verrou=region&vue=carte');
    await expect(page.locator('[data-testid=map-departement]').first()).toBeVisible();
    await expect(page.getByTestId('map-back')).toHaveCount(0);
    await expect(page.getByTestId('tab-projets').locator('.tab-count')).toHaveText(String(search({ sel: { region: { include: ['27'] } } }).length));
    await expect(page.getByTestId('tab-poles').locator('.tab-count')).toHaveText(String(search({ tab: 'poles', sel: { region: { include: ['27'] } } }).length));
    // Without a lock the drill-down can be left.
    await page.goto('/?region=27&vue=carte');
    await expect(page.getByTestId('map-back')).toBeVisible();
  });

  test('the builder names the territory and suggests a darker colour that passes', async ({ page }) => {
    await page.goto('/integrer?region=27');
    await expect(page.getByTestId('embed-title')).toHaveValue('Projets en Bourgogne-Franche-Comté');
    await page.getByTestId('embed-colour').fill('ffff00');
    const suggestion = page.getByTestId('embed-colour-suggestion');
    await expect(suggestion).toBeVisible();
    const shade = await suggestion.getAttribute('data-colour');
    expect(shade).toMatch(/^[0-9a-f]{6}$/);
    await suggestion.click();
    await expect(page.getByTestId('embed-colour')).toHaveValue(shade);
    await expect(page.getByTestId('embed-code')).toHaveValue(new RegExp(`couleur=${shade}`));
    await expect(page.locator('.field-error')).toHaveCount(0);
    await expect(suggestion).toHaveCount(0);
  });
});

test('English: the reference lists are in English too', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.locator('[data-testid=facet-option][data-facet=financeur][data-value=FEDER]')).toContainText('ERDF');
  await expect(page.locator('[data-testid=facet-option][data-facet=financeur][data-value=Other]')).toContainText('Other funder');
  await expect(page.locator('[data-testid=facet-option][data-facet=financeur][data-value=Departement]')).toContainText('Department');
  const other = projects.find((p) => p.funding.some((f) => f.funder === 'Other'));
  await page.goto(`/projets/${other.id}?lang=en`);
  await expect(page.locator('[data-testid=funding-row][data-funder=Other] th')).toHaveText(/^Other funder — Other/);
});

test('keyboard economy: a facet is one tab stop, arrows move, Space checks, "-" excludes', async ({ page }) => {
  for (const url of ['/', '/?region=27']) {
    await page.goto(url);
    await expect(page.getByTestId('result-count')).toBeVisible();
    // Count the tab stops of the filter bar, from the element before it.
    await page.getByTestId('skip-to-results').focus();
    let stops = 1;
    for (;;) {
      await page.keyboard.press('Tab');
      if (!(await page.evaluate(() => !!document.activeElement?.closest('aside.filters')))) break;
      stops++;
      expect(stops, url).toBeLessThanOrEqual(30);
    }
  }
  await page.goto('/');
  await expect(page.getByTestId('result-count')).toBeVisible();
  await page.getByTestId('search-input').focus();
  const regions = page.locator('[data-testid=facet-option][data-facet=region]');
  // The fold's summary, the region list's filter box, then the list: its first value.
  for (let i = 0; i < 4 && !(await regions.first().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(regions.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(regions.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(regions.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(regions.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(regions.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(regions.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('-');
  await expect(regions.nth(2)).toHaveAttribute('data-state', 'excluded');
  await expect(regions.nth(2)).toHaveAccessibleName(/exclu/);
  await expect(regions.nth(2)).toBeFocused();
  // Tab leaves the list (for the button that unfolds it); Shift+Tab comes back to the value last focused.
  await page.keyboard.press('Tab');
  await expect(page.locator('[data-testid=facet-more][data-facet=region]')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(regions.nth(2)).toBeFocused();
  // "Tout effacer" leaves the focus on the search box.
  await page.getByTestId('clear-filters').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
});

test('the skip to the results lands on a visible, focused heading', async ({ page }) => {
  await page.goto('/?region=27');
  await expect(page.getByTestId('result-count')).toBeVisible();
  await page.getByTestId('skip-to-results').focus();
  await page.keyboard.press('Enter');
  const heading = page.locator('#results-title');
  await expect(heading).toBeFocused();
  const box = await heading.boundingBox();
  expect(box.width).toBeGreaterThan(20);
  expect(box.height).toBeGreaterThan(10);
  await expect(heading).toBeInViewport();
});

test('the map table sorts by any column and counts the projects with a published amount', async ({ page }) => {
  await page.goto('/?vue=carte');
  const table = page.getByTestId('map-table');
  await expect(table.getByTestId('map-row').first()).toBeVisible();
  const withAmount = (code) => projects.filter((p) => p.territory.regions.includes(code) && p.funding.some((f) => f.amount_eur != null)).length;
  const row = table.locator('[data-testid=map-row][data-code="27"]');
  await expect(row.locator('td').nth(2)).toHaveText(String(withAmount('27')));
  const headers = table.locator('thead th');
  await expect(headers.nth(1)).toHaveAttribute('aria-sort', 'descending');
  const column = async (k) => table.getByTestId('map-row').evaluateAll((rows, k) => rows.map((r) => r.children[k].textContent.trim()), k);
  const number = (s) => (s === '—' ? null : Number(s.replace(/\D+/g, '')));
  // By name, A to Z then Z to A.
  await headers.nth(0).getByRole('button').click();
  await expect(headers.nth(0)).toHaveAttribute('aria-sort', 'ascending');
  await expect(headers.nth(1)).not.toHaveAttribute('aria-sort', /./);
  const names = await column(0);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
  await headers.nth(0).getByRole('button').click();
  await expect(headers.nth(0)).toHaveAttribute('aria-sort', 'descending');
  expect(await column(0)).toEqual([...names].reverse());
  // By projects with a published amount, largest first.
  await headers.nth(3).getByRole('button').click();
  await expect(headers.nth(3)).toHaveAttribute('aria-sort', 'descending');
  const counts = (await column(3)).map(number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  // By amounts: unknown sums (—) last.
  await headers.nth(2).getByRole('button').click();
  const amounts = (await column(2)).map(number);
  const known = amounts.filter((a) => a !== null);
  expect(amounts.slice(0, known.length)).toEqual([...known].sort((a, b) => b - a));
});

test('charts: a numbers / published amounts switch, sortable tables', async ({ page }) => {
  await page.goto('/?vue=stats&region=27');
  const years = page.locator('[data-testid=chart][data-chart=annees]');
  await expect(years.getByTestId('chart-bar').first()).toBeVisible();
  await page.getByTestId('stats-measure-montant').check();
  await expect(page).toHaveURL(/mesure=montant/);
  const shown = search({ sel: { region: { include: ['27'] } } });
  const without = shown.filter((p) => p.year != null && !p.funding.some((f) => f.amount_eur != null)).length;
  await expect(years.getByTestId('chart-summary')).toContainText(`${without} projet${without > 1 ? 's' : ''} sans montant publié`);
  // A year whose projects have no published amount says so instead of drawing zero.
  const byYear = {};
  for (const p of shown.filter((p) => p.year != null)) (byYear[p.year] ??= []).push(p);
  const silent = Object.entries(byYear).find(([, ps]) => ps.every((p) => !p.funding.some((f) => f.amount_eur != null)));
  if (silent) await expect(years.locator(`[data-testid=chart-bar][data-value="${silent[0]}"]`)).toHaveAccessibleName(/aucun montant publié/);
  // The funders' table sorts by amount (unknown last) and by name.
  const funders = page.locator('[data-testid=chart][data-chart=financeurs]');
  const table = funders.getByTestId('chart-table');
  const header = table.locator('thead th');
  await header.nth(3).getByRole('button').click();
  await expect(header.nth(3)).toHaveAttribute('aria-sort', 'descending');
  const amounts = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.children[3].textContent.trim()));
  const n = amounts.map((s) => (s === '—' ? null : Number(s.replace(/\D+/g, ''))));
  const known = n.filter((x) => x !== null);
  expect(n.slice(0, known.length)).toEqual([...known].sort((a, b) => b - a));
  await header.nth(0).getByRole('button').click();
  await expect(header.nth(0)).toHaveAttribute('aria-sort', 'ascending');
});

test('on a phone, chart and legend text stays at 12 px or more (390 and 320 px)', async ({ browser }) => {
  for (const width of [390, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
    for (const url of ['/?vue=stats', '/?vue=carte']) {
      await page.goto(url);
      await expect(page.locator('svg.bars text, [data-testid=map-legend]').first()).toBeVisible();
      const smallest = await page.evaluate(() => {
        const sizes = [];
        for (const el of document.querySelectorAll('svg.bars text, [data-testid=map-legend] *')) {
          if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
          const svg = el.closest('svg.bars');
          // SVG text is drawn at its font size times the drawing's scale.
          const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
          sizes.push(parseFloat(getComputedStyle(el).fontSize) * scale);
        }
        return Math.min(...sizes);
      });
      expect(smallest, `${url} at ${width} px`).toBeGreaterThanOrEqual(11.9);
    }
    await page.close();
  }
});

test('map: Enter on a region keeps the focus in the map (drill-down title), and back on the region after', async ({ page }) => {
  await page.goto('/?vue=carte');
  const bfc = page.locator('[data-testid=map-region][data-code="27"]');
  await bfc.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/region=27/);
  await expect(page.locator('#map-zoom')).toBeFocused();
  await expect(page.locator('#map-zoom')).toHaveText(/Départements de Bourgogne-Franche-Comté/);
  await page.getByTestId('map-back').click();
  await expect(page.locator('[data-testid=map-region][data-code="27"]')).toBeFocused();
  // A region chosen in the filter bar does not move the focus into the map.
  await page.locator('[data-testid=facet-option][data-facet=region][data-value="53"]').click();
  await expect(page.locator('[data-testid=facet-option][data-facet=region][data-value="53"]')).toBeFocused();
});
