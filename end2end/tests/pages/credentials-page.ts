import { Page, Locator, expect, APIRequestContext } from "@playwright/test";
import { LoginPage } from "./login-page";
import { mailbox } from "../controls";

/**
 * `/settings/email` and `/settings/web-id` (SPEC S12), found as a member
 * finds them: by label and role.
 */
export class CredentialsPage {
  readonly heading: Locator;
  readonly stepHeading: Locator;
  readonly alert: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.stepHeading = page.locator("main h2[id^=settings-step]");
    this.alert = page.locator("main .notice-error[role=alert]").first();
    this.status = page.locator("main .notice[role=status]").first();
  }

  /** Signs in on /login and lands on the home page. */
  async signIn(kind: "card" | "web", id: string, secret: string) {
    const login = new LoginPage(this.page);
    await login.goto();
    if (kind === "card") await login.signInWithCard(id, secret);
    else await login.signInWithWebId(id, secret);
    await expect(this.heading).toHaveText("会員トップ");
  }

  /** Opens a section from the /settings list, as a member does. */
  async openSection(title: string) {
    await this.page.goto("/settings");
    await expect(this.heading).toHaveText("各種設定の変更");
    await this.page.getByRole("link", { name: title, exact: true }).click();
    await expect(this.heading).toHaveText(title);
    await expect(this.page.locator("form")).toBeVisible();
  }

  /** What `/settings` shows for a section, found by the section's link. */
  settingsValue(title: string): Locator {
    return this.page
      .locator(".settings-row", { has: this.page.getByRole("link", { name: title, exact: true }) })
      .locator(".settings-value");
  }

  /** A field's error text, found by the field's label. */
  fieldError(label: string): Locator {
    return this.page.locator(".field", { has: this.page.getByLabel(label, { exact: true }) }).locator(".error");
  }

  /** The newest code mailed to `to`, read from the demo mailbox. */
  async mailedCode(request: APIRequestContext, to: string): Promise<string> {
    const mail = (await mailbox(this.page, request)).find((m) => m.to === to && m.body.includes("確認コードは"));
    const code = mail?.body.match(/確認コードは (\d{6})/)?.[1];
    expect(code, `a code mailed to ${to}`).toBeTruthy();
    return code ?? "";
  }

  async askForCode(email: string) {
    await this.page.getByLabel("新しいメールアドレス", { exact: true }).fill(email);
    await this.page.getByRole("button", { name: "確認コードを送信" }).click();
  }

  async enterCode(code: string) {
    await this.page.getByLabel("確認コード", { exact: true }).fill(code);
    await this.page.getByRole("button", { name: "メールアドレスを変更する" }).click();
  }

  /** Fills the WEB-ID form; labels are the WEB-ID member's unless `adding`. */
  async fillLogin(fields: { current: string; webId?: string; password: string; again?: string }, adding = false) {
    const p = this.page;
    await p.getByLabel(adding ? "暗証番号" : "現在のパスワード", { exact: true }).fill(fields.current);
    if (fields.webId !== undefined) {
      await p.getByLabel(adding ? "WEB-ID" : "新しいWEB-ID", { exact: true }).fill(fields.webId);
    }
    await p.getByLabel(adding ? "パスワード" : "新しいパスワード", { exact: true }).fill(fields.password);
    await p.getByLabel(adding ? "パスワード（確認）" : "新しいパスワード（確認）", { exact: true }).fill(fields.again ?? fields.password);
  }

  /** A row of the review or result table: [before, after]. */
  async changeRow(label: string): Promise<[string, string]> {
    const row = this.page.locator(".change-table tbody tr", { has: this.page.locator(`th:text-is("${label}")`) }).first();
    const cells = row.locator("td");
    return [(await cells.nth(0).textContent()) ?? "", (await cells.nth(1).textContent()) ?? ""];
  }
}
