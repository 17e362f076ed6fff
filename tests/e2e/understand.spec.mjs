// Issue 17: "Comprendre les pôles" — every figure of the static page leads to the explorer view
// that lists it (its data-count is that view's result count), in both languages; the `nature` facet.
import { test, expect } from '@playwright/test';
import { projects } from './data.mjs';
import { NATURE } from './reference-engine.mjs';
import { violations } from './axe.mjs';

const countOf = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));

for (const [file, lang] of [['comprendre.html', 'fr'], ['understand.html', 'en']]) {
  test(`every story link of ${file} finds its data-count in the view it opens`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/${file}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByTestId('story-origin')).toContainText('2013');
    const links = await page.getByTestId('story-link').evaluateAll((els) => els.map((a) => [a.href, Number(a.dataset.count), a.textContent]));
    expect(links.length).toBeGreaterThanOrEqual(20);
    for (const [href, n, text] of links) {
      // The link's text states the number it links.
      expect(Number(text.match(/[\d\s\u00a0\u202f,]+/)[0].replace(/\D+/g, '')), text).toBe(n);
      await page.goto(href);
      await expect(page.getByTestId('result-count')).toBeVisible();
      expect(await countOf(page), href).toBe(n);
      expect(await page.locator('html').getAttribute('lang'), href).toBe(lang);
    }
  });
}

test('the page reads without JavaScript, and the app leads there from its header and its address', async ({ browser, page }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const bare = await context.newPage();
  await bare.goto('/comprendre.html');
  await expect(bare.locator('h1')).toHaveText('Comprendre les pôles de compétitivité');
  await expect(bare.getByTestId('story-link').first()).toBeVisible();
  await context.close();
  await page.goto('/');
  await page.getByTestId('understand-link').click();
  await expect(page).toHaveURL(/\/comprendre\.html$/);
  await page.goto('/understand?lang=en');
  await expect(page).toHaveURL(/\/understand\.html$/);
  await page.goto('/explorateur/comprendre');
  await expect(page).toHaveURL(/\/explorateur\/comprendre\.html$/);
  await expect(page.getByTestId('story-link').first()).toHaveAttribute('href', /^\.\/\?/);
});

test('the nature facet counts each kind of the bundled data', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('result-count')).toBeVisible();
  for (const [kind, value] of Object.entries(NATURE)) {
    const n = projects.filter((p) => p.kind === kind).length;
    const option = page.locator(`[data-testid=facet-option][data-facet=nature][data-value=${value}]`);
    await expect(option, value).toHaveAttribute('data-count', String(n));
  }
  await page.goto('/?nature=plateforme');
  const platforms = projects.filter((p) => p.kind === 'platform').length;
  expect(await countOf(page)).toBe(platforms);
  await expect(page.getByTestId('project-nature').first()).toHaveAttribute('data-nature', 'plateforme');
  await page.goto('/?nature=-rd&lang=en');
  expect(await countOf(page)).toBe(projects.filter((p) => p.kind !== 'rd').length);
  await expect(page.locator('[data-testid=facet-option][data-facet=nature][data-value=plateforme]')).toHaveAccessibleName(/^Innovation platform/);
  // An unknown value is ignored, and said.
  await page.goto('/?nature=fusee');
  await expect(page.getByTestId('url-notice')).toContainText('nature=fusee');
});

test('the about page counts each kind', async ({ page }) => {
  await page.goto('/a-propos.html');
  for (const [kind, value] of Object.entries(NATURE)) {
    const n = projects.filter((p) => p.kind === kind).length;
    await expect(page.locator(`[data-testid=nature-table] tr[data-nature=${value}] td`).first()).toHaveText(String(n));
  }
});

test.describe('axe', () => {
  test.use({ bypassCSP: true });
  for (const file of ['comprendre.html', 'understand.html']) {
    test(`no axe violation on ${file}`, async ({ page }) => {
      await page.goto(`/${file}`);
      expect(await violations(page)).toEqual([]);
    });
  }
});
