import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { RecoveryPage } from "./pages/recovery-page";
import { mailbox } from "./controls";

// WEB-ID registration and password reset (SPEC S5): a code by e-mail, five
// tries, ten minutes, a new code replacing the old, and the same answer for
// details that match and details that do not.

/** A code that is not `code`. */
const other = (code: string) => (code === "000000" ? "000001" : "000000");

test("the member without a WEB-ID registers one and signs in with it", async ({ page, request }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("link", { name: "WEB-IDの登録" }).click();
  const flow = new RecoveryPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("WEB-ID登録");
  await expectNoAxeViolations(page);
  // Full-width digits and hyphens in the member number are accepted.
  await page.getByLabel("会員番号").fill("１２３-４５６-７８９");
  await expect(page.getByLabel("会員番号")).toHaveValue("123-456-789");
  await flow.askForRegistrationCode("123-456-789", "taro@example.com");
  await expect(flow.stepHeading).toContainText("確認コードの入力");
  await expect(flow.stepHeading).toBeFocused();
  await expect(page.getByText("一致する場合、ご登録のメールアドレスあてに6桁の確認コードをお送りしました")).toBeVisible();
  await expectNoAxeViolations(page);

  const code = await flow.mailedCode(request, "taro@example.com");
  await flow.enterCode(code);
  await expect(flow.stepHeading).toContainText("WEB-ID・パスワードの設定");
  await expectNoAxeViolations(page);

  // The rules of S5, checked before any request, each at its field.
  await flow.choose("taro2026", "taro2026", "taro2026");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.locator(".field", { has: page.getByLabel("パスワード", { exact: true }) })).toContainText("WEB-IDと異なるもの");
  await flow.choose("Yamada2026", "Yamada2025", "taro2026");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("パスワード（確認）が一致しません")).toHaveCount(2); // summary and field
  // A WEB-ID someone has is refused by the lender, and what was typed stays.
  await flow.choose("Yamada2026", "Yamada2026", "Demo0001");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("このWEB-IDはすでに使われています").first()).toBeVisible();
  await expect(page.getByLabel("WEB-ID", { exact: true })).toHaveValue("Demo0001");

  await flow.choose("Yamada2026", "Yamada2026", "taro2026");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByText("WEB-IDを登録しました")).toBeVisible();
  await expect(page.getByText("WEB-ID「taro2026」")).toBeVisible();
  const mails = await mailbox(page, request);
  expect(mails.some((m) => m.to === "taro@example.com" && m.subject.includes("WEB-ID登録完了"))).toBe(true);

  // Nothing secret was kept in the browser: not the password, not the
  // code's e-mail (the fake lender keeps codes in memory only).
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain("Yamada2026");
  expect(stored).not.toContain("確認コードは");

  await page.getByRole("link", { name: "ログイン画面へ" }).click();
  await login.signInWithWebId("taro2026", "Yamada2026");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("会員トップ");
});

test("five wrong codes end that code, and a new code replaces it", async ({ page, request }) => {
  const flow = new RecoveryPage(page);
  await flow.gotoRegister();
  await flow.askForRegistrationCode("123456789", "taro@example.com");
  const code = await flow.mailedCode(request, "taro@example.com");
  for (const left of [4, 3, 2, 1]) {
    await flow.enterCode(other(code));
    await expect(page.locator(".field").filter({ hasText: "確認コード" }).locator(".error")).toHaveText(
      `確認コードが正しくありません。あと${left}回入力できます。`,
    );
    // What was typed stays, to be corrected.
    await expect(page.getByLabel("確認コード")).toHaveValue(other(code));
  }
  await flow.enterCode(other(code));
  await expect(flow.alert).toContainText("5回まちがえたため");
  await flow.enterCode(code);
  await expect(flow.alert).toContainText("5回まちがえたため");

  await page.getByRole("button", { name: "確認コードを再送する" }).click();
  await expect(flow.status).toContainText("新しい確認コードをお送りしました");
  await expect(page.getByLabel("確認コード")).toHaveValue("");
  const fresh = await flow.mailedCode(request, "taro@example.com");
  await flow.enterCode(fresh);
  await expect(flow.stepHeading).toContainText("WEB-ID・パスワードの設定");
});

