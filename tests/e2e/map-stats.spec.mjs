// Issue 4: the map and the charts mirror the list, are keyboard-usable and have table equivalents.
import { test, expect } from '@playwright/test';
import { projects, poles } from './data.mjs';
import { expectList } from './pages.mjs';
import { search, facetCount } from './reference-engine.mjs';

const resultCount = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));

test('the map draws the 18 regions with their INSEE codes', async ({ page }) => {
  await page.goto('/?vue=carte');
  const regions = page.getByTestId('map-region');
  await expect(regions).toHaveCount(18);
  const codes = await regions.evaluateAll((els) => els.map((e) => e.dataset.code).sort());
  expect(codes).toEqual(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);
  await expect(page.getByTestId('map-legend')).toBeVisible();
  await expect(page.getByText('Licence Ouverte')).toBeVisible();
});

test('clicking region 27 gives the same count as ?region=27, and drills down to départements', async ({ page }) => {
  await page.goto('/?region=27');
  const direct = await resultCount(page);
  await page.goto('/?vue=carte');
  await page.locator('[data-testid=map-region][data-code="27"]').click();
  await expect(page).toHaveURL(/vue=carte&region=27|region=27.*vue=carte/);
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${direct}\\s`));
  expect(direct).toBe(search({ sel: { region: { include: ['27'] } } }).length);
  await expect(page.getByTestId('map-departement')).toHaveCount(8);
  await page.getByTestId('map-back').click();
  await expect(page.getByTestId('map-region')).toHaveCount(18);
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${projects.length}\\s`));
});

test('map and table figures equal the list and the facet counts', async ({ page }) => {
  const state = { sel: { financeur: { include: ['FUI'] } } };
  await page.goto('/?vue=carte&financeur=FUI');
  for (const code of ['11', '27', '84', '93', '94']) {
    const want = facetCount(state, 'region', code);
    await expect(page.locator(`[data-testid=map-region][data-code="${code}"]`)).toHaveAttribute('data-count', String(want));
    await expect(page.locator(`[data-testid=map-row][data-code="${code}"] td`).first()).toHaveText(String(want));
  }
});

test('the map is keyboard-usable', async ({ page }) => {
  await page.goto('/?vue=carte');
  const idf = page.locator('[data-testid=map-region][data-code="11"]');
  await idf.focus();
  await expect(page.getByTestId('map-info')).toContainText('Île-de-France');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/region=11/);
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${search({ sel: { region: { include: ['11'] } } }).length}\\s`));
});

test('the pôles tab maps pôles per region', async ({ page }) => {
  await page.goto('/?onglet=poles&vue=carte');
  const want = facetCount({ tab: 'poles' }, 'region', '27');
  await expect(page.locator('[data-testid=map-region][data-code="27"]')).toHaveAttribute('data-count', String(want));
  expect(want).toBe(poles.filter((p) => p.regions.includes('27')).length);
});

test('charts follow the filters, have tables, and clicking a bar filters', async ({ page }) => {
  await page.goto('/?vue=stats&region=27');
  const kept = search({ sel: { region: { include: ['27'] } } });
  const charts = page.getByTestId('chart');
  await expect(charts).toHaveCount(4);
  const fui = page.locator('[data-chart=financeurs] [data-testid=chart-bar][data-value=FUI]');
  await expect(fui).toHaveAttribute('data-count', String(kept.filter((p) => p.funding.some((f) => f.funder === 'FUI')).length));
  await expect(page.locator('[data-chart=financeurs] [data-testid=chart-table]')).toContainText('Lignes sans montant publié');
  await expect(page.locator('[data-chart=financeurs] [data-testid=chart-summary]')).toContainText('jamais additionnées comme zéro');
  const unknownYears = kept.filter((p) => p.year == null).length;
  if (unknownYears) await expect(page.locator('[data-chart=annees] [data-testid=chart-summary]')).toContainText('sans année connue');
  await fui.click();
  await expect(page).toHaveURL(/financeur=FUI/);
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${search({ sel: { region: { include: ['27'] }, financeur: { include: ['FUI'] } } }).length}\\s`));
  // Keyboard on a theme bar.
  const theme = page.locator('[data-chart=themes] [data-testid=chart-bar]').first();
  const value = await theme.getAttribute('data-value');
  await theme.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`theme=${value}`));
});

test('amounts are formatted the French way and unknown amounts are shown apart', async ({ page }) => {
  await page.goto('/?vue=stats');
  const table = page.locator('[data-chart=financeurs] [data-testid=chart-table]');
  await expect(table).toContainText(/\d{1,3}(\s\d{3})+\s€/);
  await expect(table.locator('tr[data-value=FUI] td').nth(3)).not.toHaveText('0 €');
});

test('a broken map file shows a message and the rest keeps working', async ({ page }) => {
  await page.route('**/data/geo.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "regions": [' }));
  await page.goto('/?vue=carte');
  await expect(page.getByTestId('map-error')).toContainText('geo.json');
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${projects.length}\\s`));
  await page.getByTestId('view-liste').click();
  await expectList(page, 'project-row', projects.length);
});
