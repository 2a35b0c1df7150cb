import { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { decideReviews, mailbox } from "./controls";
import { pdf } from "./pages/documents-page";

// Credit-line changes (SPEC S10): an increase request reviewed on business
// days with a notice at each step, the rules at their fields, a decision
// from the demo panel (or the server's test controls), and a decrease that
// applies at once.

async function openLimit(page: Page, card: string, pin: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard(card, pin);
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "限度額の変更" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "限度額の変更" })).toBeFocused();
}

const fact = (page: Page, name: string) =>
  page.locator("dl.facts div", { has: page.locator(`dt:text-is("${name}")`) }).locator("dd").first();

async function fillIncrease(page: Page, desired: string, income: string, other: string) {
  await page.getByLabel("希望限度額").fill(desired);
  await page.getByLabel("年収").fill(income);
  await page.getByLabel("他社借入額").fill(other);
  await page.getByLabel("雇用形態").selectOption({ label: "正社員" });
  await page.getByLabel("勤務先名").fill("株式会社見本商事");
  await page.getByLabel("勤続年数").fill("3");
}

test("an increase that needs no income proof is received, reviewed the same business day and approved at 18:00", async ({ page, request }) => {
  test.setTimeout(60_000);
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await openLimit(page, "1234567890123456", "4321");
  await expect(fact(page, "ご利用限度額")).toHaveText("300,000円");
  await fillIncrease(page, "500000", "3,000,000", "0");
  // The total-volume ceiling is shown as the income is typed; no proof is asked for.
  await expect(page.getByText("年収の3分の1（1,000,000円）")).toBeVisible();
  await expect(page.getByText("収入証明書")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.getByRole("heading", { name: "お申込み内容の確認" })).toBeFocused();
  await expect(fact(page, "希望限度額")).toHaveText("500,000円");
  // No proof was asked for, so the uploader's code was never fetched.
  expect(requested.filter((u) => u.includes("/split_proof_uploader-"))).toEqual([]);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "申し込む" }).click();
  await expect(page.getByRole("heading", { name: "お申込みを受け付けました" })).toBeFocused();
  await expect(fact(page, "受付番号")).toHaveText(/^L\d{11}$/);
  // Wednesday noon is within review hours: under review at once, result at 18:00.
  await expect(fact(page, "審査状況")).toHaveText("審査中");
  await expect(fact(page, "審査結果のご連絡予定")).toContainText("2026年11月25日 18:00");
  const received = await mailbox(page, request);
  expect(received.some((m) => m.subject === "限度額変更のお申込み受付のお知らせ" && m.to === "card3456@example.com")).toBe(true);

  await page.goto("/home");
  await expect(page.getByRole("link", { name: "限度額変更のお申込み: 審査中" })).toBeVisible();

  // 18:00 passes (the idle session has ended meanwhile): approved, the
  // line is 500,000 yen.
  await page.clock.fastForward("06:30:00");
  await openLimit(page, "1234567890123456", "4321");
  await expect(fact(page, "審査状況")).toHaveText("承認");
  await expect(fact(page, "ご利用限度額")).toHaveText("500,000円");
  await expect(page.locator("main").getByText("ご利用限度額が500,000円になりました。")).toBeVisible();
  const mails = await mailbox(page, request);
  expect(mails.filter((m) => m.subject === "限度額変更の審査結果のお知らせ")).toHaveLength(1);
  await page.goto("/home");
  await expect(new HomePage(page).figure("ご利用限度額")).toHaveText("500,000円");
  await expect(page.getByRole("link", { name: "限度額変更のお申込み: 承認" })).toBeVisible();
});

