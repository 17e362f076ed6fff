// Issue 12: fine-grained rendering. A MutationObserver records what one facet click changes in
// the page: options whose count and state did not change must not be touched, changed options
// get a few mutations at most, and result rows are only added or removed when they enter or
// leave the list (rows that stay keep their node; only their aria-rowindex may follow the position).
import { test, expect } from '@playwright/test';
import { projects } from './data.mjs';
import { search, facetCount } from './reference-engine.mjs';

const optionsState = (page) =>
  page.locator('[data-testid=facet-option]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [`${e.dataset.facet}:${e.dataset.value}`, `${e.dataset.count}/${e.dataset.state}/${e.disabled}`])));

async function settled(page, n) {
  await expect(page.getByTestId('project-row')).toHaveCount(n);
  // Two frames more: anything scheduled after the last paint has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
}

async function observe(page) {
  await page.evaluate(() => {
    window.__mutations = [];
    window.__observer = new MutationObserver((list) => {
      for (const m of list) {
        const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
        const option = el?.closest('li.facet-option');
        const row = el?.closest('tr[data-testid=project-row]');
        window.__mutations.push({
          type: m.type,
          attr: m.attributeName,
          option: option ? `${option.querySelector('[data-testid=facet-option]').dataset.facet}:${option.querySelector('[data-testid=facet-option]').dataset.value}` : null,
          row: row ? row.dataset.id : null,
          inBody: !!el?.closest('tbody') && !row,
          added: [...m.addedNodes].map((n) => n.dataset?.id ?? n.nodeName),
          removed: [...m.removedNodes].map((n) => n.dataset?.id ?? n.nodeName),
        });
      }
    });
    window.__observer.observe(document.querySelector('main'), { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

test('one facet click touches only the options and rows whose data changed', async ({ page }) => {
  await page.goto('/');
  await settled(page, projects.length);
  const before = await optionsState(page);
  const rowsBefore = new Set(projects.map((p) => p.id));
  await observe(page);

  const state = { sel: { region: { include: ['27'] } } };
  await page.locator('[data-testid=facet-option][data-facet=region][data-value="27"]').click();
  const want = search(state);
  await settled(page, want.length);
  const after = await optionsState(page);
  const mutations = await page.evaluate(() => window.__mutations);

  // Options: none touched unless its count, state or availability changed; a changed one a few times.
  const perOption = {};
  for (const m of mutations.filter((m) => m.option)) perOption[m.option] = (perOption[m.option] ?? 0) + 1;
  const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
  expect(changed.length).toBeGreaterThan(0);
  expect(changed).toContain('region:27');
  for (const [key, n] of Object.entries(perOption)) {
    expect(changed, `option ${key} was rewritten (${n} mutations) though its data did not change`).toContain(key);
    expect(n, `option ${key}`).toBeLessThanOrEqual(6);
  }
  // Facet counts are the independent implementation's.
  expect(after['theme:agroalimentaire'].split('/')[0]).toBe(String(facetCount(state, 'theme', 'agroalimentaire')));

  // Rows: those that stay are not re-created; only leaving rows are removed, entering ones added.
  const kept = new Set(want.map((p) => p.id));
  const removed = mutations.flatMap((m) => m.removed).filter((x) => typeof x === 'string' && x !== '#text' && x !== '#comment' && x !== 'TR');
  const added = mutations.flatMap((m) => m.added).filter((x) => typeof x === 'string' && x !== '#text' && x !== '#comment' && x !== 'TR');
  for (const id of removed) expect(kept.has(id), `row ${id} is still listed but was removed`).toBe(false);
  for (const id of added) expect(rowsBefore.has(id) && kept.has(id), `row ${id} was re-added`).toBe(false);
  expect(removed.length).toBe(projects.length - want.length);
  // Inside a row that stays, only its position may change.
  const inRows = mutations.filter((m) => m.row && kept.has(m.row));
  for (const m of inRows) expect(m.type === 'attributes' && m.attr === 'aria-rowindex', `row ${m.row}: ${m.type} ${m.attr}`).toBe(true);
});

test('the first paint is bounded by the screen and the list completes after it', async ({ page }) => {
  // How many rows the frame that paints the first row holds.
  await page.addInitScript(() => {
    window.__firstRows = null;
    new MutationObserver(() => {
      if (window.__firstRows === null && document.querySelector('[data-testid=project-row]')) {
        window.__firstRows = -1;
        requestAnimationFrame(() => { window.__firstRows = document.querySelectorAll('[data-testid=project-row]').length; });
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('/');
  await expect.poll(() => page.evaluate(() => window.__firstRows)).toBeGreaterThan(0);
  const first = await page.evaluate(() => window.__firstRows);
  expect(first).toBeLessThanOrEqual(24);
  expect(first).toBeLessThan(projects.length);
  // The whole list arrives, a chunk after each paint, keeping its table semantics.
  await expect(page.getByTestId('project-row')).toHaveCount(projects.length);
  const table = page.getByTestId('project-table');
  await expect(table).toHaveAttribute('aria-rowcount', String(projects.length + 1));
  const idx = await page.getByTestId('project-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))));
  expect(idx).toEqual(projects.map((_, k) => k + 2));
});
