import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { mailbox } from "./controls";

// The repayment reminder e-mail (SPEC S13): the setting, the review, the
// saved change with its notice e-mail, and the next send time it implies
// from the member's due date (moved to a business day) in JST.

async function openReminders(page, id: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithWebId(id, password);
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "ご返済日お知らせメール" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ご返済日お知らせメール");
  await expect(page.getByRole("heading", { name: "現在の設定" })).toBeVisible();
}

const figure = (page, name: string) => page.locator("dl.facts div", { has: page.locator(`dt:text-is("${name}")`) }).locator("dd").first();

test("the WEB-ID member's reminder goes 3 days before the moved due date, and a change is saved and mailed", async ({ page, request }) => {
  await openReminders(page, "demo0001", "Passw0rd");
  // Due on the 5th: 2026-12-05 is a Saturday, so the due date is Monday the 7th.
  await expect(figure(page, "送信先メールアドレス")).toHaveText("demo0001@example.com");
  await expect(figure(page, "次回のご返済日")).toHaveText("2026年12月7日");
  await expect(figure(page, "次回の送信予定")).toContainText("2026年12月4日");
  await expect(figure(page, "次回の送信予定")).toContainText("9:00");
  await expectNoAxeViolations(page);

  await page.getByRole("radio", { name: "返済日の1日前" }).check();
  await page.getByLabel("送信時刻").selectOption("20");
  await expect(page.getByText("次回の送信予定: ")).toContainText("2026年12月6日");
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.getByRole("heading", { name: "設定内容の確認" })).toBeFocused();
  await expect(page.getByText("変更前: 受け取る・返済日の3日前・9:00 → 変更後: 受け取る・返済日の1日前・20:00")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この内容で設定する" }).click();
  await expect(page.getByRole("heading", { name: "設定を変更しました" })).toBeVisible();
  await expect(figure(page, "次回の送信予定")).toContainText("2026年12月6日");
  await expect(figure(page, "次回の送信予定")).toContainText("20:00");
  const mails = await mailbox(page, request);
  const notice = mails.find((m) => m.subject.includes("お知らせメールの設定変更"));
  expect(notice?.to).toBe("demo0001@example.com");
  expect(notice?.body).toContain("1日前");

  // Off: nothing planned; the setting survives a reload.
  await page.getByRole("button", { name: "設定を続けて変更する" }).click();
  await page.getByRole("radio", { name: "受け取らない" }).check();
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await page.getByRole("button", { name: "この内容で設定する" }).click();
  await expect(figure(page, "次回の送信予定")).toHaveText("送信予定はありません");
  await page.reload();
  await expect(figure(page, "次回の送信予定")).toHaveText("送信予定はありません");
  await expect(page.getByRole("radio", { name: "受け取らない" })).toBeChecked();
});

test("a member without a balance has no due date to be reminded of", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard("1234567890123456", "4321");
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "ご返済日お知らせメール" }).click();
  await expect(figure(page, "次回のご返済日")).toHaveText("—");
  await page.getByRole("radio", { name: "受け取る" }).check();
  await expect(page.getByText("現在お借入れがないため")).toBeVisible();
});

test("the reminder page is axe-clean in English", async ({ page }) => {
  await openReminders(page, "demo0001", "Passw0rd");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Repayment reminder e-mail");
  await expect(page.getByRole("radio", { name: "3 days before" })).toBeChecked();
  await expectNoAxeViolations(page);
});
