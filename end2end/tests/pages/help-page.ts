import { Page, Locator, expect } from "@playwright/test";

/**
 * The help page (/help). Each FAQ answer is a native `<details>` whose id is
 * its stable anchor (`forgot-pin`, `lock`, `half-width`, …), the contract
 * other pages link to; the question is its `<summary>`.
 */
export class HelpPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
  }

  async goto(anchor?: string) {
    await this.page.goto(anchor ? `/help#${anchor}` : "/help");
    await expect(this.heading).toBeVisible();
  }

  /** A question with its answer: the `<details>` named by the anchor. */
  entry(anchor: string): Locator {
    return this.page.locator(`details#${anchor}`);
  }

  /** The question of an answer, the `<summary>` a member opens it with. */
  question(anchor: string): Locator {
    return this.entry(anchor).locator(":scope > summary");
  }

  /** A section of the page, a region named by its heading. */
  region(name: string): Locator {
    return this.page.getByRole("region", { name });
  }

  /** The page was opened at an answer: it is open, its question has focus and is on screen. */
  async expectRevealed(anchor: string) {
    await expect(this.page).toHaveURL(new RegExp(`/help#${anchor}$`));
    await expect(this.entry(anchor)).toHaveJSProperty("open", true);
    await expect(this.question(anchor)).toBeFocused();
    await expect(this.question(anchor)).toBeInViewport();
  }
}
