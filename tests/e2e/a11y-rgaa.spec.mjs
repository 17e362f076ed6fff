// Issue 16: accessibility beyond automated checks (RGAA AA) — skip link, titles, focus never
// lost, lang of the data, focus rings of the SVG, exclusion in the name, export panel, builder errors.
import { test, expect } from '@playwright/test';
import { projects, poles } from './data.mjs';
import { search } from './reference-engine.mjs';

const port = Number(process.env.E2E_PORT ?? 8099);
const app = `http://127.0.0.1:${port}/`;
const countOf = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
const active = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName ?? null, id: a?.id ?? '', testid: a?.dataset?.testid ?? '', value: a?.dataset?.value ?? a?.dataset?.code ?? '' };
});
const nf = (n) => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f/g, '\u00a0');

// WCAG relative luminance and contrast of two CSS colours ("rgb(…)" or "#rrggbb").
function rgb(c) {
  if (c.startsWith('#')) return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  return c.match(/[\d.]+/g).slice(0, 3).map(Number);
}
function luminance(c) {
  const [r, g, b] = rgb(c).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

test.describe('skip link', () => {
  for (const url of ['/?region=27&vue=carte&lang=en', '/?embed=1&region=27&verrou=region', `/projets/${projects[0].id}?lang=en`]) {
    test(`moves the focus to the main content without leaving ${url}`, async ({ page }) => {
      await page.goto(url);
      // The app, not the static first paint (#boot, which has its own heading while the data loads).
      await expect(page.locator('#boot')).toHaveCount(0);
      await expect(page.locator('main h1')).toBeVisible();
      const before = page.url();
      await page.keyboard.press('Tab');
      await expect(page.locator('.skip-link')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect.poll(() => active(page)).toMatchObject({ tag: 'MAIN', id: 'contenu' });
      expect(page.url()).toBe(before);
      expect(await page.locator('html').getAttribute('lang')).toBe(url.includes('lang=en') ? 'en' : 'fr');
    });
  }

  test('inside an iframe, the lock and the count stay', async ({ page }) => {
    await page.goto(`/host/?app=${encodeURIComponent(`${app}?region=27&verrou=region`)}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('result-count')).toBeVisible();
    const n = await frame.getByTestId('result-count').textContent();
    await frame.locator('.skip-link').focus();
    await page.keyboard.press('Enter');
    await expect(frame.locator('main#contenu')).toBeFocused();
    await expect(frame.getByTestId('result-count')).toHaveText(n);
    expect(await frame.locator('body').evaluate(() => location.search)).toContain('verrou=region');
  });
});

test.describe('titles', () => {
  test('each route and state has its own title, in both languages', async ({ page }) => {
    const all = search({}).length;
    await page.goto('/');
    await expect(page).toHaveTitle(`${nf(all)} projets — Liste — Pôles Explorer`);
    const n27 = search({ sel: { region: { include: ['27'] } } }).length;
    await page.goto('/?region=27&vue=carte');
    await expect(page).toHaveTitle(`${nf(n27)} projets — Carte — Pôles Explorer`);
    await page.goto('/?onglet=poles&vue=stats');
    await expect(page).toHaveTitle(`${poles.length} pôles — Statistiques — Pôles Explorer`);
    await page.goto('/poles/vitagora');
    await expect(page).toHaveTitle('Vitagora — pôle — Pôles Explorer');
    await page.goto(`/projets/${projects[0].id}`);
    await expect(page).toHaveTitle(`${projects[0].acronym} — projet — Pôles Explorer`);
    await page.goto('/page-inconnue');
    await expect(page).toHaveTitle('Page introuvable — Pôles Explorer');
    await page.goto('/poles/inconnu');
    await expect(page).toHaveTitle('Page introuvable — Pôles Explorer');
    await page.goto('/integrer');
    await expect(page).toHaveTitle("Intégrer l'explorateur dans un site — Pôles Explorer");
    await page.goto('/?vue=carte&lang=en');
    await expect(page).toHaveTitle(`${new Intl.NumberFormat('en-GB').format(all)} projects — Map — Pôles Explorer`);
    await page.goto('/poles/vitagora?lang=en');
    await expect(page).toHaveTitle('Vitagora — cluster — Pôles Explorer');
    await page.goto('/page-inconnue?lang=en');
    await expect(page).toHaveTitle('Page not found — Pôles Explorer');
  });

  test('the title follows the visitor: filters, a record, back to the list', async ({ page }) => {
    await page.goto('/');
    await page.locator('[data-testid=facet-option][data-facet=region][data-value="27"]').click();
    const n27 = search({ sel: { region: { include: ['27'] } } }).length;
    await expect(page).toHaveTitle(`${nf(n27)} projets — Liste — Pôles Explorer`);
    const row = page.getByTestId('project-row').first();
    const acronym = (await row.locator('th a').textContent()).trim();
    await row.locator('th a').click();
    await expect(page).toHaveTitle(`${acronym} — projet — Pôles Explorer`);
    await page.getByTestId('back-to-list').click();
    await expect(page).toHaveTitle(`${nf(n27)} projets — Liste — Pôles Explorer`);
  });
});

test.describe('focus never lost', () => {
  test('clearing the filters and removing the last chip: the search box', async ({ page }) => {
    await page.goto('/?region=27&theme=agroalimentaire');
    await page.getByTestId('clear-filters').click();
    await expect.poll(() => active(page)).toMatchObject({ testid: 'search-input' });
    await page.goto('/?region=27');
    await page.getByTestId('filter-chip').first().click();
    await expect.poll(() => active(page)).toMatchObject({ testid: 'search-input' });
  });

  test('Enter on a chart bar keeps the focus on that bar, arrows move between bars', async ({ page }) => {
    await page.goto('/?vue=stats');
    const chart = page.locator('[data-testid=chart][data-chart=themes] svg.bars');
    await chart.focus();
    const first = await active(page);
    expect(first.testid).toBe('chart-bar');
    await page.keyboard.press('ArrowDown');
    const second = await active(page);
    expect(second.testid).toBe('chart-bar');
    expect(second.value).not.toBe(first.value);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`theme=${second.value}`));
    await page.waitForTimeout(300);
    expect(await active(page)).toMatchObject({ testid: 'chart-bar', value: second.value });
    // One tab stop per chart: Tab leaves the chart.
    await page.keyboard.press('Tab');
    expect((await active(page)).value).not.toBe(second.value);
  });

  test('map: Enter on a region, then "France entière", then the table\'s Filtrer', async ({ page }) => {
    await page.goto('/?vue=carte');
    const region = page.locator('[data-testid=map-region][data-code="27"]');
    await region.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => active(page)).toMatchObject({ id: 'map-zoom' });
    await expect(page.getByTestId('map')).toHaveAttribute('aria-label', /Bourgogne-Franche-Comté/);
    await page.getByTestId('map-back').click();
    await expect.poll(() => active(page)).toMatchObject({ testid: 'map-region', value: '27' });
    await expect(page.getByTestId('map')).toHaveAttribute('aria-label', 'Carte des régions, colorée selon les résultats');
    const filter = page.locator('table.figures tbody tr', { hasText: 'Bretagne' }).getByRole('button');
    await filter.click();
    await expect.poll(() => active(page)).toMatchObject({ id: 'map-zoom' });
  });

  test('"Réessayer" after a failed load keeps the focus in the page', async ({ page }) => {
    let fail = true;
    await page.route('**/data/projects.json', (r) => (fail ? r.fulfill({ status: 500, body: 'x' }) : r.continue()));
    await page.goto('/');
    const retry = page.getByTestId('load-error').getByRole('button', { name: 'Réessayer' });
    await expect(retry).toBeVisible();
    fail = false;
    await retry.click();
    await expect(page.getByTestId('result-count')).toBeVisible();
    expect((await active(page)).tag).not.toBe('BODY');
  });
});

test('French data text carries lang="fr" in English, and only there', async ({ page }) => {
  const p = projects.find((x) => x.summary && x.title);
  await page.goto(`/projets/${p.id}?lang=en`);
  await expect(page.locator('.subtitle')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.lead')).toHaveAttribute('lang', 'fr');
  await page.goto('/?lang=en');
  await expect(page.locator('[data-testid=project-row] [lang=fr]').first()).toBeVisible();
  await page.goto('/poles/vitagora?lang=en');
  await expect(page.locator('.lead')).toHaveAttribute('lang', 'fr');
  await page.goto(`/projets/${p.id}`);
  await expect(page.locator('.subtitle')).not.toHaveAttribute('lang', /./);
});

test('SVG focus rings: at least 3:1 against the fill, on every map class and chart bar', async ({ page }) => {
  await page.goto('/?vue=carte');
  const areas = page.getByTestId('map-region');
  await expect(areas.first()).toBeVisible();
  // Keyboard focus (focus-visible) on each region in turn.
  await areas.first().focus();
  const seen = new Set();
  for (let i = 0; i < (await areas.count()); i++) {
    const { stroke, fill } = await areas.nth(i).evaluate((el) => {
      el.focus();
      const s = getComputedStyle(el);
      return { stroke: s.stroke, fill: el.getAttribute('fill') };
    });
    seen.add(fill);
    expect(contrast(stroke, fill), `${fill} / ${stroke}`).toBeGreaterThanOrEqual(3);
  }
  expect(seen.size).toBeGreaterThanOrEqual(4);
  await page.goto('/?vue=stats');
  const chart = page.locator('[data-testid=chart][data-chart=financeurs] svg.bars');
  await chart.focus();
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { stroke: s.stroke, outline: s.outlineColor, width: s.outlineWidth };
  });
  // The dark frame against the page, the light ring against the bars' fills.
  expect(contrast(ring.stroke, '#ffffff')).toBeGreaterThanOrEqual(3);
  for (const fill of ['#2c6fb0', '#a3c9e6']) expect(Math.max(contrast(ring.outline, fill), contrast(ring.stroke, fill))).toBeGreaterThanOrEqual(3);
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);
});

test('an excluded value says so in its name; the ⊘ button keeps its name and presses', async ({ page }) => {
  await page.goto('/?region=-53');
  const option = page.locator('[data-testid=facet-option][data-facet=region][data-value="53"]');
  // (Chromium puts a space between the button's flex items: "Bretagne , 45 projets , exclu".)
  await expect(option).toHaveAccessibleName(/^Bretagne\s*,\s*\d+ projets?\s*,\s*exclu$/);
  const exclude = page.locator('[data-testid=facet-exclude][data-facet=region][data-value="53"]');
  await expect(exclude).toHaveAccessibleName('Exclure Bretagne');
  await expect(exclude).toHaveAttribute('aria-pressed', 'true');
  await exclude.click();
  await expect(exclude).toHaveAccessibleName('Exclure Bretagne');
  await expect(exclude).toHaveAttribute('aria-pressed', 'false');
  const n = search({ sel: { region: { include: ['53'] } } }).length;
  await expect(option).toHaveAccessibleName(new RegExp(`^Bretagne\\s*,\\s*${n} projets?$`));
});

test('the export panel closes on Escape and when the focus leaves it, and covers nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/?region=27');
  const menu = page.getByTestId('export-menu');
  await menu.locator('summary').click();
  await expect(menu).toHaveAttribute('open', '');
  await page.getByTestId('export-csv').focus();
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(menu.locator('summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('open', '');
  // In the flow: the panel overlaps no other control of the page.
  const overlaps = await page.evaluate(() => {
    const p = document.querySelector('.export-panel').getBoundingClientRect();
    return [...document.querySelectorAll('a, button, input, select, summary')].filter((e) => !e.closest('.export')).filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width && r.height && r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top;
    }).length;
  });
  expect(overlaps).toBe(0);
  await page.getByTestId('search-input').focus();
  await expect(menu).not.toHaveAttribute('open', '');
});

test('the builder: errors tied to their fields, the preview never without a title', async ({ page }) => {
  await page.goto('/integrer?region=27');
  const title = page.getByTestId('embed-title');
  await title.fill('');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  const described = await title.getAttribute('aria-describedby');
  await expect(page.locator(`#${described}`)).toBeVisible();
  await expect(page.getByTestId('embed-preview')).toHaveAttribute('title', 'Projets en Bourgogne-Franche-Comté');
  await title.fill('Nos projets');
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByTestId('embed-preview')).toHaveAttribute('title', 'Nos projets');
  const colour = page.getByTestId('embed-colour');
  await colour.fill('zz');
  await expect(colour).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await colour.getAttribute('aria-describedby')}`)).toBeVisible();
});

test('the language switch is a real link to the same view in the other language', async ({ page }) => {
  await page.goto('/?region=27&vue=carte');
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', '/?region=27&vue=carte&lang=en');
  await page.getByTestId('view-liste').click();
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', '/?region=27&lang=en');
  await page.goto('/poles/vitagora?lang=en');
  await expect(page.getByTestId('lang-switch')).toHaveAttribute('href', '/poles/vitagora');
});

test('the déclaration: this review, the remaining non-conformities, the contact set in config.json', async ({ page }) => {
  await page.goto('/accessibilite.html');
  await expect(page.getByTestId('a11y-statement')).toContainText('30 novembre 2026');
  await expect(page.getByTestId('a11y-statement')).toContainText('Aucun audit complet');
  await expect(page.getByTestId('a11y-contact')).toHaveCount(0);
  let contact = 'accessibilite@example.org';
  await page.route('**/config.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ contact }) }));
  await page.goto('/accessibilite.html');
  await expect(page.getByTestId('a11y-contact')).toHaveAttribute('href', 'mailto:accessibilite@example.org');
  await expect(page.getByTestId('a11y-contact')).toBeVisible();
  contact = 'https://www.example.org/contact';
  await page.goto('/explorateur/accessibility.html');
  await expect(page.getByTestId('a11y-contact')).toHaveAttribute('href', contact);
  // Anything else is not linked.
  contact = 'javascript:alert(1)';
  await page.goto('/accessibilite.html');
  await expect(page.getByTestId('a11y-statement')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('a11y-contact')).toHaveCount(0);
});

test('map classes: a pattern per class, in the map and its legend', async ({ page }) => {
  await page.goto('/?vue=carte');
  const areas = page.getByTestId('map-region');
  await expect(areas.first()).toBeVisible();
  const fills = await areas.evaluateAll((els) => els.map((e) => [e.getAttribute('fill'), getComputedStyle(e).fill]));
  const patterned = fills.filter(([, f]) => f.startsWith('url('));
  expect(patterned.length).toBeGreaterThan(0);
  // One pattern per class colour.
  const byClass = new Map(patterned);
  expect(new Set(byClass.values()).size).toBe(byClass.size);
  const legend = await page.getByTestId('map-legend').locator('svg.swatch rect').evaluateAll((els) => els.map((e) => getComputedStyle(e).fill));
  expect(legend.filter((f) => f.startsWith('url(')).length).toBeGreaterThanOrEqual(byClass.size);
});
