import { test, expect } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HomePage } from "./pages/home-page";

test.describe("each demo member gets their outcome (SPEC S17)", () => {
  const members = [
    { who: "10-digit card member", card: "1234567890", pin: "1234", balance: "150,000円", line: "500,000円", available: "350,000円", minimum: "6,000円" },
    { who: "16-digit card member", card: "1234567890123456", pin: "4321", balance: "0円", line: "300,000円", available: "300,000円" },
    { who: "WEB-ID member", id: "demo0001", password: "Passw0rd", balance: "480,000円", line: "1,000,000円", available: "520,000円", minimum: "13,000円" },
    { who: "first-time member", id: "newmember01", password: "Welcome2024", balance: "0円", line: "500,000円", available: "500,000円" },
  ];
  for (const m of members) {
    test(`${m.who} reaches home with their figures`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      if (m.card) await login.signInWithCard(m.card, m.pin!);
      else await login.signInWithWebId(m.id!, m.password!);
      const home = new HomePage(page);
      await home.expectLoaded();
      await expect(home.figure("ご利用残高")).toHaveText(m.balance);
      await expect(home.figure("ご利用限度額")).toHaveText(m.line);
      await expect(home.figure("ご利用可能額")).toHaveText(m.available);
      if (m.minimum) await expect(home.figure("約定返済額")).toHaveText(m.minimum);
      await expect(page.getByText(/前回ログイン日時/)).toBeVisible();
    });
  }

  test("the 10-digit card member's next due date is the 25th, shown in Japanese form", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithCard("1234567890", "1234");
    const home = new HomePage(page);
    await home.expectLoaded();
    await expect(home.figure("次回ご返済日")).toHaveText("2026年11月25日");
    // Seeded three days before: shown in JST although the browser is in Los Angeles.
    await expect(page.getByText("前回ログイン日時: 2026年11月22日 12:00")).toBeVisible();
  });

  test("overdue member sees an overdue warning", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithWebId("overdue01", "Overdue2024");
    await new HomePage(page).expectLoaded();
    await expect(page.getByRole("alert")).toContainText("12日過ぎています");
  });

  test("locked member is told about the security lock and how to unlock", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithCard("5555666677", "1111");
    await expect(login.alert).toContainText("ロック");
    await expect(login.alert).toContainText("自動契約機");
    await expect(login.alert).toContainText("返済");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("suspended member is refused with the support number", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithWebId("suspended01", "Suspend2024");
    await expect(login.alert).toContainText("停止");
    await expect(login.alert).toContainText("0120-000-123");
  });

  test("wrong credentials get one generic message that keeps what was typed", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signInWithCard("1234567890", "9999");
    await expect(login.alert).toContainText("ログインできませんでした");
    await expect(page.getByLabel("カード番号")).toHaveValue("1234567890");
    // An unknown card gets exactly the same words.
    const known = await login.alert.textContent();
    await login.signInWithCard("9999999999", "9999");
    await expect(login.alert).toHaveText(known ?? "");
  });
});

test("full-width and hyphenated card numbers are accepted with a note", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const card = page.getByLabel("カード番号");
  await card.pressSequentially("１２３４-５６７８ ９０");
  await expect(card).toHaveValue("1234-5678 90");
  await expect(page.getByText("全角の英数字を半角に変換しました。")).toBeVisible();
  await page.getByLabel("暗証番号", { exact: true }).fill("1234");
  await login.submit();
  await new HomePage(page).expectLoaded();
});

test("full-width WEB-ID is converted, case kept", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("tab", { name: "WEB-IDでログインのお客さま" }).click();
  await page.getByLabel("WEB-ID", { exact: true }).pressSequentially("ｄｅｍｏ０００１");
  await expect(page.getByLabel("WEB-ID", { exact: true })).toHaveValue("demo0001");
  await page.getByLabel("パスワード", { exact: true }).fill("Passw0rd");
  await login.submit();
  await new HomePage(page).expectLoaded();
});

test("input errors say 半角, sit next to their field and send nothing", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  let requests = 0;
  page.on("request", () => requests++);
  await page.getByLabel("カード番号").fill("12345");
  await page.getByLabel("暗証番号", { exact: true }).fill("１２３４");
  await login.submit();
  const pin = page.getByLabel("暗証番号", { exact: true });
  await expect(pin).toHaveAttribute("aria-invalid", "true");
  await expect(pin).toHaveAccessibleDescription(/半角/);
  await expect(page.getByLabel("カード番号")).toHaveAccessibleDescription(/10桁、または15～16桁/);
  await expect(page.locator(".error-summary[role=alert]")).toBeVisible();
  await expect(page.getByLabel("カード番号")).toBeFocused();
  expect(requests).toBe(0);
});

test("password rules: length and half-width, case-sensitive sign-in", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithWebId("demo0001", "パスワード１２３４５");
  await expect(page.getByLabel("パスワード", { exact: true })).toHaveAccessibleDescription(/半角/);
  await login.signInWithWebId("demo0001", "passw0rd");
  await expect(login.alert).toContainText("ログインできませんでした");
});

test("Caps Lock warning and show/hide on the password", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("tab", { name: "WEB-IDでログインのお客さま" }).click();
  const password = page.getByLabel("パスワード", { exact: true });
  await password.focus();
  // Playwright's keyboard does not toggle the OS Caps Lock state, so the
  // event carries it as a real keyboard would.
  await password.dispatchEvent("keydown", { key: "A", modifierCapsLock: true });
  await expect(page.getByText("Caps Lockがオンになっています。")).toBeVisible();
  await password.dispatchEvent("keyup", { key: "b", modifierCapsLock: false });
  await expect(page.getByText("Caps Lockがオンになっています。")).toBeHidden();
  await expect(password).toHaveAttribute("type", "password");
  await page.getByRole("button", { name: "パスワードを表示" }).click();
  await expect(password).toHaveAttribute("type", "text");
});

test("the account locks after repeated failures and then refuses the right PIN", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  let locked = false;
  for (let attempt = 1; attempt <= 5 && !locked; attempt++) {
    await login.signInWithCard("1234567890", "0000");
    await expect(login.alert).toBeVisible();
    await expect(page.getByRole("button", { name: "ログイン", exact: true })).toHaveAttribute("aria-disabled", "false");
    locked = ((await login.alert.textContent()) ?? "").includes("ロック");
    expect(attempt >= 3 || !locked).toBe(true);
  }
  expect(locked).toBe(true);
  await login.signInWithCard("1234567890", "1234");
  await expect(login.alert).toContainText("ロック");
  // The lock survives a reload: the fake lender keeps its state.
  await page.reload();
  await login.signInWithCard("1234567890", "1234");
  await expect(login.alert).toContainText("ロック");
});

test("keyboard only: tabs by arrow keys, submit with Enter", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("tab", { name: "カードをお持ちのお客さま" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "WEB-IDでログインのお客さま" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "WEB-IDでログインのお客さま" })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("WEB-ID", { exact: true }).fill("demo0001");
  await page.getByLabel("パスワード", { exact: true }).fill("Passw0rd");
  await page.keyboard.press("Enter");
  await new HomePage(page).expectLoaded();
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
});
