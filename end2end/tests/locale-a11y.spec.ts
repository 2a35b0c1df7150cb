import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";

test("English is switchable on every page and remembered", async ({ page }) => {
  await new LoginPage(page).goto();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Member sign-in");
  await expect(page.getByLabel("Card number")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Member sign-in");
  await page.getByRole("tab", { name: "I use a WEB-ID" }).click();
  await page.getByLabel("WEB-ID", { exact: true }).fill("demo0001");
  await page.getByLabel("Password", { exact: true }).fill("Passw0rd");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Member home");
  await expect(page.locator(".figure-main dd")).toHaveText("¥480,000");
  await page.getByRole("button", { name: "日本語" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(new HomePage(page).figure("ご利用残高")).toHaveText("480,000円");
});

for (const locale of ["ja", "en"] as const) {
  test.describe(`axe scans in ${locale}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
    });

    test("sign-in, with errors shown", async ({ page }) => {
      await page.goto("/login");
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page);
      await page.locator("form:visible button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("home", async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel(locale === "ja" ? "カード番号" : "Card number").fill("1234567890");
      await page.locator("#pin").fill("1234");
      await page.locator("form:visible button[type=submit]").click();
      await expect(page).toHaveURL(/\/home$/);
      await expect(page.locator(".figure-main dd")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("not found", async ({ page }) => {
      await page.goto("/nowhere");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });

  test.describe(`axe scan of maintenance in ${locale}`, () => {
    test.use({ at: new Date("2026-11-30T03:00:00+09:00") });
    test("maintenance", async ({ page }) => {
      await page.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
      await page.goto("/maintenance");
      await expect(page.locator(".notice-warning")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
