// Issue 18: organisations and the collaboration network, checked against an independent reading
// of the bundled data (organisations-reference.mjs follows the README's rules, not the app's code).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { violations } from './axe.mjs';
import { projects } from './data.mjs';
import { organisations, poleEdges } from './organisations-reference.mjs';
import { allRowIds, allRows, expectList } from './pages.mjs';

test.use({ bypassCSP: true });

const ORGS = organisations();
const countOf = async (page) => Number((await page.getByTestId('result-count').textContent()).replace(/\D+/g, ''));
const inRegion = (code) => projects.filter((p) => (p.territory?.regions ?? []).includes(code));

test('the Organisations tab lists every organisation once, with its projects, and follows the filters', async ({ page }) => {
  await page.goto('/?onglet=organisations');
  await expect(page.getByTestId('result-count')).toHaveText(`${ORGS.length} organisations`);
  await expectList(page, 'organisation-row', ORGS.length);
  const shown = await allRows(page, 'organisation-row', (trs) => trs.map((tr) => [tr.dataset.id, Number(tr.querySelector('[data-testid=organisation-row-projects]').textContent)]));
  expect(shown.length).toBe(ORGS.length);
  expect(new Map(shown)).toEqual(new Map(ORGS.map((o) => [o.id, o.projects.size])));
  // Bourgogne-Franche-Comté: an organisation matches when one of its projects does.
  const bfc = new Set(inRegion('27').map((p) => p.id));
  const expected = ORGS.filter((o) => [...o.projects.keys()].some((id) => bfc.has(id)));
  await page.goto('/?onglet=organisations&region=27');
  await expect(page.getByTestId('result-count')).toHaveText(`${expected.length} organisations`);
  const ids = await allRowIds(page, 'organisation-row');
  expect(ids.sort()).toEqual(expected.map((o) => o.id).sort());
  // Text search over the names, and sort by number of projects.
  await page.goto('/?onglet=organisations&q=ifremer&tri=projets');
  await expect(page.getByTestId('result-count')).toHaveText('1 organisation');
  await expect(page.getByTestId('organisation-row')).toHaveAttribute('data-id', 'ifremer');
  await page.goto('/?onglet=organisations&tri=projets');
  await expect(page.getByTestId('result-count')).toBeVisible();
  const counts = await allRows(page, 'organisation-row', (trs) => trs.map((tr) => tr.querySelector('[data-testid=organisation-row-projects]').textContent));
  expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => b - a));
});

test('five organisation pages: projects and roles, pôles, co-partners, names, sources', async ({ page }) => {
  const picks = ['cnrs', 'ifremer', 'institut-francais-du-textile-et-de-l-habillement', 'ifp-energies-nouvelles'];
  picks.push(ORGS.find((o) => o.pole && o.projects.size > 2).id);
  for (const id of picks) {
    const o = ORGS.find((x) => x.id === id);
    expect(o, id).toBeTruthy();
    await page.goto(`/organisations/${id}`);
    const pageEl = page.getByTestId('organisation-page');
    await expect(pageEl).toHaveAttribute('data-id', id);
    await expect(page.getByTestId('organisation-count')).toHaveAttribute('data-count', String(o.projects.size));
    const rows = await page.getByTestId('organisation-project').evaluateAll((trs) => trs.map((tr) => [tr.dataset.id, tr.dataset.role]));
    expect(new Map(rows)).toEqual(o.projects);
    const names = await page.getByTestId('organisation-name').allTextContents();
    expect(names.sort()).toEqual([...o.names].sort());
    // Pôles: per pôle, its projects among the organisation's.
    const mine = projects.filter((p) => o.projects.has(p.id));
    const poleCounts = new Map();
    for (const p of mine) for (const id2 of new Set(p.poles)) poleCounts.set(id2, (poleCounts.get(id2) ?? 0) + 1);
    const poles = await page.getByTestId('organisation-pole').evaluateAll((lis) => lis.map((li) => [li.dataset.id, Number(li.dataset.count)]));
    expect(new Map(poles)).toEqual(poleCounts);
    // Co-partners: the other organisations of its projects, with the projects shared.
    const partners = new Map();
    for (const other of ORGS) {
      if (other.id === id) continue;
      const shared = [...other.projects.keys()].filter((p) => o.projects.has(p)).length;
      if (shared) partners.set(other.id, shared);
    }
    const shownPartners = await page.getByTestId('organisation-partner').evaluateAll((lis) => lis.map((li) => [li.dataset.id, Number(li.dataset.count)]));
    expect(new Map(shownPartners)).toEqual(partners);
    await expect(page.locator('.sources a.external').first()).toBeVisible();
    if (o.pole) await expect(pageEl.locator(`a[href$="/poles/${o.pole}"]`).first()).toBeVisible();
  }
});

