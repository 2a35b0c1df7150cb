import { test as base, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Wednesday 2026-11-25 12:00 JST: far from every maintenance window. */
export const WEDNESDAY_NOON_JST = new Date("2026-11-25T12:00:00+09:00");

/** Which backend this run drives: "fake" (in the page) or "http" (the reference server). */
export const BACKEND = process.env.PORTAL_BACKEND === "http" ? "http" : "fake";

/** Every test starts on a known instant, with time flowing from there. */
export const test = base.extend<{ at: Date }>({
  at: [WEDNESDAY_NOON_JST, { option: true }],
  page: async ({ page, at, request }, use) => {
    if (BACKEND === "http") {
      // The server's state is shared by the run: start each test from the seed.
      // Seed at the test's start time so seeded dates (the overdue member's
      // missed due date, previous sign-ins) match what the page's clock says.
      const reset = await request.post("/api/v1/test/reset", {
        headers: { "X-Test-Now": String(at.getTime()) },
      });
      expect(reset.status()).toBe(204);
    }
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
