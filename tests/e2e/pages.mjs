// Results a page at a time (issue 27): 50 rows a page, the table's aria-rowcount counts them all.
import { expect } from '@playwright/test';

export const PAGE_SIZE = 50;
const TABLE = { 'project-row': 'project-table', 'pole-row': 'pole-table', 'organisation-row': 'organisation-table' };

/** The list shows the first page of `total` items: min(total, 50) rows, aria-rowcount = total + 1. */
export async function expectList(root, testid, total) {
  await expect(root.getByTestId(TABLE[testid])).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(root.getByTestId(testid)).toHaveCount(Math.min(total, PAGE_SIZE));
}

/** `read(rows)` (run in the page) over every page of the list, by the bar's "next" link, in order.
 *  On a page (not a frame), the browser's Back then returns to the page the walk started from. */
export async function allRows(root, testid, read) {
  const out = [];
  let clicks = 0;
  const startIndex = Number(await root.getByTestId(testid).first().getAttribute('aria-rowindex') ?? 2);
  for (;;) {
    const first = root.getByTestId(testid).first();
    if (clicks > 0) await expect(first).toHaveAttribute('aria-rowindex', String(startIndex + out.length));
    out.push(...await root.getByTestId(testid).evaluateAll(read));
    const next = root.getByTestId('page-next');
    if (await next.count() === 0) break;
    await next.click();
    clicks += 1;
  }
  if (clicks > 0 && typeof root.goBack === 'function') {
    await root.evaluate((n) => history.go(-n), clicks);
    await expect(root.getByTestId(testid).first()).toHaveAttribute('aria-rowindex', String(startIndex));
  }
  return out;
}

/** The ids of every row of the list, page after page, in order. */
export const allRowIds = (root, testid) => allRows(root, testid, (rows) => rows.map((r) => r.dataset.id));

/** Unfolds a long facet (more than 12 values: "Afficher les N valeurs"), so that every value is listed. */
export async function unfold(root, facet) {
  const more = root.locator(`[data-testid=facet-more][data-facet="${facet}"]`);
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
}
