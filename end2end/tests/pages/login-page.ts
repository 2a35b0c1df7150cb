import { Page, Locator, expect } from "@playwright/test";

/** The sign-in page, found the way a member finds it. */
export class LoginPage {
  readonly heading: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.alert = page.locator(".notice-error[role=alert]");
    this.status = page.locator("main [role=status]").first();
  }

  async goto() {
    await this.page.goto("/login");
    await expect(this.page.getByRole("button", { name: "ログイン", exact: true })).toBeVisible();
  }

  async signInWithCard(card: string, pin: string) {
    await this.page.getByRole("tab", { name: "カードをお持ちのお客さま" }).click();
    await this.page.getByLabel("カード番号").fill(card);
    await this.page.getByLabel("暗証番号", { exact: true }).fill(pin);
    await this.submit();
  }

  async signInWithWebId(id: string, password: string) {
    await this.page.getByRole("tab", { name: "WEB-IDでログインのお客さま" }).click();
    await this.page.getByLabel("WEB-ID", { exact: true }).fill(id);
    await this.page.getByLabel("パスワード", { exact: true }).fill(password);
    await this.submit();
  }

  async submit() {
    await this.page.getByRole("button", { name: "ログイン", exact: true }).click();
  }
}
