// Open data (issue 8): exports of exactly the rows shown, with their provenance, aggregates,
// offline; the "À propos des données" page with coverage figures; former names say why.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { projects, referentiels } from './data.mjs';

/// RFC 4180 with a chosen separator (quotes, doubled quotes, line breaks in cells).
function parseCsv(text, sep) {
  const rows = []; let row = []; let cell = ''; let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

async function exportFile(page, testid) {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

// The rows shown, once the whole list is drawn (it grows a chunk per task after the first paint).
async function shownIds(page, kind = 'project') {
  const n = Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
  await expect(page.locator(`[data-testid=${kind}-row]`)).toHaveCount(n);
  return page.locator(`[data-testid=${kind}-row]`).evaluateAll((rows) => rows.map((r) => r.dataset.id));
}

test('the CSV export holds exactly the rows shown, with the view, data version and date', async ({ page }) => {
  await page.goto('/?region=27&financeur=FUI');
  await expect(page.getByTestId('project-row').first()).toBeVisible();
  const ids = await shownIds(page);
  const { name, text } = await exportFile(page, 'export-csv');
  expect(name).toMatch(/^poles-explorer-projets-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines[1]).toMatch(/^# vue : http:\/\/.*[?&]region=27.*financeur=FUI/);
  expect(lines[2]).toMatch(/^# données : édition \S+/);
  expect(lines[3]).toMatch(/^# export du \d{4}-\d{2}-\d{2}$/);
  // The editions and what each changed (issue 28), the current one first.
  expect(referentiels.editions.length).toBeGreaterThanOrEqual(3);
  expect(lines.slice(4, 4 + referentiels.editions.length)).toEqual(referentiels.editions.map((e) => `# édition ${e}`));
  expect(lines[4]).toBe('# édition 2026-12-05.1 : projets : 1 ajouté, 1 modifié ; pôles : inchangés ; documentation mise à jour : poles.md');
  const rows = parseCsv(text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n'), ',');
  expect(rows[0].slice(0, 3)).toEqual(['id', 'acronyme', 'intitule']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  // The Excel variant: same rows, semicolons.
  const excel = await exportFile(page, 'export-csv-excel');
  const erows = parseCsv(excel.text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n'), ';');
  expect(erows.slice(1).map((r) => r[0])).toEqual(ids);
});

test('the JSON export and the aggregates describe the same selection', async ({ page }) => {
  await page.goto('/?region=27&theme=agroalimentaire');
  await expect(page.getByTestId('project-row').first()).toBeVisible();
  const ids = await shownIds(page);
  const json = JSON.parse((await exportFile(page, 'export-json')).text);
  expect(json.export.url).toContain('theme=agroalimentaire');
  expect(json.export.data_version).toBeTruthy();
  expect(json.projects.map((p) => p.id)).toEqual(ids);
  const shown = projects.filter((p) => ids.includes(p.id));
  expect(json.projects[0].sources).toEqual(shown.find((p) => p.id === ids[0]).sources);
  // By funder: one row per funder with its number of funding lines among the shown projects.
  const agg = parseCsv((await exportFile(page, 'export-funder')).text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n'), ';');
  expect(agg[0]).toEqual(['code', 'nom', 'projets', 'montants_publies_eur', 'lignes_sans_montant_publie']);
  const lines = {};
  for (const p of shown) for (const f of p.funding) lines[f.funder] = (lines[f.funder] ?? 0) + 1;
  expect(Object.fromEntries(agg.slice(1).map((r) => [r[0], Number(r[2])]))).toEqual(lines);
  // By region: the chosen region counts every shown project.
  const byRegion = parseCsv((await exportFile(page, 'export-region')).text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n'), ';');
  expect(byRegion.find((r) => r[0] === '27')[2]).toBe(String(ids.length));
});

test('exports work offline', async ({ page, context }) => {
  await page.goto('/?onglet=poles&region=27');
  await expect(page.getByTestId('pole-row').first()).toBeVisible();
  const ids = await shownIds(page, 'pole');
  await context.setOffline(true);
  const rows = parseCsv((await exportFile(page, 'export-csv')).text.slice(1).split('\r\n').filter((l) => !l.startsWith('#')).join('\r\n'), ',');
  expect(rows[0][1]).toBe('nom');
  expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
  await context.setOffline(false);
});

test('a former name finds the current pôle and says why', async ({ page }) => {
  await page.goto('/?onglet=poles&q=plastipolis');
  const row = page.locator('[data-testid=pole-row][data-id=polymeris]');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('match-reason')).toHaveText(' — anciennement « Plastipolis »');
  await expect(page.locator('[data-testid=pole-row][data-id=plastipolis] [data-testid=match-reason]')).toHaveCount(0);
});

test('"À propos des données": edition, licences, coverage, how to report an error', async ({ page }) => {
  await page.goto('/?region=27');
  await expect(page.getByTestId('coverage')).toContainText('Complétude : montant publié pour');
  await page.getByTestId('about-link').click();
  const about = page.getByTestId('about-page');
  await expect(about.locator('h1')).toHaveText('À propos des données');
  await expect(about).toContainText('Licence Ouverte');
  const withAmount = projects.filter((p) => p.funding.some((f) => f.amount_eur !== null)).length;
  const row = about.getByTestId('coverage-table').locator('tbody tr').first();
  await expect(row.locator('td').first()).toHaveText(String(withAmount));
  await expect(row.locator('td').nth(1)).toHaveText(new RegExp(`^${Math.floor((withAmount * 100) / projects.length)}\\s%$`));
  const fuiLines = projects.flatMap((p) => p.funding).filter((f) => f.funder === 'FUI').length;
  await expect(about.getByTestId('funder-coverage').locator('tr[data-funder=FUI] td').first()).toHaveText(String(fuiLines));
  await expect(about.getByRole('heading', { name: 'Signaler une erreur' })).toBeVisible();
  const template = await page.request.get(await about.locator('a[download]').getAttribute('href'));
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain('id;acronyme;intitule');
  await page.goto('/a-propos?lang=en');
  await expect(page.getByTestId('about-page').locator('h1')).toHaveText('About the data');
});
