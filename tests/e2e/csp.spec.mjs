// The app runs under the documented Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval')
// with zero violations on its views.
import { test, expect } from '@playwright/test';

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

for (const url of ['/', '/?onglet=poles&vue=stats', '/?vue=carte&region=27', '/poles/vitagora', '/projets/damav', '/integrer?region=27', '/?embed=1&couleur=8a1538', '/explorateur/?vue=carte']) {
  test(`no CSP violation on ${url}`, async ({ page }) => {
    const response = await page.goto(url);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await expect(page.locator('main h1')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });
}
