import { test, expect, BACKEND, WEDNESDAY_NOON_JST } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";

async function signIn(page) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard("1234567890", "1234");
  const home = new HomePage(page);
  await home.expectLoaded();
  return home;
}

test("sign-out clears the account and the back button shows nothing of it", async ({ page }) => {
  const home = await signIn(page);
  await home.signOut();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("ログアウトしました。")).toBeVisible();
  // History now holds the sign-in page twice; going back never reaches
  // the account, whatever the entry.
  await page.goBack();
  await expect(page).not.toHaveURL(/\/home$/);
  await expect(page.getByText("150,000円")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "ログアウト" })).toHaveCount(0);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
});

test("nothing secret is kept in browser storage, and script never sees a session token", async ({ page }) => {
  await signIn(page);
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
  for (const stored of [local, session]) {
    expect(stored).not.toContain("\"1234\"");
    expect(stored).not.toContain("Passw0rd");
  }
  expect(local).not.toMatch(/token/i);
  if (BACKEND === "fake") {
    // The demo's token lives in this tab's sessionStorage only (it ends
    // with the tab); localStorage, which outlives the tab, never holds it.
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem("portal.fake-session") ?? "{}").token);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(local).not.toContain(token);
  }
  if (BACKEND === "http") {
    // The lender's session is an HttpOnly cookie: invisible to script, and
    // sessionStorage holds only this tab's "signed in" marker.
    expect(await page.evaluate(() => document.cookie)).not.toContain("portal_session");
    expect(session).not.toMatch(/[0-9a-f]{32}/);
  }
});

test("a reload keeps the member signed in; sign-out then reload does not", async ({ page }) => {
  await signIn(page);
  await page.reload();
  const home = new HomePage(page);
  await home.expectLoaded();
  await expect(home.figure("ご利用残高")).toHaveText("150,000円");
  await home.signOut();
  await expect(page).toHaveURL(/\/login$/);
  await page.reload();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("150,000円")).toHaveCount(0);
});

test("a new tab is not signed in by another tab's session", async ({ page, context }) => {
  await signIn(page);
  const other = await context.newPage();
  await other.clock.install({ time: WEDNESDAY_NOON_JST });
  await other.goto("/home");
  await expect(other).toHaveURL(/\/login$/);
  await expect(other.getByText("150,000円")).toHaveCount(0);
  await other.close();
});

test("inactivity: a warning after 9 minutes, continue keeps the session", async ({ page }) => {
  await signIn(page);
  await page.clock.fastForward("08:50");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await page.clock.fastForward("00:20");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "ログインを継続する" })).toBeFocused();
  // Focus stays inside the dialog.
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "ログインを継続する" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "ログインを継続する" })).toBeFocused();
  await dialog.getByRole("button", { name: "ログインを継続する" }).click();
  await expect(dialog).toHaveCount(0);
  // Let the keep-alive request reach the lender before jumping ahead.
  await page.clock.runFor(1000);
  await page.clock.fastForward("05:00");
  await expect(page).toHaveURL(/\/home$/);
  await expect(new HomePage(page).figure("ご利用残高")).toHaveText("150,000円");
});

test("inactivity: signed out after 10 minutes with a message", async ({ page }) => {
  await signIn(page);
  await page.clock.fastForward("09:30");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.clock.fastForward("00:40");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("一定時間操作がなかったため、ログアウトしました。")).toBeVisible();
  await expect(page.getByText("150,000円")).toHaveCount(0);
});

test("an unknown route gets a proper not-found page", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "ページが見つかりません" })).toBeVisible();
});

test("a member page opened without a session comes back after sign-in", async ({ page }) => {
  await page.goto("/history");
  await expect(page).toHaveURL(/\/login\?next=\/history$/);
  await new LoginPage(page).signInWithCard("1234567890", "1234");
  await expect(page).toHaveURL(/\/history$/);
  await expect(page.getByRole("heading", { level: 1, name: "取引履歴" })).toBeFocused();
});

test("sign-in follows only member pages of the route list", async ({ page }) => {
  for (const next of ["https://evil.example/home", "//evil.example", "/simulator", "/nowhere"]) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await new LoginPage(page).signInWithCard("1234567890", "1234");
    await expect(page).toHaveURL(/\/home$/);
    await page.getByRole("button", { name: "ログアウト" }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
});
