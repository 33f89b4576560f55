/**
 * The `test` every spec uses: Playwright's, plus one automatic fixture that closes every browser
 * context the test opened itself (`browser.newPage()`, `browser.newContext()`).
 *
 * Playwright closes only the context of its own `page`/`context` fixtures. The browser lives for
 * the whole worker, so a page a test opened by hand would keep its simulation running through
 * every later test of that worker: on two cores a handful of such pages starved the suite (load
 * 20, tests ten times slower). The fixture is set up before and torn down after the `page` and
 * `context` fixtures, so failure screenshots are taken first.
 */
import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Download, Locator, Page } from '@playwright/test';

export const test = base.extend<{ closeOwnContexts: void }>({
  closeOwnContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      for (const c of browser.contexts()) if (!before.has(c)) await c.close().catch(() => undefined);
    },
    { auto: true },
  ],
});