test('a project page links its lead and partners to their organisations', async ({ page }) => {
  const p = projects.find((x) => x.id === 'damav') ?? projects.find((x) => x.lead && x.partners?.length > 2);
  await page.goto(`/projets/${p.id}`);
  const links = page.getByTestId('organisation-link');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const expected = ORGS.filter((o) => o.projects.has(p.id)).map((o) => `/organisations/${o.id}`);
  expect([...new Set(hrefs)].sort()).toEqual(expected.sort());
  await links.first().click();
  await expect(page.getByTestId('organisation-page')).toBeVisible();
  await expect(page.getByTestId('organisation-project').filter({ has: page.locator(`a[href$="/projets/${p.id}"]`) })).toHaveCount(1);
});

for (const [query, list] of [['', projects], ['&region=27', inRegion('27')]]) {
  test(`the network's edges are the pairs of pôles sharing a project (vue=reseau${query})`, async ({ page }) => {
    await page.goto(`/?vue=reseau${query}`);
    await expect(page.getByTestId('network')).toBeVisible();
    const expected = poleEdges(list);
    const rows = await page.getByTestId('network-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [[tr.dataset.a, tr.dataset.b].sort().join('|'), Number(tr.dataset.count)]));
    expect(new Map(rows)).toEqual(expected);
    expect(rows.length).toBe(expected.size);
    // Every pôle of an edge is a node, focusable, named with its projects.
    const ends = new Set([...expected.keys()].flatMap((k) => k.split('|')));
    const nodes = await page.getByTestId('network-node').evaluateAll((gs) => gs.map((g) => [g.dataset.id, g.dataset.kind, g.getAttribute('tabindex')]));
    expect(new Set(nodes.map((n) => n[0]))).toEqual(ends);
    expect(nodes.every((n) => n[1] === 'pole' && n[2] === '0')).toBe(true);
    // No two labels overlap.
    const boxes = await page.getByTestId('network-node').locator('text').evaluateAll((ts) => ts.map((t) => { const b = t.getBoundingClientRect(); return [b.top, b.bottom]; }));
    boxes.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 0.5);
    await expect(page.getByTestId('network-summary')).toContainText(`${expected.size} lien`);
  });
}

test('keyboard: a pôle node filters on it and shows its organisations; an organisation node opens its page', async ({ page }) => {
  await page.goto('/?vue=reseau');
  const node = page.locator('[data-testid=network-node][data-id=techtera]');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/pole=techtera/);
  await expect(page.locator('[data-testid=network-node][data-kind=organisation]').first()).toBeVisible();
  await expect(page.locator('[data-testid=network-node][data-id=techtera]')).toBeFocused();
  await expect(page.locator('[data-testid=network-node][data-id=techtera]')).toHaveCount(1);
  // Techtera's organisations, linked by the projects they share with it.
  const mine = projects.filter((p) => p.poles.includes('techtera'));
  const org = page.locator('[data-testid=network-node][data-kind=organisation]').first();
  const id = await org.getAttribute('data-id');
  const o = ORGS.find((x) => x.id === id);
  const edge = page.locator(`[data-testid=network-edge][data-a=techtera][data-b="${id}"]`);
  await expect(edge).toHaveAttribute('data-count', String(mine.filter((p) => o.projects.has(p.id)).length));
  await org.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('organisation-page')).toHaveAttribute('data-id', id);
});

for (const url of ['/?onglet=organisations', '/organisations/cnrs', '/?vue=reseau', '/?vue=reseau&pole=techtera', '/?vue=reseau&organisation=cnrs', '/?onglet=organisations&lang=en', '/organisations/cnrs?lang=en', '/?vue=reseau&lang=en']) {
  test(`no axe violation on ${url}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.getByTestId('organisation-page').or(page.getByTestId('result-count')).or(page.getByTestId('network')).first()).toBeVisible();
    expect(await violations(page), url).toEqual([]);
  });
}

test('in English, and in the embed', async ({ page }) => {
  await page.goto('/?onglet=organisations&lang=en');
  await expect(page.getByTestId('result-count')).toHaveText(`${ORGS.length} organisations`);
  await expect(page.getByTestId('tab-organisations')).toContainText('Organisations');
  await page.goto('/?embed=1&verrou=region&region=27&vue=reseau');
  await expect(page.getByTestId('network-table').locator('tbody tr')).toHaveCount(poleEdges(inRegion('27')).size);
});

test('exports of the Organisations tab hold its rows', async ({ page }) => {
  await page.goto('/?onglet=organisations&region=27');
  await expect(page.getByTestId('result-count')).toBeVisible();
  const n = await countOf(page);
  await page.getByText('Exporter').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('\ufeff#'));
  expect(lines[0].replace('\ufeff', '')).toMatch(/^id,nom,nature/);
  expect(lines.length - 1).toBe(n);
});
