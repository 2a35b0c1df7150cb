import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Wednesday 2026-11-25 12:00 JST: far from every maintenance window. */
export const WEDNESDAY_NOON_JST = new Date("2026-11-25T12:00:00+09:00");

/** Every test starts on a known instant, with time flowing from there. */
export const test = base.extend<{ at: Date }>({
  at: [WEDNESDAY_NOON_JST, { option: true }],
  page: async ({ page, at }, use) => {
    await page.clock.install({ time: at });
    await use(page);
  },
});

export { expect };

/** Zero WCAG 2.x A/AA violations on the current page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}
