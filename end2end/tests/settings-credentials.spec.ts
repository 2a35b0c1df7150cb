import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { CredentialsPage } from "./pages/credentials-page";
import { mailbox } from "./controls";

// The e-mail address, WEB-ID and password of SPEC S12: a code mailed to the
// new address changes the address (and every notice follows it); a WEB-ID
// member changes the password with the current one; a card member adds a
// WEB-ID with the PIN. Each test signs in as its own member; the fake lender
// keeps each test's state in that test's own browser storage, and over HTTP
// the fixture resets the server before each test.

/** A code that is not `code`. */
const other = (code: string) => (code === "000000" ? "000001" : "000000");
const EMAIL = "メールアドレスの登録・変更";
const WEB_ID = "WEB-ID・パスワードの登録・変更";

test("the e-mail address changes with the code sent to the new address, and the next notice goes there", async ({ page, request }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("web", "newmember01", "Welcome2024");
  await page.goto("/settings");
  await expect(flow.settingsValue(EMAIL)).toHaveText("newmember01@example.com");
  await flow.openSection(EMAIL);
  await expect(page.locator("dl.facts")).toContainText("newmember01@example.com");
  await expectNoAxeViolations(page);

  // The address registered now is no change, whatever its case.
  await flow.askForCode("NewMember01@Example.com");
  await expect(flow.fieldError("新しいメールアドレス")).toHaveText("新しいメールアドレスが現在のものと同じです。別のものを入力してください。");
  await expect(page.getByLabel("新しいメールアドレス", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  await flow.askForCode("hanako.new@example.jp");
  await expect(flow.stepHeading).toHaveText("確認コードの入力");
  await expect(flow.stepHeading).toBeFocused();
  await expect(page.getByText("hanako.new@example.jp あてに6桁の確認コードをお送りしました")).toBeVisible();
  await expectNoAxeViolations(page);
  const before = await mailbox(page, request);
  expect(before.some((m) => m.to === "newmember01@example.com" && m.body.includes("確認コードは"))).toBe(false);
  const code = await flow.mailedCode(request, "hanako.new@example.jp");

  // A wrong code says how many tries are left; what was typed stays.
  await flow.enterCode(other(code));
  await expect(flow.fieldError("確認コード")).toHaveText("確認コードが正しくありません。あと4回入力できます。");
  await expect(page.getByLabel("確認コード", { exact: true })).toHaveValue(other(code));
  await expectNoAxeViolations(page);

  await flow.enterCode(code);
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeFocused();
  expect(await flow.changeRow("メールアドレス")).toEqual(["newmember01@example.com", "hanako.new@example.jp"]);
  await expect(page.getByText("変更前のメールアドレスにも、変更のお知らせをお送りしました。")).toBeVisible();
  await expectNoAxeViolations(page);
  const mails = await mailbox(page, request);
  expect(mails.find((m) => m.to === "newmember01@example.com")?.subject).toBe("メールアドレス変更のお知らせ");
  expect(mails.find((m) => m.to === "hanako.new@example.jp" && !m.body.includes("確認コードは"))?.subject).toBe(
    "メールアドレス登録完了のお知らせ",
  );
  // Nothing about the code reached the browser's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(code);
  expect(stored).not.toContain("確認コードは");

  await page.getByRole("link", { name: "各種設定の変更に戻る" }).click();
  await expect(flow.settingsValue(EMAIL)).toHaveText("hanako.new@example.jp");

  // The next notice (a repayment date change) goes to the new address.
  await page.getByRole("link", { name: "ご返済日の変更", exact: true }).click();
  await page.getByRole("radio", { name: "毎月5日" }).check();
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeVisible();
  const newest = (await mailbox(page, request))[0];
  expect(newest.subject).toBe("ご返済日変更のお知らせ");
  expect(newest.to).toBe("hanako.new@example.jp");
});

test("an expired code offers a new one, which works", async ({ page, request }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("card", "1234567890123456", "4321");
  await flow.openSection(EMAIL);
  await flow.askForCode("card3456.new@example.jp");
  await expect(flow.stepHeading).toHaveText("確認コードの入力");
  const code = await flow.mailedCode(request, "card3456.new@example.jp");
  // Ten minutes pass with the member active (the idle warning answered),
  // so the session lives on and only the code runs out.
  await page.clock.fastForward("09:10");
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "ログインを継続する" }).click();
  await expect(dialog).toHaveCount(0);
  await page.clock.runFor(1000);
  await page.clock.fastForward("01:00");
  await flow.enterCode(code);
  await expect(flow.alert).toContainText("有効期限（10分）が過ぎました");
  await page.getByRole("button", { name: "確認コードを再送する" }).click();
  await expect(flow.status).toContainText("新しい確認コードをお送りしました");
  await expect(page.getByLabel("確認コード", { exact: true })).toHaveValue("");
  const fresh = await flow.mailedCode(request, "card3456.new@example.jp");
  expect(fresh).not.toBe("");
  await flow.enterCode(fresh);
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeVisible();
});