test("each rule is shown at its field, what was typed stays, and the proof is asked for with its reason", async ({ page }) => {
  await openLimit(page, "1234567890123456", "4321");
  await page.getByLabel("希望限度額").fill("305000");
  await page.getByLabel("年収").fill("たくさん");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.getByLabel("希望限度額")).toBeFocused();
  await expect(page.locator("#desired-line-error")).toHaveText("希望限度額は1万円単位で入力してください。");
  await expect(page.locator("#annual-income-error")).toHaveText("年収は数字で入力してください（例: 500000）。");
  await expect(page.locator("#other-borrowing-error")).toHaveText("他社借入額を入力してください。");
  await expect(page.locator("#employment-error")).toHaveText("雇用形態を選択してください。");
  await expect(page.getByLabel("希望限度額")).toHaveValue("305000");
  await expectNoAxeViolations(page);
  await page.getByLabel("希望限度額").fill("200000");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.locator("#desired-line-error")).toContainText("現在のご利用限度額（300,000円）より大きい金額");
  // Over 500,000 yen: the income proof, and why.
  await fillIncrease(page, "600000", "3000000", "0");
  await expect(page.getByText("希望限度額が50万円を超えるため、収入証明書")).toBeVisible();
  await expect(page.getByRole("button", { name: "収入証明書の提出へ" })).toBeVisible();
  // 400,000 with 700,000 elsewhere: the total is over a million.
  await page.getByLabel("希望限度額").fill("400000");
  await page.getByLabel("他社借入額").fill("700000");
  await expect(page.getByText("希望限度額と他社借入額の合計が100万円を超えるため")).toBeVisible();
});

test("an increase over 500,000 yen takes the income proof inside the request; 書類不備 asks for it again and a new proof reopens the review", async ({ page, request }) => {
  test.setTimeout(60_000);
  await openLimit(page, "1234567890123456", "4321");
  await fillIncrease(page, "600000", "3000000", "0");
  await page.getByRole("button", { name: "収入証明書の提出へ" }).click();
  await expect(page).toHaveURL(/\/limit\/proof$/);
  await expect(page.getByRole("heading", { name: "収入証明書の提出" })).toBeFocused();
  await page.getByLabel("ファイルを選択").setInputFiles([pdf("gensen.pdf")]);
  await expect(page.locator("ol.doc-pages > li")).toHaveCount(1);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "送信", exact: true }).click();

  // The proof is received, and the review shows its reception number.
  await expect(page.getByRole("heading", { name: "お申込み内容の確認" })).toBeVisible();
  await expect(page).toHaveURL(/\/limit$/);
  await expect(fact(page, "収入証明書の提出")).toHaveText(/^収入証明書を受け付けました（受付番号 D\d+）。$/);
  await expect(fact(page, "希望限度額")).toHaveText("600,000円");
  await page.getByRole("button", { name: "申し込む" }).click();
  await expect(page.getByRole("heading", { name: "お申込みを受け付けました" })).toBeFocused();
  await expect(fact(page, "審査状況")).toHaveText("審査中");
  const received = await mailbox(page, request);
  expect(received.some((m) => m.subject === "書類提出受付のお知らせ")).toBe(true);
  expect(received.some((m) => m.subject === "限度額変更のお申込み受付のお知らせ")).toBe(true);

  // The reviewer finds the proof unreadable: 書類不備, with a notice.
  await decideReviews(page, request, "ask_for_documents");
  await page.reload();
  await expect(fact(page, "審査状況")).toHaveText("書類不備");
  await expect(fact(page, "ご利用限度額")).toHaveText("300,000円");
  expect((await mailbox(page, request)).some((m) => m.subject === "限度額変更の書類不備のお知らせ")).toBe(true);

  // A new income proof from the documents page sends the request back to review.
  await page.goto("/documents");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("書類提出");
  await page.getByRole("radio", { name: "収入証明書" }).check();
  await page.getByLabel("ファイルを選択").setInputFiles([pdf("kyuyo.pdf")]);
  await page.getByRole("button", { name: "送信", exact: true }).click();
  await expect(page.locator(".uploader .receipt")).toContainText(/D\d{11}/);
  await page.goto("/limit");
  await expect(fact(page, "審査状況")).toHaveText("審査中");
});

