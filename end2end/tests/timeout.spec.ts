import { test, expect, BACKEND } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// The HTTP backend's timeout covers the whole response: an answer whose
// body stalls halfway ends in the timeout message, not an endless spinner.
// The reference server stalls a body on request (X-Test-Stall-Body, test
// controls only), so this runs against it.
test("an answer whose body stalls halfway ends in the timeout message", async ({ page }) => {
  test.skip(BACKEND !== "http", "the stall is made by the reference server");
  await page.route("**/config.json", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ backend: "http", base_url: "/api/v1", test_clock: true, timeout_ms: 2000 }),
    }),
  );
  await page.route("**/api/v1/account/summary", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-test-stall-body": "1" } }),
  );
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard("1234567890", "1234");
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("alert")).toContainText("応答に時間がかかっています", { timeout: 15_000 });
  await expect(page.locator(".loading")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "再読み込み" })).toBeVisible();
});
