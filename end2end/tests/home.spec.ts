import { test, expect } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { injectFault } from "./controls";

test("the service links stay where they are while the figures load", async ({ page, request }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard("1234567890", "1234");
  const home = new HomePage(page);
  await home.expectLoaded();
  await page.getByRole("link", { name: "ヘルプ・お問い合わせ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ヘルプ・お問い合わせ" })).toBeVisible();
  // The figures will take a few seconds to come back this time.
  await injectFault(page, request, "slow", 2);
  await page.goBack();
  await expect(page.getByRole("status").filter({ hasText: "読み込み中" })).toBeVisible();
  const links = page.getByRole("navigation", { name: "各種サービス" });
  const whileLoading = await links.boundingBox();
  await home.expectLoaded();
  const loaded = await links.boundingBox();
  expect(whileLoading).not.toBeNull();
  expect(loaded).not.toBeNull();
  // A tap aimed at a link while the figures load still lands on it.
  expect(Math.abs(loaded!.y - whileLoading!.y)).toBeLessThan(16);
});
