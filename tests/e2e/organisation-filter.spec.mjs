// Issue 18: one organisation chosen (`organisation=<id>`): its projects in the explorer with every
// facet following, and its network (its co-partners linked to it). Checked against the independent
// reading of the bundled data (organisations-reference.mjs).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { projects } from './data.mjs';
import { organisations } from './organisations-reference.mjs';
import { allRowIds as rowIds } from './pages.mjs';

const ORGS = organisations();
const byId = (id) => ORGS.find((o) => o.id === id);
const option = (page, facet, value) => page.locator(`[data-testid=facet-option][data-facet="${facet}"][data-value="${value}"]`);

test('organisation=<id> keeps its projects; the facet counts and the chip follow', async ({ page }) => {
  const cnrs = byId('cnrs');
  const mine = projects.filter((p) => cnrs.projects.has(p.id));
  await page.goto('/?organisation=cnrs');
  await expect(page.getByTestId('result-count')).toHaveText(`${mine.length} projets`);
  expect(new Set(await rowIds(page, 'project-row'))).toEqual(new Set(mine.map((p) => p.id)));
  // A region's count is that of its projects among the organisation's.
  const regions = new Map();
  for (const p of mine) for (const r of new Set(p.territory?.regions ?? [])) regions.set(r, (regions.get(r) ?? 0) + 1);
  for (const [code, n] of regions) await expect(option(page, 'region', code)).toHaveAttribute('data-count', String(n));
  // With a region: both filters.
  const [code] = [...regions.entries()].sort((a, b) => b[1] - a[1])[0];
  await option(page, 'region', code).click();
  await expect(page).toHaveURL(new RegExp(`region=${code}.*organisation=cnrs`));
  const both = mine.filter((p) => (p.territory?.regions ?? []).includes(code));
  await expect(page.getByTestId('result-count')).toHaveText(`${both.length} projet${both.length > 1 ? 's' : ''}`);
  // The chip names the organisation; removing it gives every project of the region back.
  const chip = page.getByTestId('filter-chip').filter({ hasText: 'Organisation' });
  // (Its name as organisations.json writes it: a label, not a count.)
  const file = JSON.parse(readFileSync('public/data/organisations.json', 'utf8'));
  await expect(chip).toHaveText(`Organisation : ${file.organisations.find((x) => x.id === 'cnrs').name} ×`);
  await chip.click();
  await expect(page).not.toHaveURL(/organisation=/);
  const inRegion = projects.filter((p) => (p.territory?.regions ?? []).includes(code));
  await expect(page.getByTestId('result-count')).toHaveText(`${inRegion.length} projets`);
});

test('the Organisations tab with organisation=<id>: it and its co-partners', async ({ page }) => {
  const o = byId('ifremer');
  const expected = ORGS.filter((x) => [...x.projects.keys()].some((p) => o.projects.has(p)));
  await page.goto('/?onglet=organisations&organisation=ifremer');
  await expect(page.getByTestId('result-count')).toHaveText(`${expected.length} organisations`);
  expect((await rowIds(page, 'organisation-row')).sort()).toEqual(expected.map((x) => x.id).sort());
});

test("one organisation's network: its co-partners linked to it by the projects they share", async ({ page }) => {
  const o = byId('cnrs');
  await page.goto('/organisations/cnrs');
  await page.getByTestId('organisation-network').click();
  await expect(page).toHaveURL(/vue=reseau/);
  await expect(page.locator('[data-testid=network-node][data-id=cnrs]')).toHaveAttribute('data-kind', 'organisation');
  const partners = page.locator('[data-testid=network-edge][data-a=cnrs][data-kind=organisation]');
  await expect(partners.first()).toBeVisible();
  const shown = await partners.evaluateAll((trs) => trs.map((tr) => [tr.dataset.b, Number(tr.dataset.count)]));
  const drawn = await page.locator('[data-testid=network-node][data-kind=organisation]').count();
  expect(shown.length).toBe(drawn - 1);
  for (const [id, n] of shown) {
    const other = byId(id);
    expect([...other.projects.keys()].filter((p) => o.projects.has(p)).length, id).toBe(n);
  }
  // Its pôles are there, each linked to it by its projects citing the pôle.
  const mine = projects.filter((p) => o.projects.has(p.id));
  const poleLinks = await page.locator('[data-testid=network-edge][data-b=cnrs]').evaluateAll((trs) => trs.map((tr) => [tr.dataset.a, Number(tr.dataset.count)]));
  expect(poleLinks.length).toBeGreaterThan(0);
  for (const [pole, n] of poleLinks) expect(mine.filter((p) => p.poles.includes(pole)).length, pole).toBe(n);
  // The explorer link of the page lists its projects.
  await page.goto('/organisations/cnrs');
  await page.getByTestId('organisation-explore').click();
  await expect(page.getByTestId('result-count')).toHaveText(`${mine.length} projets`);
});

test('an unknown or malformed organisation is named in the notice and ignored', async ({ page }) => {
  await page.goto('/?organisation=nulle-part');
  await expect(page.getByTestId('url-notice')).toContainText('organisation=nulle-part');
  await expect(page.getByTestId('result-count')).toHaveText(`${projects.length} projets`);
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
  await page.goto('/?organisation=%3Cb%3E');
  await expect(page.getByTestId('url-notice')).toContainText('valeur mal formée');
  await expect(page.getByTestId('result-count')).toHaveText(`${projects.length} projets`);
});
