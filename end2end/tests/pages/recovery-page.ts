import { Page, Locator, expect, APIRequestContext } from "@playwright/test";
import { mailbox } from "../controls";

/**
 * `/register` and `/password-reset` (SPEC S5), found as a member finds
 * them: by label and role. Both pages walk the same four steps.
 */
export class RecoveryPage {
  readonly stepHeading: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.stepHeading = page.getByRole("heading", { level: 2 }).first();
    this.alert = page.locator("main [role=alert]").first();
    this.status = page.locator("main .notice[role=status]").first();
  }

  async gotoRegister() {
    await this.page.goto("/register");
    await expect(this.page.getByLabel("会員番号")).toBeVisible();
  }

  async gotoReset() {
    await this.page.goto("/password-reset");
    await expect(this.page.getByLabel("WEB-ID", { exact: true })).toBeVisible();
  }

  async askForRegistrationCode(memberNumber: string, email: string) {
    await this.page.getByLabel("会員番号").fill(memberNumber);
    await this.page.getByLabel("メールアドレス").fill(email);
    await this.page.getByRole("button", { name: "確認コードを送信" }).click();
    await expect(this.page.getByLabel("確認コード")).toBeVisible();
  }

  async askForResetCode(webId: string, email: string) {
    await this.page.getByLabel("WEB-ID", { exact: true }).fill(webId);
    await this.page.getByLabel("メールアドレス").fill(email);
    await this.page.getByRole("button", { name: "確認コードを送信" }).click();
    await expect(this.page.getByLabel("確認コード")).toBeVisible();
  }

  /** The code in the newest e-mail to `to`, read from the demo mailbox. */
  async mailedCode(request: APIRequestContext, to: string): Promise<string> {
    const mail = (await mailbox(this.page, request)).find((m) => m.to === to && m.body.includes("確認コードは"));
    const code = mail?.body.match(/確認コードは (\d{6})/)?.[1];
    expect(code, `a code mailed to ${to}`).toBeTruthy();
    return code ?? "";
  }

  async enterCode(code: string) {
    await this.page.getByLabel("確認コード").fill(code);
    await this.page.getByRole("button", { name: "次へ" }).click();
  }

  async choose(password: string, again = password, webId?: string) {
    if (webId !== undefined) {
      await this.page.getByLabel("WEB-ID", { exact: true }).fill(webId);
    }
    await this.page.getByLabel("パスワード", { exact: true }).fill(password);
    await this.page.getByLabel("パスワード（確認）", { exact: true }).fill(again);
  }
}
