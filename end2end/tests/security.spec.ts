import { test, expect } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";

// The served app carries a Content-Security-Policy without 'unsafe-inline'
// or 'unsafe-eval' for scripts (crates/server/src/assets.rs; the same in
// end2end/serve.mjs). Every page must run under it without one violation.

test("no page breaks the Content-Security-Policy", async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const response = await page.goto("/login");
  const policy = (await response?.headerValue("content-security-policy")) ?? "";
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const login = new LoginPage(page);
  await expect(page.getByRole("button", { name: "ログイン", exact: true })).toBeVisible();
  await login.signInWithCard("1234567890", "1234");
  await new HomePage(page).expectLoaded();
  for (const link of ["取引履歴の確認", "返済シミュレーション", "インターネット振込", "ヘルプ・お問い合わせ"]) {
    await page.getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goBack();
    await new HomePage(page).expectLoaded();
  }
  await page.goto("/maintenance");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
});
