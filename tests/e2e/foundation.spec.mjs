// Issue 2: the app loads the bundled data, lists every pôle and project, shows record pages with
// their sources, reports broken data honestly, and works under a sub-path and in an iframe.
import { test, expect } from '@playwright/test';
import { poles, projects, rawProjects } from './data.mjs';
import { allRowIds, expectList } from './pages.mjs';

const countIn = async (locator) => Number((await locator.textContent()).replace(/\D+/g, ''));

test('lists every bundled project and pôle @phone', async ({ page }) => {
  await page.goto('/');
  await expectList(page, 'project-row', projects.length);
  expect(await countIn(page.getByTestId('result-count'))).toBe(projects.length);
  expect(projects.length).toBeGreaterThanOrEqual(150);

  await page.getByTestId('tab-poles').click();
  await expect(page).toHaveURL(/onglet=poles/);
  await expectList(page, 'pole-row', poles.length);
  expect(await countIn(page.getByTestId('result-count'))).toBe(poles.length);
  const labelled = page.getByTestId('pole-row').filter({ hasText: 'Labellisé (2023-2026)' });
  expect(await labelled.count()).toBeGreaterThanOrEqual(30);

  // Each row carries its id; every pôle is on one of the pages.
  const ids = await allRowIds(page, 'pole-row');
  expect(ids.length).toBe(poles.length);
  expect(new Set(ids)).toEqual(new Set(poles.map((p) => p.id)));
});

test('the data date is shown', async ({ page }) => {
  await page.goto('/');
  // The edition's own date (issue 28: the import stamps it), the one of the data files.
  const [y, m, d] = rawProjects().compiled_at.split('-');
  expect(rawProjects().compiled_at).toBe('2026-12-05');
  await expect(page.getByTestId('data-date')).toContainText(`Données au ${d}/${m}/${y} (édition ${rawProjects().data_version})`);
});

test('a pôle page shows what is known, its projects and its sources @phone', async ({ page }) => {
  await page.goto('/?onglet=poles&q=vitagora');
  await page.getByTestId('pole-row').filter({ hasText: 'Vitagora' }).getByRole('link', { name: 'Vitagora' }).click();
  await expect(page).toHaveURL(/\/poles\/vitagora$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vitagora');
  await expect(page.getByText('Labellisé (2023-2026)')).toBeVisible();
  const vitagoraProjects = projects.filter((p) => p.poles.includes('vitagora'));
  await expect(page.getByTestId('pole-project')).toHaveCount(vitagoraProjects.length);
  const sources = page.getByTestId('sources').locator('a[href^="http"]');
  expect(await sources.count()).toBe(poles.find((p) => p.id === 'vitagora').sources.length);
  await expect(sources.first()).toHaveAttribute('rel', /noopener/);
});

test('a project page shows funding per funder, partners, pôles and sources', async ({ page }) => {
  await page.goto('/projets/damav');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DAMAV');
  await expect(page.getByTestId('funding-row')).toHaveCount(1);
  await expect(page.getByTestId('funding-row')).toContainText('FUI');
  await expect(page.getByTestId('funding-row')).toContainText('montant non publié');
  await expect(page.getByText('Centre interprofessionnel technique des vins de Bourgogne (CITVB) ; Novadem')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Vitagora', exact: true })).toHaveAttribute('href', '/poles/vitagora');
  const damav = projects.find((p) => p.id === 'damav');
  await expect(page.getByTestId('sources').locator('a[href^="http"]')).toHaveCount(damav.sources.length);
  // A published amount is formatted the French way.
  const withAmount = projects.find((p) => p.funding.some((f) => f.amount_eur === 3600000));
  await page.goto(`/projets/${withAmount.id}`);
  await expect(page.getByTestId('funding-table')).toContainText(/3\s600\s000\s€/);
});

test('every record page has at least one source link (sample of all records)', async ({ page }) => {
  test.setTimeout(120_000); // about 40 page loads
  const sample = [...poles.filter((_, i) => i % 7 === 0).map((p) => `/poles/${p.id}`),
    ...projects.filter((_, i) => i % 17 === 0).map((p) => `/projets/${p.id}`)];
  for (const path of sample) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.getByTestId('sources').locator('a[href^="http"]').count(), path).toBeGreaterThan(0);
  }
});

