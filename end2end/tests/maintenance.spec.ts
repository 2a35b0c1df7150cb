import { test, expect, BACKEND } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";

test.describe("Monday 03:00 JST: the weekly window", () => {
  test.use({ at: new Date("2026-11-30T03:00:00+09:00") });
  test("sign-in shows the maintenance page naming when it ends", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveURL(/\/maintenance$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("メンテナンス");
    await expect(page.getByText("終了予定: 2026年11月30日 07:00")).toBeVisible();
  });

  test("when the window ends, sign-in is open again", async ({ page }) => {
    await page.goto("/maintenance");
    await page.clock.fastForward("04:01:00");
    await expect(page.getByText("現在、メンテナンスは行っていません。")).toBeVisible();
    await page.goto("/login");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("New Year's Day", () => {
  test.use({ at: new Date("2027-01-01T15:00:00+09:00") });
  test("the member service is down all day", async ({ page }) => {
    await page.goto("/home");
    await expect(page).toHaveURL(/\/maintenance$/);
    await expect(page.getByText("終了予定: 2027年1月2日 00:00")).toBeVisible();
  });
});

test.describe("Sunday 08:00 JST: the day before a window", () => {
  test.use({ at: new Date("2026-11-29T08:00:00+09:00") });
  test("a banner warns within 24 hours and sign-in still works", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expect(page.getByRole("status").filter({ hasText: "メンテナンスのお知らせ" })).toContainText("2026年11月30日 00:00");
    await login.signInWithWebId("demo0001", "Passw0rd");
    await new HomePage(page).expectLoaded();
  });
});

test.describe("a window that begins while signed in", () => {
  test.use({ at: new Date("2026-11-29T23:55:00+09:00") });
  test("ends the session and shows the maintenance page", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithWebId("demo0001", "Passw0rd");
    await new HomePage(page).expectLoaded();
    await page.clock.fastForward("06:00");
    await expect(page).toHaveURL(/\/maintenance$/);
    await expect(page.getByText("480,000円")).toHaveCount(0);
  });
});

test.describe("Wednesday noon", () => {
  test("no banner far from any window", async ({ page }) => {
    await new LoginPage(page).goto();
    await expect(page.getByText("メンテナンスのお知らせ")).toHaveCount(0);
  });
});

test.describe("maintenance the lender declares while a member is signed in", () => {
  test.skip(BACKEND !== "http", "only the reference server's test controls can declare it");
  test("the next signed-in request (503) sends the member to the maintenance page", async ({ page, request }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithWebId("demo0001", "Passw0rd");
    await new HomePage(page).expectLoaded();
    const declared = await request.put("/api/v1/test/maintenance", {
      data: { unscheduled: { start: "2026-11-25T11:00:00", end: "2026-11-25T18:00:00" } },
    });
    expect(declared.status()).toBe(204);
    await page.getByRole("link", { name: "取引履歴の確認" }).click();
    await expect(page).toHaveURL(/\/maintenance$/);
    await expect(page.getByText("終了予定: 2026年11月25日 18:00")).toBeVisible();
    await expect(page.getByText("480,000円")).toHaveCount(0);
  });
});
