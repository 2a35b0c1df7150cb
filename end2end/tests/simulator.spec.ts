import { test, expect, expectNoAxeViolations } from "./fixtures";
import { Page } from "@playwright/test";

// The figures are the domain's own: crates/domain/src/schedule.rs pins the same
// cases in `simulator_table` (start date 2026-11-25, the fixtures' clock).

function figure(page: Page, label: string) {
  return page.locator(".figure", { has: page.locator("dt", { hasText: label }) }).locator("dd");
}

test("the published case: 100,000円 at 17.8% with the 4,000円 minimum", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("借入金額").fill("100000");
  await page.getByLabel("実質年率").fill("17.8");
  // The default monthly payment is the minimum repayment for the amount.
  await expect(page.getByLabel("毎月の返済額")).toHaveValue("4,000");
  await page.getByRole("button", { name: "計算する" }).click();
  await expect(figure(page, "返済回数")).toHaveText("32回");
  await expect(figure(page, "利息合計")).toHaveText("25,822円");
  await expect(figure(page, "返済総額")).toHaveText("125,822円");
  const rows = page.locator("table.schedule tbody tr");
  await expect(rows).toHaveCount(32);
  await expect(rows.first()).toContainText("2026年12月25日");
  // First month: 30 days of interest, the worked example of the help text.
  await expect(rows.first().locator("td").nth(2)).toHaveText("1,463円");
  await expect(rows.last().locator("td").nth(1)).toHaveText("1,822円");
  await expect(rows.last().locator("td").nth(4)).toHaveText("0円");
  await expect(page.getByRole("img", { name: /残高の推移/ })).toBeVisible();
});

test("by number of payments: 500,000円 at 15.0% within 24 payments", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("借入金額").fill("５００，０００");
  await page.getByLabel("実質年率").fill("15.0");
  await page.getByLabel("返済回数").fill("24");
  await expect(page.getByRole("radio", { name: "回数を決めて計算" })).toBeChecked();
  await expect(figure(page, "返済回数")).toHaveText("24回");
  await expect(figure(page, "毎月の返済額")).toHaveText("25,000円");
  await expect(figure(page, "利息合計")).toHaveText("78,822円");
  await expect(figure(page, "返済総額")).toHaveText("578,822円");
  await expect(page.locator("table.schedule tbody tr")).toHaveCount(24);
});

test("a payment that never covers the interest says so, keeping the input", async ({ page }) => {
  await page.goto("/simulator");
  await page.getByLabel("借入金額").fill("5000000");
  await page.getByLabel("毎月の返済額").fill("1000");
  const payment = page.getByLabel("毎月の返済額");
  await expect(payment).toHaveAccessibleDescription(/利息.*上回らず/);
  await expect(payment).toHaveValue("1000");
  await expect(page.locator("table.schedule")).toHaveCount(0);
  await page.getByLabel("実質年率").fill("25");
  await expect(page.getByLabel("実質年率")).toHaveAccessibleDescription(/4\.5～17\.8/);
});

test("the simulator works in English and is axe-clean at 360 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.addInitScript(() => localStorage.setItem("portal.locale", "en"));
  await page.goto("/simulator");
  await expect(figure(page, "Total interest")).toHaveText("¥25,822");
  await expectNoAxeViolations(page);
});

test("the simulator is axe-clean in Japanese", async ({ page }) => {
  await page.goto("/simulator");
  await expect(figure(page, "利息合計")).toBeVisible();
  await expectNoAxeViolations(page);
});
