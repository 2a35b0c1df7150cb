import { Page, Locator, expect } from "@playwright/test";

/** The member home page, with read-only locators for its figures. */
export class HomePage {
  constructor(readonly page: Page) {}

  /** The figure shown under a label such as ご利用残高. */
  figure(label: string): Locator {
    return this.page.locator(".figure", { has: this.page.locator("dt", { hasText: label }) }).locator("dd");
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/home$/);
    await expect(this.page.getByRole("heading", { level: 1, name: "会員トップ" })).toBeVisible();
    await expect(this.figure("ご利用残高")).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "ログアウト" }).click();
  }
}