test('in-app navigation keeps a single page and back returns to the list', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('project-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('project-page')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.goBack();
  await expectList(page, 'project-row', projects.length);
});

test('an unknown route shows "page introuvable"', async ({ page }) => {
  await page.goto('/cette-page-nexiste-pas');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('link', { name: "Revenir à l'explorateur" })).toHaveAttribute('href', '/');
  await page.goto('/projets/projet-inconnu');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByText('projet-inconnu')).toBeVisible();
});

test.describe('broken data', () => {
  test('a truncated data file shows a clear message and retry works @phone', async ({ page }) => {
    let broken = true;
    await page.route('**/data/projects.json', async (route) => {
      if (broken) {
        await route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 1, "projects": [{"id": "x"' });
      } else {
        await route.continue();
      }
    });
    await page.goto('/');
    const error = page.getByTestId('load-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('role', 'alert');
    // Named in place of the projects: the rest of the explorer works (issue 13).
    await expect(error).toContainText('Les projets ne peuvent pas être affichés');
    await expect(error).toContainText('projects.json');
    await expect(error).toContainText('tronqué');
    broken = false;
    await error.getByRole('button', { name: 'Réessayer' }).click();
    await expectList(page, 'project-row', projects.length);
  });

  test('a missing data file is named', async ({ page }) => {
    await page.route('**/data/poles.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await page.goto('/?onglet=poles');
    await expect(page.getByTestId('load-error')).toContainText('poles.json');
    await expect(page.getByTestId('load-error')).toContainText('404');
  });

  test('an HTML page instead of JSON is recognised; referentiels.json stops everything', async ({ page }) => {
    await page.route('**/data/referentiels.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html></html>' }));
    await page.goto('/');
    await expect(page.getByTestId('load-error')).toContainText('HTML');
    await expect(page.getByTestId('load-error')).toContainText('Impossible de charger les données');
    await expect(page.getByTestId('tab-poles')).toHaveCount(0);
  });

  test('a wrong schema version is refused', async ({ page }) => {
    const doc = rawProjects();
    doc.schema_version = 99;
    await page.route('**/data/projects.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
    await page.goto('/');
    await expect(page.getByTestId('load-error')).toContainText('version');
  });

  test('invalid records are listed in the problems panel and the others are shown', async ({ page }) => {
    const doc = rawProjects();
    const [a, b, c] = doc.projects;
    a.acronym = 42;               // wrong type on a required field: record rejected
    b.funding.push({ funder: 'MECENE', amount_eur: 10, note: null }); // unknown funder: line dropped
    doc.projects.push({ ...c });  // duplicate id: second copy rejected
    await page.route('**/data/projects.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
    await page.goto('/');
    const panel = page.getByTestId('data-problems');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('Problèmes de données');
    await expect(panel.locator(`[data-testid=data-problem][data-record="${a.id}"][data-field="acronym"]`)).toContainText('projects.json');
    await expect(panel.locator(`[data-testid=data-problem][data-record="${b.id}"]`)).toContainText('MECENE');
    await expect(panel.locator(`[data-testid=data-problem][data-record="${c.id}"][data-field="id"]`)).toContainText('double');
    await expectList(page, 'project-row', projects.length - 1);
  });
});

test.describe('deployment', () => {
  test('works under a sub-path, with deep links', async ({ page }) => {
    await page.goto('/explorateur/');
    await expectList(page, 'project-row', projects.length);
    const link = page.getByTestId('project-row').first().getByRole('link').first();
    await expect(link).toHaveAttribute('href', /^\/explorateur\/projets\//);
    await link.click();
    await expect(page).toHaveURL(/\/explorateur\/projets\//);
    await expect(page.getByTestId('project-page')).toBeVisible();
    await page.goto('/explorateur/poles/vitagora');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vitagora');
    await page.goto('/explorateur/inconnu');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  });

  test('works inside an iframe', async ({ page }) => {
    await page.goto('/host/pole.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Vitagora');
    await frame.getByRole('link', { name: '← Tous les pôles' }).click();
    await expectList(frame, 'pole-row', poles.length);
  });
});