test("a WEB-ID member changes the password; only the new one signs in afterwards", async ({ page, request }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("web", "demo0001", "Passw0rd");
  await flow.openSection(WEB_ID);
  await expect(page.getByLabel("新しいWEB-ID", { exact: true })).toHaveValue("demo0001");
  await expectNoAxeViolations(page);

  // Checked before any request, each rule at its field.
  await flow.fillLogin({ current: "Passw0rd", password: "NewPass2026", again: "NewPass2025" });
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(flow.fieldError("新しいパスワード（確認）")).toHaveText("新しいパスワード（確認）が一致しません。同じものを入力してください。");
  await expect(page.getByLabel("新しいパスワード（確認）", { exact: true })).toBeFocused();
  await expectNoAxeViolations(page);

  // A wrong current password is refused by the lender at its field, which
  // is cleared; the new password stays as typed.
  await flow.fillLogin({ current: "Wrong2026x", password: "NewPass2026" });
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.getByRole("heading", { name: "変更内容の確認" })).toBeFocused();
  expect(await flow.changeRow("パスワード")).toEqual(["（表示しません）", "変更する"]);
  expect(await flow.changeRow("WEB-ID")).toEqual(["demo0001", "demo0001"]);
  await expect(page.locator("main")).not.toContainText("NewPass2026");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(flow.fieldError("現在のパスワード")).toHaveText("現在のパスワードが正しくありません。");
  await expect(page.getByLabel("現在のパスワード", { exact: true })).toBeFocused();
  await expect(page.getByLabel("現在のパスワード", { exact: true })).toHaveValue("");
  await expect(page.getByLabel("新しいパスワード", { exact: true })).toHaveValue("NewPass2026");
  await expectNoAxeViolations(page);

  await page.getByLabel("現在のパスワード", { exact: true }).fill("Passw0rd");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeFocused();
  expect(await flow.changeRow("パスワード")).toEqual(["（表示しません）", "変更しました"]);
  await expectNoAxeViolations(page);
  const notice = (await mailbox(page, request))[0];
  expect(notice.to).toBe("demo0001@example.com");
  expect(notice.subject).toBe("WEB-ID・パスワード変更のお知らせ");
  expect(notice.body).not.toContain("NewPass2026");
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain("NewPass2026");

  await page.getByRole("button", { name: "ログアウト" }).click();
  const login = new LoginPage(page);
  await expect(login.heading).toHaveText("会員ログイン");
  await login.signInWithWebId("demo0001", "Passw0rd");
  await expect(login.alert).toContainText("ログインできませんでした");
  await login.signInWithWebId("demo0001", "NewPass2026");
  await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();
});

test("a card member adds a WEB-ID with the PIN and signs in with it", async ({ page, request }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("card", "1234567890", "1234");
  await page.goto("/settings");
  await expect(flow.settingsValue(WEB_ID)).toHaveText("未登録");
  await flow.openSection(WEB_ID);
  await expect(page.getByLabel("暗証番号", { exact: true })).toBeVisible();
  await expect(page.getByLabel("WEB-ID", { exact: true })).toHaveValue("");
  await expectNoAxeViolations(page);

  // A WEB-ID someone else has, in any case, is refused at its field.
  await flow.fillLogin({ current: "1234", webId: "Demo0001", password: "Hanako2026" }, true);
  await page.getByRole("button", { name: "確認画面へ" }).click();
  expect(await flow.changeRow("WEB-ID")).toEqual(["未登録", "Demo0001"]);
  expect(await flow.changeRow("パスワード")).toEqual(["未登録", "登録する"]);
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(flow.fieldError("WEB-ID")).toHaveText("このWEB-IDはすでに使われています。別のWEB-IDを入力してください。");
  await expect(page.getByLabel("WEB-ID", { exact: true })).toHaveValue("Demo0001");
  await expectNoAxeViolations(page);

  await page.getByLabel("WEB-ID", { exact: true }).fill("hanako2026");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "変更する" }).click();
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeFocused();
  expect(await flow.changeRow("WEB-ID")).toEqual(["未登録", "hanako2026"]);
  await expect(page.getByText("カードのほか、このWEB-IDとパスワードでもログインできます")).toBeVisible();
  const notice = (await mailbox(page, request))[0];
  expect(notice.to).toBe("card7890@example.com");
  expect(notice.subject).toBe("WEB-ID登録完了のお知らせ");
  expect(notice.body).not.toContain("Hanako2026");

  await page.getByRole("link", { name: "各種設定の変更に戻る" }).click();
  await expect(flow.settingsValue(WEB_ID)).toHaveText("hanako2026");
  await page.getByRole("button", { name: "ログアウト" }).click();
  const login = new LoginPage(page);
  await login.signInWithWebId("hanako2026", "Hanako2026");
  await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();
  await page.getByRole("button", { name: "ログアウト" }).click();
  await login.signInWithCard("1234567890", "1234");
  await expect(page.getByRole("button", { name: "ログアウト" })).toBeVisible();
});

