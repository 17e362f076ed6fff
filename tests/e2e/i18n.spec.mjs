// English (lang=en): every UI string from the catalog, numbers, amounts and dates in English,
// the parameter kept on links, the switch back to French, and a missing catalog.
import { test, expect } from '@playwright/test';

test('the explorer in English', async ({ page }) => {
  await page.goto('/?lang=en&region=27&financeur=FUI');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('main h1')).toHaveText("Explore France's competitiveness clusters and their projects");
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ projects?$/);
  await expect(page.getByTestId('tab-projets')).toContainText('Projects');
  await expect(page.getByTestId('clear-filters')).toHaveText('Clear all');
  await expect(page.locator('label[for=tri]')).toHaveText('Sort by');
  await expect(page.getByTestId('filter-chip').first()).toContainText('Region: Bourgogne-Franche-Comté');
  // Amounts the English way: €1,234,567 (no space, comma thousands separator).
  const published = await page.getByTestId('total-published').textContent();
  expect(published).toMatch(/^(€\d{1,3}(,\d{3})* of published funding \(for \d+ projects?\)|no published amount)$/);
  // Dates: "26 November 2026".
  await expect(page.getByTestId('data-date')).toHaveText(/^Data as of \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} \(edition .+\)\.$/);
  await expect(page.getByTestId('a11y-link')).toHaveText('Accessibility: not compliant');
  await expect(page.getByTestId('a11y-link')).toHaveAttribute('href', /accessibility\.html$/);
  // The page's title says what is shown, in English (issue 16): "10 projects — List — Pôles Explorer".
  await expect(page).toHaveTitle(/^[\d,]+ projects? — List — Pôles Explorer$/);
});

test('English follows the visitor: record pages, map and statistics', async ({ page }) => {
  await page.goto('/?lang=en');
  await page.getByTestId('project-row').first().locator('a').first().click();
  await expect(page).toHaveURL(/[?&]lang=en/);
  await expect(page.getByTestId('project-page')).toBeVisible();
  await expect(page.locator('#funding-title')).toHaveText('Funding');
  await expect(page.getByTestId('sources').locator('h2')).toHaveText('Sources');
  await page.goto('/?lang=en&vue=carte');
  await expect(page.locator('#map-title')).toHaveText('Map');
  await expect(page.getByTestId('map-table').locator('caption')).toHaveText('Figures by region (table equivalent to the map)');
  await page.goto('/?lang=en&vue=stats');
  await expect(page.locator('[data-chart=financeurs] figcaption')).toHaveText('Projects by funder');
  await page.goto('/?lang=en&onglet=poles');
  await page.getByTestId('pole-row').first().locator('a').first().click();
  await expect(page.locator('#phases-title')).toHaveText('Labelling phases');
});

test('the language switch goes back to French and keeps the filters', async ({ page }) => {
  await page.goto('/?region=27&lang=en');
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\?region=27$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('main h1')).toHaveText('Explorer les pôles de compétitivité et leurs projets');
  await expect(page.getByTestId('result-count')).toHaveText(/^\d+ projets?$/);
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\?region=27&lang=en$/);
  await expect(page.locator('main h1')).toHaveText("Explore France's competitiveness clusters and their projects");
});

test('French amounts and dates stay French by default', async ({ page }) => {
  await page.goto('/?region=27&financeur=FUI');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('data-date')).toHaveText(/^Données au \d{2}\/\d{2}\/\d{4}/);
  const published = await page.getByTestId('total-published').textContent();
  expect(published).toMatch(/^(\d{1,3}(\u202f\d{3})*\u00a0€ de financements publiés|aucun montant publié)/);
});

test('a missing English catalog leaves the explorer in French, and says so', async ({ page }) => {
  await page.route('**/i18n/en.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: '' }));
  await page.goto('/?lang=en');
  await expect(page.locator('main h1')).toHaveText('Explorer les pôles de compétitivité et leurs projets');
  await expect(page.getByTestId('data-source-notice')).toContainText('English translation unavailable');
});
