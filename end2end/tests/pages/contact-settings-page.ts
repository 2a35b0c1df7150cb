import { Page, Locator, expect } from "@playwright/test";
import { LoginPage } from "./login-page";
import { HomePage } from "./home-page";

/**
 * The settings sections for the address, employer and VISA prepaid card
 * (SPEC S12), and the `/settings` rows that show them, found the way a
 * member finds them.
 */
export class ContactSettingsPage {
  readonly heading: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.summary = page.locator(".error-summary[role=alert]");
  }

  /** Signs in as the WEB-ID member demo0001 and opens `/settings`. */
  async signInAndOpenSettings() {
    const login = new LoginPage(this.page);
    await login.goto();
    await login.signInWithWebId("demo0001", "Passw0rd");
    await new HomePage(this.page).expectLoaded();
    await this.page.getByRole("link", { name: "各種設定の変更" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "各種設定の変更" })).toBeFocused();
  }

  /** Opens a section from `/settings` by its link. */
  async openSection(title: string) {
    await this.page.getByRole("link", { name: title, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeFocused();
  }

  /** What `/settings` shows as registered in a section's row. */
  settingsValue(title: string): Locator {
    return this.page
      .locator(".settings-row", { has: this.page.getByRole("link", { name: title, exact: true }) })
      .locator(".settings-value");
  }

  /** The registered value the section shows above its form. */
  current(label: string): Locator {
    return this.page.locator(`dl.facts dt:text-is("${label}") + dd`);
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** The error shown under a field (what its `aria-describedby` names). */
  errorOf(label: string): Locator {
    return this.page.locator(".field", { has: this.field(label) }).locator(".error");
  }

  /** A row of the review or the result: its before and after cells. */
  changeCells(label: string): Locator {
    return this.page
      .locator(".change-table tbody tr", { has: this.page.locator(`th:text-is("${label}")`) })
      .locator("td");
  }

  async toReview() {
    await this.page.getByRole("button", { name: "確認画面へ" }).click();
  }

  async expectReview() {
    await expect(this.page.getByRole("heading", { name: "変更内容の確認" })).toBeFocused();
  }

  async confirm() {
    await this.page.getByRole("button", { name: "変更する", exact: true }).click();
  }

  async expectDone() {
    await expect(this.page.getByRole("heading", { name: "変更しました" })).toBeFocused();
    await expect(this.page.getByText("ご登録のメールアドレスにお知らせメールをお送りしました。")).toBeVisible();
  }

  async backToSettings() {
    await this.page.getByRole("link", { name: "各種設定の変更に戻る" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "各種設定の変更" })).toBeVisible();
  }
}
