// Accessibility: axe-core (WCAG 2.1 A/AA rules) reports no violation on the views built so far.
import { test, expect } from '@playwright/test';
import { violations } from './axe.mjs';

// axe is injected as an inline script, which the app's CSP (rightly) forbids.
test.use({ bypassCSP: true });

for (const url of ['/', '/?onglet=poles', '/?region=27&financeur=-FEDER&q=vigne', '/?vue=carte', '/?vue=carte&region=27', '/?vue=stats',
  '/poles/vitagora', '/projets/damav', '/integrer?region=27', '/?embed=1&verrou=region&region=27', '/page-inconnue',
  '/?lang=en', '/?lang=en&vue=carte', '/projets/damav?lang=en', '/a-propos', '/?onglet=poles&q=plastipolis',
  '/?vue=stats&mesure=montant&region=27', '/?vue=carte&mesure=montant', '/?region=27&theme=agroalimentaire&financeur=FUI']) {
  test(`no axe violation on ${url}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForTimeout(200);
    expect(await violations(page)).toEqual([]);
  });
}

test('no axe violation on the data error view and the problems panel', async ({ page }) => {
  await page.route('**/data/poles.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: '' }));
  await page.goto('/?onglet=poles');
  await expect(page.getByTestId('load-error')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.route('**/data/referentiels.json', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: '' }));
  await page.goto('/');
  await expect(page.getByTestId('load-error')).toContainText('referentiels.json');
  expect(await violations(page)).toEqual([]);
});

test('the déclaration d\'accessibilité is linked from every page, styled, and has no axe violation', async ({ page }) => {
  await page.goto('/projets/damav');
  const link = page.getByTestId('a11y-link');
  await expect(link).toHaveText('Accessibilité : non conforme');
  await link.click();
  await expect(page).toHaveURL(/\/accessibilite\.html$/);
  const statement = page.getByTestId('a11y-statement');
  await expect(statement.locator('h1')).toHaveText("Déclaration d'accessibilité");
  for (const h of ['État de conformité', 'Résultats des tests', 'Contenus non accessibles', 'Établissement de cette déclaration', "Retour d'information et contact", 'Voies de recours']) {
    await expect(statement.locator('h2', { hasText: h })).toBeVisible();
  }
  // The stylesheet (hashed name, filled in after the build) applies.
  expect(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
  expect(await violations(page)).toEqual([]);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('h1')).toHaveText('Accessibility statement');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await violations(page)).toEqual([]);
});

test('no axe violation on the visitor-path states: sorted tables, open filters on a phone, colour suggestion', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, bypassCSP: true });
  await page.goto('/?region=27');
  await page.getByTestId('filters-summary').click();
  await expect(page.getByTestId('see-results')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.goto('/?vue=stats');
  await page.locator('[data-chart=financeurs] [data-testid=chart-table] thead button').nth(3).click();
  expect(await violations(page)).toEqual([]);
  await page.goto('/integrer?region=27');
  await page.getByTestId('embed-colour').fill('ffff00');
  await expect(page.getByTestId('embed-colour-suggestion')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.close();
});
