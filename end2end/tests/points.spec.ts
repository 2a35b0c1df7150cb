import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { mailbox } from "./controls";

// The point service (SPEC S14): joining once, the monthly bonus in JST,
// and an exchange toward a repayment that shows in the history.

async function openPoints(page, signIn: (l: LoginPage) => Promise<void>) {
  const login = new LoginPage(page);
  await login.goto();
  await signIn(login);
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "ポイントサービス" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ポイントサービス");
}

const balance = (page) => page.locator("#points-balance strong");

test("a member joins once: 100 points, and a second join gives nothing", async ({ page, request }) => {
  await openPoints(page, (l) => l.signInWithCard("1234567890", "1234"));
  await expect(page.getByRole("heading", { name: "ポイントサービスのご案内" })).toBeVisible();
  await expectNoAxeViolations(page);
  // A double click sends one join, and joining is harmless to repeat.
  await page.getByRole("button", { name: "ポイントサービスに入会する" }).dblclick();
  await expect(page.getByText("100ポイントを差し上げました")).toBeVisible();
  await expect(balance(page)).toHaveText("100ポイント");
  await expect(page.locator("table.points-history tbody tr")).toHaveCount(1);
  await expect(page.locator("table.points-history")).toContainText("入会特典");
  await page.reload();
  await expect(balance(page)).toHaveText("100ポイント");
  const mails = await mailbox(page, request);
  expect(mails.filter((m) => m.subject.includes("ポイントサービス入会")).length).toBe(1);
  await expectNoAxeViolations(page);
});

test.describe("across a month boundary in JST", () => {
  // Monday 2026-11-30 23:58 JST (after the Monday-morning window).
  test.use({ at: new Date("2026-11-30T23:58:00+09:00") });

  test("the first sign-in of December earns 10 points, the second nothing", async ({ page }) => {
    await openPoints(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
    await expect(balance(page)).toHaveText("1,250ポイント");
    await new HomePage(page).signOut();
    await page.clock.fastForward("03:00");
    await openPoints(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
    await expect(balance(page)).toHaveText("1,260ポイント");
    await expect(page.locator("table.points-history tbody tr").first()).toContainText("毎月の初回ログイン特典");
    await new HomePage(page).signOut();
    await openPoints(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
    await expect(balance(page)).toHaveText("1,260ポイント");
  });
});

test("points toward a repayment are booked once and show in the history", async ({ page }) => {
  await openPoints(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
  await expect(balance(page)).toHaveText("1,250ポイント");
  // Refused before any request: below the minimum, more than the balance.
  const field = page.getByLabel("充当するポイント数");
  await field.fill("50");
  await page.getByRole("button", { name: "返済に充当する" }).click();
  await expect(page.locator(".field", { has: field }).locator(".error")).toContainText("100ポイント以上");
  await field.fill("5000");
  await page.getByRole("button", { name: "返済に充当する" }).click();
  await expect(page.locator(".field", { has: field }).locator(".error")).toContainText("ポイントが足りません");
  await field.fill("１，０００");
  await page.getByRole("button", { name: "返済に充当する" }).click();
  await expect(page.getByRole("heading", { name: "交換内容の確認" })).toBeFocused();
  await expect(page.locator("dl.facts")).toContainText("250ポイント");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "交換を確定する" }).dblclick();
  const receipt = page.locator(".receipt");
  await expect(receipt).toContainText("受付番号");
  await expect(receipt).toContainText(/P\d{11}/);
  await expect(receipt).toContainText("返済後残高");
  await expect(balance(page)).toHaveText("250ポイント");
  await expect(page.locator("table.points-history tbody tr")).toHaveCount(2);

  await page.goto("/history");
  await expect(page.getByRole("cell", { name: "ポイント充当" }).first()).toBeVisible();
});

test("goods cost their price; the points page is axe-clean in English", async ({ page }) => {
  await openPoints(page, (l) => l.signInWithWebId("demo0001", "Passw0rd"));
  await page.getByRole("button", { name: "デジタルギフト1,000円分 交換する" }).click();
  await page.getByRole("button", { name: "交換を確定する" }).click();
  await expect(page.locator(".receipt")).toContainText("デジタルギフト1,000円分");
  await expect(balance(page)).toHaveText("250ポイント");
  await page.getByRole("button", { name: "ポイント交換に戻る" }).click();
  await page.getByRole("button", { name: "オリジナルエコバッグ 交換する" }).click();
  await expect(page.getByRole("alert")).toContainText("ポイントが足りません");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Points");
  await expectNoAxeViolations(page);
});
