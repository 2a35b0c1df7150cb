import { Page } from "@playwright/test";
import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { chooseInstitution } from "./pages/repay-page";
import { mailbox } from "./controls";

// The settings page (SPEC S12): what is registered, and the sections built
// by the settings page itself (repayment date, payee account). Each change
// is reviewed, says what changed and sends a notice e-mail. The sections of
// address, employer, card, e-mail and WEB-ID have specs of their own.

async function openSettings(page: Page, signIn: (login: LoginPage) => Promise<void>) {
  const login = new LoginPage(page);
  await login.goto();
  await signIn(login);
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "各種設定の変更" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "各種設定の変更" })).toBeFocused();
}

const row = (page: Page, title: string) =>
  page.locator(".settings-row", { has: page.getByRole("link", { name: title, exact: true }) }).locator(".settings-value");

const changeRow = (page: Page, label: string) => page.locator(".change-table tbody tr", { has: page.locator(`th:text-is("${label}")`) });

test("the settings page lists what the WEB-ID member has registered, each with its way to change it", async ({ page }) => {
  await openSettings(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
  // Due on the 5th: Saturday 2026-12-05 moves to Monday the 7th.
  await expect(row(page, "ご返済日の変更")).toHaveText("毎月5日（次回のご返済日 2026年12月7日）");
  await expect(row(page, "メールアドレスの登録・変更")).toHaveText("demo0001@example.com");
  await expect(row(page, "WEB-ID・パスワードの登録・変更")).toHaveText("demo0001");
  await expect(row(page, "ご住所の変更")).toHaveText("未登録");
  await expect(page.getByRole("link", { name: "ご返済日お知らせメール", exact: true })).toHaveAttribute("href", "/reminders");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(row(page, "Repayment date")).toHaveText("The 5th of each month (next repayment date 7 Dec 2026)");
  await expectNoAxeViolations(page);
});

test("the repayment date moves to the 15th, shown before it is confirmed, and home and the mailbox follow", async ({ page, request }) => {
  await openSettings(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
  await page.getByRole("link", { name: "ご返済日の変更" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ご返済日の変更" })).toBeFocused();
  await expect(page.getByRole("radio", { name: "毎月5日（現在）" })).toBeChecked();
  await page.getByRole("radio", { name: "毎月15日" }).check();
  await expect(page.getByText("変更後の次回のご返済日: 2026年12月15日")).toBeVisible();
  // The last day of December falls in the year-end closure: January 4.
  await page.getByRole("radio", { name: "毎月末日" }).check();
  await expect(page.getByText("変更後の次回のご返済日: 2027年1月4日")).toBeVisible();
  await page.getByRole("radio", { name: "毎月15日" }).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "確認画面へ" }).click();
  await expect(page.getByRole("heading", { name: "変更内容の確認" })).toBeFocused();
  await expect(changeRow(page, "ご返済日").locator("td")).toHaveText(["毎月5日", "毎月15日"]);
  await expect(changeRow(page, "次回のご返済日").locator("td")).toHaveText(["2026年12月7日", "2026年12月15日"]);
  await expectNoAxeViolations(page);
  // Back to the form keeps the choice.
  await page.getByRole("button", { name: "修正する" }).click();
  await expect(page.getByRole("radio", { name: "毎月15日" })).toBeChecked();
  await page.getByRole("button", { name: "確認画面へ" }).click();
  // A double click changes it once.
  // (Focus goes to the result's heading, unless the second click of a fast
  // answer lands on the result itself, so only its arrival is asserted.)
  await page.getByRole("button", { name: "変更する" }).dblclick();
  await expect(page.getByRole("heading", { name: "変更しました" })).toBeVisible();
  await expect(page.getByText("お知らせメールをお送りしました")).toBeVisible();
  const mails = (await mailbox(page, request)).filter((m) => m.subject === "ご返済日変更のお知らせ");
  expect(mails).toHaveLength(1);
  expect(mails[0].to).toBe("demo0001@example.com");
  expect(mails[0].body).toContain("変更後: 毎月15日");
  expect(mails[0].body).toContain("2026年12月15日");

  await page.getByRole("link", { name: "各種設定の変更に戻る" }).click();
  await expect(row(page, "ご返済日の変更")).toHaveText("毎月15日（次回のご返済日 2026年12月15日）");
  await page.goto("/home");
  await expect(new HomePage(page).figure("次回ご返済日")).toContainText("2026年12月15日");
});

test("the overdue member is told why the repayment date cannot change", async ({ page }) => {
  await openSettings(page, (l) => l.signInWithWebId("overdue01", "Overdue2024"));
  await page.getByRole("link", { name: "ご返済日の変更" }).click();
  await expect(page.getByRole("alert")).toContainText("お支払いが遅れているため、ご返済日は変更できません");
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a card member registers a payee account from the settings, after reviewing it", async ({ page, request }) => {
  await openSettings(page, (l) => l.signInWithCard("1234567890123456", "4321"));
  await page.getByRole("link", { name: "振込先口座の登録・変更" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "振込先口座の登録・変更" })).toBeFocused();
  await expect(page.getByText("振込先口座は登録されていません。")).toBeVisible();
  await chooseInstitution(page, "みずほ", "みずほ");
  await page.getByLabel("支店", { exact: true }).fill("001");
  await page.getByRole("button", { name: "東京営業部", exact: true }).click();
  await page.getByLabel("口座番号").fill("7654321");
  await page.getByLabel("口座名義（カナ）").fill("みほん じろう");
  await page.getByRole("button", { name: "この口座を登録する" }).click();
  await expect(page.getByRole("heading", { name: "この口座を登録しますか" })).toBeFocused();
  await expect(page.getByText("ミホン　ジロウ", { exact: true })).toBeVisible();
  await expect(page.getByText("普通 7654321")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この口座を登録する" }).click();
  await expect(page.getByText("振込先口座を登録しました。")).toBeVisible();
  await expect(page.getByText("***4321")).toBeVisible();
  const mails = await mailbox(page, request);
  expect(mails.some((m) => m.subject.includes("振込先口座登録のお知らせ") && m.to === "card3456@example.com")).toBe(true);
});

test("a settings section opened by its address without a session comes back to it after sign-in", async ({ page }) => {
  await page.goto("/settings/repayment-date");
  await expect(page).toHaveURL(/\/login\?next=\/settings\/repayment-date$/);
  await new LoginPage(page).signInWithWebId("demo0001", "Passw0rd");
  await expect(page.getByRole("heading", { level: 1, name: "ご返済日の変更" })).toBeVisible();
  await page.goto("/settings/nowhere");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("各種設定の変更");
});