test("wrong current passwords lock the account like failed sign-ins", async ({ page }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("web", "overdue01", "Overdue2024");
  await flow.openSection(WEB_ID);
  // The threshold (3 to 5) is never shown: try distinct wrong passwords
  // until the lock comes.
  let locked = false;
  for (let n = 1; n <= 5 && !locked; n++) {
    await flow.fillLogin({ current: `Wrong${n}x2026`, password: "NewPass2026" });
    await page.getByRole("button", { name: "確認画面へ" }).click();
    await page.getByRole("button", { name: "変更する" }).click();
    const lock = page.getByRole("heading", { name: "セキュリティロックがかかりました" });
    await expect(lock.or(flow.fieldError("現在のパスワード").filter({ hasText: "正しくありません" }))).toBeVisible();
    locked = await lock.isVisible();
  }
  expect(locked).toBe(true);
  await expect(page.getByRole("heading", { name: "セキュリティロックがかかりました" })).toBeFocused();
  await expect(page.getByRole("link", { name: "ロックの解除について詳しくはヘルプへ" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "ログイン画面へ" }).click();
  const login = new LoginPage(page);
  await expect(login.heading).toHaveText("会員ログイン");
  await login.signInWithWebId("overdue01", "Overdue2024");
  await expect(login.alert).toContainText("セキュリティロック");
});

test("both sections are axe-clean in English at every step", async ({ page, request }) => {
  const flow = new CredentialsPage(page);
  await flow.signIn("web", "demo0001", "Passw0rd");
  await flow.openSection(EMAIL);
  await page.getByRole("button", { name: "English" }).click();
  await expect(flow.heading).toHaveText("E-mail address");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send the confirmation code" }).click();
  await expect(flow.fieldError("New e-mail address")).toHaveText("Enter your new e-mail address.");
  await expectNoAxeViolations(page);
  await page.getByLabel("New e-mail address", { exact: true }).fill("demo.new@example.jp");
  await page.getByRole("button", { name: "Send the confirmation code" }).click();
  await expect(flow.stepHeading).toHaveText("Enter the confirmation code");
  await expectNoAxeViolations(page);
  // The demo mailbox is read in Japanese.
  await page.getByRole("button", { name: "日本語" }).click();
  const code = await flow.mailedCode(request, "demo.new@example.jp");
  await page.getByRole("button", { name: "English" }).click();
  await page.getByLabel("Confirmation code", { exact: true }).fill(other(code));
  await page.getByRole("button", { name: "Change the address", exact: true }).click();
  await expect(flow.fieldError("Confirmation code")).toContainText("4 more time");
  await expectNoAxeViolations(page);
  await page.getByLabel("Confirmation code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Change the address", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Changed" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Back to settings" }).click();
  await page.getByRole("link", { name: "WEB-ID and password", exact: true }).click();
  await expect(flow.heading).toHaveText("WEB-ID and password");
  await expectNoAxeViolations(page);
  await page.getByLabel("Current password", { exact: true }).fill("Passw0rd");
  await page.getByLabel("New WEB-ID", { exact: true }).fill("demo2026x");
  await page.getByRole("button", { name: "Review" }).click();
  await expect(page.getByRole("heading", { name: "Check the change" })).toBeFocused();
  await expect(page.locator(".change-table")).toContainText("Will not change");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Make the change" }).click();
  await expect(page.getByRole("heading", { name: "Changed" })).toBeVisible();
  await expectNoAxeViolations(page);
});
