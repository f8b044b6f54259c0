// An automated accessibility check (axe-core, WCAG 2.x A and AA rules) over every page a user
// sees — popup with a host's details, options, watchlist, welcome — and an open card, in the
// light and the dark theme: no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension } from './support/browser';
import { LookupPopup, setResolver, hoverMark } from './support/pages';
import { exposeCardToPage, waitInCard } from './support/card-view';

type Extension = Awaited<ReturnType<typeof launchExtension>>;

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical violations in `page`. With `insideHost`, also fails unless axe checked
 * nodes inside that element's shadow root (its targets for them start with the host).
 */
async function seriousViolations(page: Page, insideHost?: string): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP); DevTools evaluation is not subject to it.
  await page.evaluate(`${AXE}\n;true`);
  const { violations, inside } = await page.evaluate(async (host) => {
    const result = await (globalThis as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    const checked = [...result.passes, ...result.violations, ...result.incomplete].flatMap(
      (r: any) => r.nodes,
    );
    return {
      violations: result.violations
        .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
        .map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`),
      inside: checked.filter((n: any) => Array.isArray(n.target[0]) && n.target[0][0] === host).length,
    };
  }, insideHost ?? null);
  if (insideHost) expect(inside, `nodes axe checked inside ${insideHost}`).toBeGreaterThan(10);
  return violations;
}

describe('accessibility', () => {
  const dohUrl = inject('dohUrl');
  let ext: Extension;

  beforeAll(async () => {
    ext = await launchExtension();
    expect(await setResolver(ext, dohUrl)).toBe('Saved.');
  });
  afterAll(async () => ext?.close());

  it('the check itself finds a violation when there is one', async () => {
    const page = await ext.context.newPage();
    await page.setContent('<html lang="en"><title>t</title><main><input type="text"></main></html>');
    expect((await seriousViolations(page)).map((v) => v.split(':')[0])).toContain('label');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: popup with details, options, watchlist and welcome have no serious violations`, async () => {
      const popup = await LookupPopup.open(ext);
      await popup.page.emulateMedia({ colorScheme: scheme });
      await popup.lookUp('mail1.trump-email.com');
      await popup.page.locator('[data-section="history"]:not([data-state="loading"])').waitFor();
      expect(await seriousViolations(popup.page)).toEqual([]);
      for (const path of ['options.html', 'watchlist.html', 'welcome.html']) {
        const page = await ext.openExtensionPage(path);
        await page.emulateMedia({ colorScheme: scheme });
        await page.waitForLoadState('load');
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        expect({ path, violations: await seriousViolations(page) }).toEqual({ path, violations: [] });
        await page.close();
      }
      await popup.page.close();
    });
  }

  it('an open card has no serious violations', async () => {
    const page = await ext.openExtensionPage('welcome.html');
    await page.waitForFunction(() => ((CSS as any).highlights?.get('hostlens')?.size ?? 0) >= 6);
    await hoverMark(page, 'mail1.trump-email.com');
    await waitInCard(page, '[data-section="history"]:not([data-state="loading"])');
    // axe runs as the page, and the card's root is closed to the page: lend axe the root.
    await exposeCardToPage(page);
    expect(await seriousViolations(page, 'hostlens-card')).toEqual([]);
  });
});
