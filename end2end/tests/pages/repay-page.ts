import { Page, Locator, expect } from "@playwright/test";
import { LoginPage } from "./login-page";
import { HomePage } from "./home-page";

/** Chooses a financial institution in the picker: typed search, then the result. */
export async function chooseInstitution(page: Page, search: string, name: string) {
  await page.getByLabel("金融機関を検索").fill(search);
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByRole("button", { name: "金融機関を変更" })).toBeVisible();
}

/** The internet repayment page (インターネット返済), as a member uses it. */
export class RepayPage {
  readonly amount: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.amount = page.getByLabel("返済金額");
    this.alert = page.locator("main [role=alert]");
  }

  async open(webId = "overdue01", password = "Overdue2024") {
    const login = new LoginPage(this.page);
    await login.goto();
    await login.signInWithWebId(webId, password);
    await new HomePage(this.page).expectLoaded();
    await this.page.getByRole("link", { name: "インターネット返済" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "インターネット返済" })).toBeFocused();
  }

  figure(label: string): Locator {
    return this.page.locator(".figure", { has: this.page.locator("dt", { hasText: label }) }).locator("dd").first();
  }

  proceedButton(): Locator {
    return this.page.getByRole("button", { name: "返済手続きへ" });
  }

  async expectBank() {
    await expect(this.page).toHaveURL(/\/repay\?bank=/, { timeout: 15_000 });
    await expect(this.page.getByRole("heading", { name: /模擬銀行/ })).toBeVisible();
  }

  async expectReceipt() {
    await expect(this.page).toHaveURL(/\/repay\?repayment=/);
    await expect(this.page.getByRole("heading", { name: "ご返済を受け付けました" })).toBeVisible();
  }
}