test("the proof step has its own address: Back returns to the form as typed, and a reload there keeps the form and the step", async ({ page }) => {
  await openLimit(page, "1234567890123456", "4321");
  await fillIncrease(page, "600000", "3000000", "0");
  await page.getByRole("button", { name: "収入証明書の提出へ" }).click();
  await expect(page).toHaveURL(/\/limit\/proof$/);
  const step = page.getByRole("heading", { name: "収入証明書の提出" });
  await expect(step).toBeFocused();

  // Back: the form, with what was typed.
  await page.goBack();
  await expect(page).toHaveURL(/\/limit$/);
  await expect(step).toHaveCount(0);
  await expect(page.getByLabel("希望限度額")).toHaveValue("600000");
  await expect(page.getByLabel("勤務先名")).toHaveValue("株式会社見本商事");
  await expect(page.getByLabel("希望限度額")).toBeFocused();
  // Forward: the step again.
  await page.goForward();
  await expect(page).toHaveURL(/\/limit\/proof$/);
  await expect(step).toBeVisible();

  // A reload on the step (a phone that dropped the tab while its camera
  // app was open) comes back to the step, the form kept in this tab.
  await page.reload();
  await expect(step).toBeVisible();
  await page.getByLabel("ファイルを選択").setInputFiles([pdf("gensen.pdf")]);
  await page.getByRole("button", { name: "送信", exact: true }).click();
  await expect(page.getByRole("heading", { name: "お申込み内容の確認" })).toBeVisible();
  await expect(page).toHaveURL(/\/limit$/);
  await expect(fact(page, "希望限度額")).toHaveText("600,000円");
  await expect(fact(page, "勤務先名")).toHaveText("株式会社見本商事");
  // 修正する from the review leads to the form, still as typed.
  await page.getByRole("button", { name: "修正する" }).click();
  await expect(page.getByLabel("年収")).toHaveValue("3000000");

  // The step's address with nothing typed in this tab opens the form.
  await page.evaluate(() => sessionStorage.removeItem("portal.limit-draft"));
  await page.goto("/limit/proof");
  await expect(page).toHaveURL(/\/limit$/);
  await expect(page.getByLabel("希望限度額")).toHaveValue("");
  await expect(step).toHaveCount(0);
});

test("the demo can refuse a review at once, and the line stays", async ({ page, request }) => {
  await openLimit(page, "1234567890123456", "4321");
  await fillIncrease(page, "400000", "3000000", "0");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "申し込む" }).click();
  await expect(page.getByRole("heading", { name: "お申込みを受け付けました" })).toBeVisible();
  await decideReviews(page, request, "refuse");
  await page.reload();
  await expect(fact(page, "審査状況")).toHaveText("否決");
  await expect(fact(page, "ご利用限度額")).toHaveText("300,000円");
  await expect(page.locator("main").getByText("今回はご希望に添えませんでした")).toBeVisible();
  const mails = await mailbox(page, request);
  expect(mails.some((m) => m.subject === "限度額変更の審査結果のお知らせ" && m.body.includes("ご希望に添えませんでした"))).toBe(true);
});

test("a request on Friday evening is received and waits for Monday, whose result time is shown", async ({ page }) => {
  await page.clock.setSystemTime(new Date("2026-11-27T20:00:00+09:00"));
  await openLimit(page, "1234567890123456", "4321");
  await fillIncrease(page, "400000", "3000000", "0");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "申し込む" }).click();
  await expect(fact(page, "審査状況")).toHaveText("受付");
  await expect(fact(page, "審査結果のご連絡予定")).toContainText("2026年11月30日 18:00");
});

test("a decrease applies at once, never below the balance, with its warning and notice", async ({ page, request }) => {
  await openLimit(page, "1234567890", "1234");
  await page.getByLabel("変更後の限度額").fill("100000");
  await page.getByRole("button", { name: "減額内容の確認へ" }).click();
  await expect(page.locator("#new-line-error")).toHaveText("ご利用残高があるため、150,000円以上で入力してください。");
  await page.getByLabel("変更後の限度額").fill("３００，０００");
  await page.getByRole("button", { name: "減額内容の確認へ" }).click();
  await expect(page.getByRole("heading", { name: "お申込み内容の確認" })).toBeFocused();
  await expect(page.getByText("減額した限度額を再び増やすには、あらためて審査が必要です。").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "減額する" }).click();
  await expect(page.getByText("ご利用限度額を500,000円から300,000円に変更しました。")).toBeVisible();
  const mails = await mailbox(page, request);
  expect(mails.some((m) => m.subject === "ご利用限度額変更（減額）のお知らせ")).toBe(true);
  await page.goto("/home");
  await expect(new HomePage(page).figure("ご利用限度額")).toHaveText("300,000円");
  await expect(new HomePage(page).figure("ご利用可能額")).toHaveText("150,000円");
});

test("the credit-line page is axe-clean in English", async ({ page }) => {
  await openLimit(page, "1234567890", "1234");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change credit line");
  await expect(page.getByLabel("Desired credit line")).toBeVisible();
  await expectNoAxeViolations(page);
});
