import { test, expect, BACKEND } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";
import { TransferPage } from "./pages/transfer-page";

// Each page's code and words arrive in a wasm chunk of its own (README
// "Pages as chunks"): these journeys check what a member would notice when
// that goes wrong, and that nothing is fetched twice or for nothing.

const wasmFiles = (urls: string[]) =>
  urls.map((u) => new URL(u).pathname).filter((p) => p.endsWith(".wasm"));

test("a page whose chunk cannot be fetched offers a retry that works once the network is back", async ({ page }) => {
  let blocked = true;
  await page.route(/\/split_simulator-[0-9a-f]+\.wasm$/, (route) =>
    blocked ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.goto("/simulator");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("このページを読み込めませんでした");
  await expect(page.getByRole("heading", { level: 1, name: "返済シミュレーション" })).toBeVisible();

  // The rest of the app keeps working: the language switch still switches.
  await page.getByRole("button", { name: "English" }).click();
  await expect(alert).toContainText("This page could not be loaded");
  await page.getByRole("button", { name: "日本語" }).click();

  blocked = false;
  await page.getByRole("button", { name: "再試行" }).click();
  await expect(page.getByLabel("借入金額")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("navigating through every page loads each chunk once", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await new LoginPage(page).goto();
  await new LoginPage(page).signInWithCard("1234567890", "1234");
  await new HomePage(page).expectLoaded();
  // Idle prefetching fetches the member pages' chunks once the first page
  // is interactive; wait for the last page's chunk to be in.
  await expect
    .poll(() => wasmFiles(requested).some((p) => p.includes("split_maintenance")), { timeout: 15_000 })
    .toBe(true);

  await page.getByRole("link", { name: "取引履歴の確認" }).click();
  await expect(page.locator(".showing")).toContainText("件");
  await page.goBack();
  await new HomePage(page).expectLoaded();
  await page.getByRole("link", { name: "返済シミュレーション" }).click();
  await expect(page.getByLabel("借入金額")).toBeVisible();
  await page.goBack();
  await page.getByRole("link", { name: "ヘルプ・お問い合わせ" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ヘルプ・お問い合わせ" })).toBeVisible();

  const files = wasmFiles(requested);
  const duplicates = files.filter((f, i) => files.indexOf(f) !== i);
  expect(duplicates).toEqual([]);
  for (const chunk of ["login", "home", "history", "simulator", "help", "maintenance"]) {
    expect(files.some((f) => f.includes(`/split_${chunk}-`)), chunk).toBe(true);
  }
  expect(files.some((f) => f.includes("/split_fake_lender-"))).toBe(BACKEND === "fake");
});

test("the sign-in page fetches the fake lender only when the configuration selects it", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  await new LoginPage(page).goto();
  // The demo member list exists only with the fake lender.
  await expect(page.getByRole("heading", { name: "デモ会員（デモ環境のみ）" })).toHaveCount(BACKEND === "fake" ? 1 : 0);
  const fake = wasmFiles(requested).filter((f) => f.includes("fake_lender"));
  if (BACKEND === "http") {
    expect(fake).toEqual([]);
  } else {
    expect(fake.length).toBe(1);
  }
  // index.html preloads the configuration while the main module downloads;
  // the app's own fetch of it is answered by that preload, not sent again.
  await expect(page.locator('link[rel="preload"][href="/config.json"]')).toHaveCount(1);
  expect(requested.filter((u) => new URL(u).pathname === "/config.json")).toHaveLength(1);
});

test("a member without a payee account is sent to register one, whose form arrives only then, with a retry if it cannot be fetched", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (r) => requested.push(r.url()));
  let blocked = true;
  const form = /\/split_settings_payee_account-[0-9a-f]+\.wasm$/;
  await page.route(form, (route) => (blocked ? route.abort("internetdisconnected") : route.continue()));
  // The 10-digit card member has an account: the transfer form, and no
  // payee form fetched.
  const transfer = new TransferPage(page);
  await transfer.open();
  await expect(transfer.amount).toBeVisible();
  expect(wasmFiles(requested).filter((f) => form.test(f))).toEqual([]);

  // The 16-digit card member has none: /transfer sends them to the
  // settings page that registers it, whose chunk is fetched only now; when
  // it cannot be, that page says so under its own heading and retries.
  await new HomePage(page).signOut();
  await transfer.openWithoutAccount();
  await expect(page.getByRole("alert")).toContainText("このページを読み込めませんでした");
  blocked = false;
  await page.getByRole("button", { name: "再試行" }).click();
  await expect(page.getByText("ご本人名義の振込先口座の登録が必要です")).toBeVisible();
  await expect(page.getByRole("group", { name: "金融機関" })).toBeVisible();
  await expect(page.getByLabel("口座番号")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