test("a code older than ten minutes is refused as expired", async ({ page, request }) => {
  const flow = new RecoveryPage(page);
  await flow.gotoRegister();
  await flow.askForRegistrationCode("123456789", "taro@example.com");
  const code = await flow.mailedCode(request, "taro@example.com");
  await page.clock.fastForward("10:01");
  await flow.enterCode(code);
  await expect(flow.alert).toContainText("有効期限（10分）が過ぎました");
  await expect(page.getByRole("button", { name: "確認コードを再送する" })).toBeVisible();
});

test("unknown details get the same answer as known ones, and nothing is sent", async ({ page, request }) => {
  const flow = new RecoveryPage(page);
  await flow.gotoRegister();
  let first = true;
  const answer = async (number: string, email: string) => {
    if (!first) {
      await page.getByRole("button", { name: "入力内容を修正する" }).click();
    }
    first = false;
    await flow.askForRegistrationCode(number, email);
    const text = (await page.locator("main p").filter({ hasText: "確認コードをお送りしました" }).textContent()) ?? "";
    return text.replace(/\d{4}年.*まで/, "…まで");
  };
  const before = (await mailbox(page, request)).length;
  const unknown = await answer("987654321", "nobody@example.com");
  const wrongMail = await answer("123456789", "someone@example.com");
  expect((await mailbox(page, request)).length).toBe(before);
  const known = await answer("123456789", "taro@example.com");
  expect(unknown).toBe(known);
  expect(wrongMail).toBe(known);
  // And a code typed against unknown details is simply wrong.
  await answer("987654321", "nobody@example.com");
  await flow.enterCode("123456");
  await expect(page.locator(".field").filter({ hasText: "確認コード" }).locator(".error")).toHaveText(
    "確認コードが正しくありません。あと4回入力できます。",
  );
});

test("a WEB-ID member resets the password; the old one stops working", async ({ page, request }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("link", { name: "パスワードをお忘れの方" }).click();
  const flow = new RecoveryPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("パスワードの再設定");
  await expectNoAxeViolations(page);
  await flow.askForResetCode("demo0001", "demo0001@example.com");
  const code = await flow.mailedCode(request, "demo0001@example.com");
  await flow.enterCode(code);
  await expect(flow.stepHeading).toContainText("新しいパスワードの設定");
  await flow.choose("NewPass2026");
  await page.getByRole("button", { name: "パスワードを再設定する" }).click();
  await expect(page.getByText("パスワードを再設定しました")).toBeVisible();

  await page.getByRole("link", { name: "ログイン画面へ" }).click();
  await login.signInWithWebId("demo0001", "Passw0rd");
  await expect(login.alert).toContainText("ログインできませんでした");
  await login.signInWithWebId("demo0001", "NewPass2026");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("会員トップ");
});

test("a card member who forgot the PIN is told where to reset it, with no form", async ({ page }) => {
  await page.goto("/password-reset");
  await page.getByRole("radio", { name: "カードでログインしている（暗証番号をお忘れの方）" }).check();
  await expect(page.getByText("暗証番号はオンラインでは再設定できません")).toBeVisible();
  await expect(page.getByText(/カードと本人確認書類.*自動契約機/)).toBeVisible();
  await expect(page.getByLabel("メールアドレス")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("registration and reset are axe-clean in English, and say the same things", async ({ page, request }) => {
  await page.goto("/register");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register a WEB-ID");
  await expectNoAxeViolations(page);
  await page.getByLabel("Member number").fill("123456789");
  await page.getByLabel("Email address").fill("taro＠example.com");
  await page.getByRole("button", { name: "Send the confirmation code" }).click();
  await expect(page.getByText("If the details match our records")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Confirmation code").fill("12");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("The confirmation code is 6 half-width (半角) digits.").first()).toBeVisible();
  await page.goto("/password-reset");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await page.getByRole("radio", { name: "With a card (forgotten PIN)" }).check();
  await expect(page.getByText("A PIN cannot be reset online")).toBeVisible();
  await expectNoAxeViolations(page);
});
