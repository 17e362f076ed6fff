// Issue 13: the data edition of 29 November (485 projects, the pôle's role), the `lien_pole`
// facet, and one damaged data file never hiding another.
import { test, expect } from '@playwright/test';
import { projects, poles, rawProjects } from './data.mjs';
import { search, facetCount, toUrl } from './reference-engine.mjs';
import { allRowIds, expectList } from './pages.mjs';

const option = (page, facet, value) => page.locator(`[data-testid=facet-option][data-facet="${facet}"][data-value="${value}"]`);
const expectCount = async (page, n) => expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${n}\\s`));
const ROLES = ['labellisateur', 'porteur', 'partenaire', 'soutien', 'inconnu'];
const roleOf = (p) => p.pole_role ?? 'inconnu';

async function expectRows(page, state) {
  const want = search(state);
  await expectCount(page, want.length);
  expect(new Set(await allRowIds(page, 'project-row'))).toEqual(new Set(want.map((x) => x.id)));
}

test('the bundled edition: at least 470 projects, the 57 pôles of phase 2023-2026, sources everywhere', async ({ page }) => {
  expect(projects.length).toBeGreaterThanOrEqual(470);
  expect(projects.every((p) => p.sources.length > 0)).toBe(true);
  await page.goto('/');
  await expectCount(page, projects.length);
  await page.goto('/?onglet=poles&phase=2023-2026');
  await expectCount(page, 57);
  expect(poles.filter((p) => p.phases.includes('2023-2026')).length).toBe(57);
  const labelled = await allRowIds(page, 'pole-row');
  expect(labelled).toContain('tes');
  expect(labelled).toContain('aquanova');
});

test('lien_pole: counts equal an independent count, include, exclude, chips and the URL round trip', async ({ page }) => {
  await page.goto('/');
  for (const r of ROLES) {
    const n = projects.filter((p) => roleOf(p) === r).length;
    expect(n).toBe(facetCount({}, 'lien_pole', r));
    await expect(option(page, 'lien_pole', r)).toHaveAttribute('data-count', String(n));
  }
  await option(page, 'lien_pole', 'partenaire').click();
  await expect(page).toHaveURL(/[?&]lien_pole=partenaire(&|$)/);
  await expectRows(page, { sel: { lien_pole: { include: ['partenaire'] } } });
  const chip = page.getByTestId('filter-chip').filter({ hasText: 'Pôle partenaire' });
  await expect(chip).toBeVisible();
  // Counts of the other facets follow.
  await expect(option(page, 'financeur', 'FUI')).toHaveAttribute('data-count', String(facetCount({ sel: { lien_pole: { include: ['partenaire'] } } }, 'financeur', 'FUI')));
  // Exclusion.
  await page.locator('[data-testid=facet-exclude][data-facet=lien_pole][data-value=labellisateur]').click();
  await expect(page).toHaveURL(/lien_pole=partenaire,-labellisateur/);
  await chip.click();
  await expect(page).toHaveURL(/[?&]lien_pole=-labellisateur(&|$)/);
  const state = { sel: { lien_pole: { exclude: ['labellisateur'] } } };
  await expectRows(page, state);
  // A shared URL gives the same view; an unknown role is reported, not guessed.
  await page.goto(toUrl({ sel: { lien_pole: { include: ['soutien', 'inconnu'] }, region: { include: ['27'] } } }));
  await expectRows(page, { sel: { lien_pole: { include: ['soutien', 'inconnu'] }, region: { include: ['27'] } } });
  await page.goto('/?lien_pole=sponsor');
  await expect(page.getByTestId('url-notice')).toContainText('sponsor');
  await expectCount(page, projects.length);
  // The pôles tab has no role facet.
  await page.goto('/?onglet=poles');
  await expect(page.locator('[data-testid=facet-option][data-facet=pole]')).toHaveCount(0);
  await expect(page.locator('[data-testid=facet-option][data-facet=lien_pole]')).toHaveCount(0);
});

test('the role is on every project page and in the rows; a partner never reads as a labeller', async ({ page }) => {
  // Every role, and projects without a pôle: a sample of each kind.
  const sample = ROLES.flatMap((r) => projects.filter((p) => roleOf(p) === r).slice(0, 3));
  sample.push(...projects.filter((p) => p.poles.length === 0).slice(0, 2));
  const wording = { labellisateur: /^Labellisé par : $/, porteur: /^Porté par : $/, partenaire: /^Pôles? partenaires? : $/, soutien: /^Soutenu par : $/, inconnu: /^Pôles? cités? \(rôle non précisé\) : $/ };
  for (const p of sample) {
    await page.goto(`/projets/${p.id}`);
    const role = page.getByTestId('project-page').getByTestId('pole-role');
    await expect(role).toHaveAttribute('data-role', roleOf(p));
    if (p.poles.length === 0) await expect(role).toContainText('aucun pôle cité');
    else await expect(role).toHaveText(wording[roleOf(p)]);
    if (roleOf(p) !== 'labellisateur') await expect(page.getByTestId('project-page')).not.toContainText('Labellisé par');
  }
  // In the rows.
  const partner = projects.find((p) => roleOf(p) === 'partenaire' && p.poles.length === 1);
  await page.goto(`/?q=${encodeURIComponent(partner.acronym)}`);
  const row = page.locator(`[data-testid=project-row][data-id="${partner.id}"]`);
  await expect(row.getByTestId('pole-role')).toHaveText(/^Pôle partenaire : $/);
  // On the pôle's page, every project says the role.
  const pole = partner.poles[0];
  await page.goto(`/poles/${pole}`);
  const items = page.getByTestId('pole-project');
  await expect(items).toHaveCount(projects.filter((p) => p.poles.includes(pole)).length);
  await expect(page.locator(`[data-testid=pole-project][data-id="${partner.id}"] [data-testid=pole-project-role]`)).toHaveText('Pôle partenaire');
});

test('the about page explains the roles and counts them', async ({ page }) => {
  await page.goto('/a-propos');
  const table = page.getByTestId('role-table');
  for (const r of ROLES) {
    await expect(table.locator(`tr[data-role=${r}] td`).first()).toHaveText(String(projects.filter((p) => roleOf(p) === r).length));
  }
  await expect(page.getByTestId('role-definitions').locator('li')).toHaveCount(5);
});

const truncated = () => JSON.stringify(rawProjects()).slice(0, 5000);
const tooDeep = () => `{"schema_version": 2, "projects": [${'['.repeat(300)}${']'.repeat(300)}]}`;
const DAMAGES = [
  ['truncated', () => ({ status: 200, contentType: 'application/json', body: truncated() })],
  ['empty', () => ({ status: 200, contentType: 'application/json', body: '' })],
  ['an HTML page', () => ({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html><body>Erreur</body></html>' })],
  ['too deep', () => ({ status: 200, contentType: 'application/json', body: tooDeep() })],
];

for (const [what, answer] of DAMAGES) {
  test(`projects.json ${what}: the pôles stay browsable and the projects area names the error`, async ({ page }) => {
    await page.route('**/data/projects.json', (route) => route.fulfill(answer()));
    await page.goto('/?onglet=poles');
    await expectCount(page, poles.length);
    await expectList(page, 'pole-row', poles.length);
    await page.getByTestId('tab-projets').click();
    const error = page.getByTestId('load-error');
    await expect(error).toContainText('projects.json');
    await expect(error).toHaveAttribute('role', 'alert');
    await expect(error.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    // The pôle pages and the map of pôles work.
    await page.goto('/poles/vitagora');
    await expect(page.getByTestId('pole-page')).toBeVisible();
    await expect(page.getByTestId('load-error')).toContainText('projects.json');
    await page.goto('/?onglet=poles&vue=carte');
    await expect(page.locator('[data-testid=map-region]')).toHaveCount(18);
  });

  test(`poles.json ${what}: the projects stay browsable, pôles shown as their ids`, async ({ page }) => {
    await page.route('**/data/poles.json', (route) => route.fulfill(answer()));
    await page.goto('/');
    await expectCount(page, projects.length);
    await expectList(page, 'project-row', projects.length);
    const p = projects.find((x) => x.poles.length > 0);
    await page.goto(`/?q=${encodeURIComponent(p.acronym)}`);
    await expect(page.locator(`[data-testid=project-row][data-id="${p.id}"]`)).toContainText(p.poles[0]);
    await expect(page.getByTestId('data-source-notice')).toContainText('poles.json');
    await page.getByTestId('tab-poles').click();
    await expect(page.getByTestId('load-error')).toContainText('poles.json');
    await page.goto(`/projets/${p.id}`);
    await expect(page.getByTestId('project-page')).toContainText(p.poles[0]);
  });
}

test('retry after a damaged projects.json brings the projects back', async ({ page }) => {
  let broken = true;
  await page.route('**/data/projects.json', (route) => (broken ? route.fulfill({ status: 200, contentType: 'application/json', body: '' }) : route.continue()));
  await page.goto('/');
  const error = page.getByTestId('load-error');
  await expect(error).toContainText('projects.json');
  broken = false;
  await error.getByRole('button', { name: 'Réessayer' }).click();
  await expectCount(page, projects.length);
});

// Issue 28: the edition of 5 December, stamped by its import.
test('the edition of 5 December: its date, the editions listed, DOSEO supported, MICROPLASTIC labelled', async ({ page }) => {
  expect(projects.length).toBe(486);
  await page.goto('/');
  await expectCount(page, 486);
  await expect(page.getByTestId('data-date')).toContainText('Données au 05/12/2026 (édition 2026-12-05.1)');
  await page.goto('/a-propos.html');
  const editions = page.getByTestId('edition');
  await expect(editions).toHaveCount(3);
  await expect(editions.nth(0)).toHaveAttribute('data-version', '2026-12-05.1');
  await expect(editions.nth(0)).toContainText('05/12/2026');
  await expect(editions.nth(0)).toContainText('projets : 1 ajouté (DOSEO), 1 modifié (Microplastic 2) ; pôles : inchangés ; documentation mise à jour : poles.md');
  await expect(editions.nth(1)).toHaveAttribute('data-version', '2026-11-29.1');
  await expect(editions.nth(1)).toContainText('162 ajoutés, 323 modifiés');
  await expect(editions.nth(2)).toHaveAttribute('data-version', '2026-11-26.1');
  await expect(editions.nth(2)).toContainText('projets : 323 ajoutés ; pôles : 83 ajoutés');
  await page.goto('/about.html');
  await expect(page.getByTestId('edition').first()).toContainText('5 December 2026');
  await expect(page.getByTestId('edition').first()).toContainText('projects: 1 added (DOSEO)');
  for (const [id, role, words] of [['doseo-plateforme-radiotherapie', 'soutien', 'Soutenu par : '], ['microplastic-2', 'labellisateur', 'Labellisé par : ']]) {
    await page.goto(`/projets/${id}`);
    const fact = page.getByTestId('project-page').getByTestId('pole-role');
    await expect(fact).toHaveAttribute('data-role', role);
    await expect(fact).toHaveText(words);
  }
});
