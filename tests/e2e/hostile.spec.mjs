// Hostile data and URLs: script payloads in every text field of the data and in every URL
// parameter are shown as text and never executed; a keyboard-only visitor completes the main flow.
import { test, expect } from '@playwright/test';
import { rawProjects } from './data.mjs';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1",
  '{{7*7}}<iframe srcdoc="<script>parent.__xss=1</script>">',
];

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => { window.__xss = 0; });
});

test('script payloads in every text field of the data are shown as text', async ({ page }) => {
  const doc = rawProjects();
  const p = doc.projects[0];
  const payload = PAYLOADS.join(' ');
  for (const k of ['acronym', 'title', 'summary', 'lead', 'call', 'status', 'notes']) p[k] = payload;
  p.partners = PAYLOADS;
  p.partner_locations = PAYLOADS;
  p.keywords = PAYLOADS;
  p.unresolved_poles = PAYLOADS;
  p.sources = ['javascript:window.__xss=1', 'data:text/html,<script>parent.__xss=1</script>', ...p.sources];
  p.funding = [{ funder: 'FUI', amount_eur: null, note: payload }];
  await page.route('**/data/projects.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await page.goto('/');
  await expect(page.locator(`[data-testid=project-row][data-id="${p.id}"]`)).toContainText('<script>');
  await page.goto(`/projets/${p.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__xss=1</script>');
  await expect(page.getByTestId('sources')).toContainText('javascript:window.__xss=1');
  // Non-http(s) sources are not links.
  await expect(page.getByTestId('sources').locator('a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
  await page.getByTestId('sources').getByText('javascript:window.__xss=1').click();
  await page.goto(`/?q=${encodeURIComponent('<script>')}`);
  await expect(page.getByTestId('project-row')).toHaveCount(1);
  expect(await page.evaluate(() => window.__xss)).toBe(0);
  // No script element but the first paint's (in the head, allowed by its hash).
  expect(await page.locator('body script:not([src])').count()).toBe(0);
});

test('script payloads in every URL parameter are ignored or shown as text', async ({ page }) => {
  const params = ['onglet', 'vue', 'mesure', 'region', 'departement', 'theme', 'financeur', 'pole', 'phase', 'q', 'annee_min', 'annee_max', 'tri', 'financeur_mode', 'embed', 'verrou', 'couleur', 'donnees'];
  for (const payload of PAYLOADS) {
    const qs = params.map((k) => `${k}=${encodeURIComponent(payload)}`).join('&');
    for (const path of ['/', '/integrer', '/poles/vitagora']) {
      await page.goto(`${path}?${qs}`);
      await expect(page.locator('main h1')).toBeVisible();
    }
  }
  expect(await page.evaluate(() => window.__xss)).toBe(0);
});

test('keyboard only: filter, open a project, come back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('project-row').first()).toBeVisible();
  // Skip link first.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  // Reach the region list with Tab (one stop), the Bourgogne-Franche-Comté option with the
  // arrows, and choose it with Space.
  const target = page.locator('[data-testid=facet-option][data-facet=region][data-value="27"]');
  const first = page.locator('[data-testid=facet-option][data-facet=region]').first();
  for (let i = 0; i < 20 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  for (let i = 0; i < 20 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(target).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/region=27/);
  // Jump over the filters ("Aller aux résultats"), then to the first project link, Enter, and back.
  const skip = page.getByTestId('skip-to-results');
  for (let i = 0; i < 200 && !(await skip.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  const link = page.getByTestId('project-row').first().getByRole('link').first();
  const name = await link.textContent();
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page).toHaveURL(/region=27/);
  await expect(target).toHaveAttribute('aria-checked', 'true');
});
