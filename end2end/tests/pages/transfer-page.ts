import { Page, Locator, expect } from "@playwright/test";
import { LoginPage } from "./login-page";
import { HomePage } from "./home-page";

/** The transfer page (インターネット振込), as a member uses it. */
export class TransferPage {
  readonly amount: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.amount = page.getByLabel("振込金額");
    this.alert = page.locator("main [role=alert]");
  }

  /** Signs in with a card and opens the page from home's service links. */
  async open(card = "1234567890", pin = "1234") {
    await this.signInAndFollowLink(card, pin);
    await expect(this.page.getByRole("heading", { level: 1, name: "インターネット振込" })).toBeFocused();
  }

  /**
   * The same for a member with no payee account (the 16-digit card
   * member): the page sends them to register one first.
   */
  async openWithoutAccount(card = "1234567890123456", pin = "4321") {
    await this.signInAndFollowLink(card, pin);
    await expect(this.page).toHaveURL(/\/settings\/payee-account\?next=\/transfer$/);
    await expect(this.page.getByRole("heading", { level: 1, name: "振込先口座の登録・変更" })).toBeFocused();
  }

  private async signInAndFollowLink(card: string, pin: string) {
    const login = new LoginPage(this.page);
    await login.goto();
    await login.signInWithCard(card, pin);
    await new HomePage(this.page).expectLoaded();
    await this.page.getByRole("link", { name: "インターネット振込" }).click();
  }

  async toConfirmation(amount: string) {
    await this.amount.fill(amount);
    await this.page.getByRole("button", { name: "確認画面へ" }).click();
    await expect(this.page.getByRole("heading", { name: "お振込内容の確認" })).toBeVisible();
  }

  confirmButton(): Locator {
    return this.page.getByRole("button", { name: "振込を確定する" });
  }

  figure(label: string): Locator {
    return this.page.locator(".figure", { has: this.page.locator("dt", { hasText: label }) }).locator("dd").first();
  }

  async expectReceipt(): Promise<string> {
    await expect(this.page.getByRole("heading", { name: "お振込みを受け付けました" })).toBeVisible({ timeout: 15_000 });
    const number = (await this.figure("受付番号").textContent()) ?? "";
    expect(number).toMatch(/^T\d{11}$/);
    return number;
  }
}
