import { test, expect, expectNoAxeViolations } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { HelpPage } from "./pages/help-page";

// The help page (SPEC S15): the sign-in troubles as questions and answers,
// each with a stable anchor that the sign-in messages and the maintenance
// page link to; opened at an anchor, that answer is open, on screen and
// focused instead of the page heading.

test("help is reachable from the sign-in page, at the forgotten-PIN answer", async ({ page }) => {
  await new LoginPage(page).goto();
  await page.getByRole("link", { name: "暗証番号をお忘れの方" }).click();
  const help = new HelpPage(page);
  await expect(help.heading).toHaveText("ヘルプ・お問い合わせ");
  await help.expectRevealed("forgot-pin");
  await expect(help.entry("forgot-pin")).toContainText("自動契約機");
  // Only the answer asked for is open.
  await expect(help.entry("lock")).toHaveJSProperty("open", false);
  // The loan facts and the way to the simulator are there too.
  const facts = help.region("商品概要");
  await expect(facts).toContainText("1万円～500万円");
  await expect(facts).toContainText("4.5%～17.8%");
  await expect(facts).toContainText("残高スライド元利定額返済方式");
  await help.region("ご返済額の試算").getByRole("link", { name: "返済シミュレーションで試算する" }).click();
  await expect(page).toHaveURL(/\/simulator$/);
  await expect(page.getByLabel("借入金額")).toBeVisible();
});

test("the lock message links to the lock answer, which opens there", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithCard("5555666677", "1111");
  await expect(login.alert).toContainText("ロック");
  const more = login.alert.getByRole("link", { name: "ロックの解除について詳しくはヘルプへ" });
  await expect(more).toHaveAttribute("href", "/help#lock");
  await more.click();
  const help = new HelpPage(page);
  await help.expectRevealed("lock");
  await expect(help.question("lock")).toHaveText("セキュリティロックされている");
  await expect(help.entry("lock")).toContainText("ロック中でも、ATMや銀行振込でのご返済はできます。");
});

test("the suspension message links to the suspension answer with the support number", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWithWebId("suspended01", "Suspend2024");
  await expect(login.alert).toContainText("停止");
  await login.alert.getByRole("link", { name: "利用停止について詳しくはヘルプへ" }).click();
  const help = new HelpPage(page);
  await help.expectRevealed("suspended");
  await expect(help.entry("suspended")).toContainText("停止");
  await expect(help.entry("suspended").getByRole("link", { name: "0120-000-123" })).toHaveAttribute("href", "tel:0120000123");
});

test("a half-width error links to the half-width answer; a missing value does not", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  const more = page.getByRole("link", { name: "半角での入力について詳しくはヘルプへ" });
  await login.submit();
  await expect(page.locator(".error-summary[role=alert]")).toBeVisible();
  await expect(more).toHaveCount(0);

  await login.signInWithCard("1234567890", "１２３４");
  await expect(page.getByLabel("暗証番号", { exact: true })).toHaveAccessibleDescription(/半角/);
  await expect(more).toHaveAttribute("href", "/help#half-width");
  await more.click();
  const help = new HelpPage(page);
  await help.expectRevealed("half-width");
  await expect(help.entry("half-width")).toContainText("暗証番号とパスワードは変換されません。");
});

test.describe("Monday 03:00 JST: inside the weekly window", () => {
  test.use({ at: new Date("2026-11-30T03:00:00+09:00") });

  test("help stays open, and the maintenance page links to its answer", async ({ page }) => {
    const help = new HelpPage(page);
    await help.goto();
    await expect(help.heading).toHaveText("ヘルプ・お問い合わせ");
    await expect(page.getByRole("heading", { level: 2, name: "ログインできないときは" })).toBeVisible();
    await expect(help.question("lock")).toHaveText("セキュリティロックされている");
    await expect(page).toHaveURL(/\/help$/);

    // Sign-in is closed: the guard sends the member to the maintenance page.
    await page.goto("/login");
    await expect(page).toHaveURL(/\/maintenance$/);
    await page.getByRole("link", { name: "メンテナンスについて詳しくはヘルプへ" }).click();
    await help.expectRevealed("maintenance");
    const answer = help.entry("maintenance");
    await expect(answer).toContainText("毎週月曜日 0:00～7:00");
    await expect(answer).toContainText("元日（1月1日）終日");
    await expect(answer).toContainText("毎週日曜日 23:00～翌月曜日 7:00");
    await expect(answer).toContainText("毎月第3日曜日 0:00～6:00、およびその前日の土曜日 23:00～24:00");
  });
});

test("the contact section shows the support number and hours the configuration gives", async ({ page }) => {
  const help = new HelpPage(page);
  await help.goto();
  const contact = help.region("お問い合わせ");
  await expect(contact.getByRole("link", { name: "0120-000-123" })).toHaveAttribute("href", "tel:0120000123");
  await expect(contact).toContainText("オペレーター対応 平日9:00～18:00、それ以外は自動音声");

  // Another brand's configuration: the page shows whatever it says.
  await page.route("**/config.json", async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({
      json: {
        ...config,
        brand: {
          support_phone: "0120-000-999",
          support_hours_ja: "毎日 8:00～22:00（テスト）",
          support_hours_en: "every day 8:00–22:00 (test)",
        },
      },
    });
  });
  await page.reload();
  await expect(contact.getByRole("link", { name: "0120-000-999" })).toHaveAttribute("href", "tel:0120000999");
  await expect(contact).toContainText("毎日 8:00～22:00（テスト）");
});

test("each answer opens from the keyboard, and a new anchor on the page reveals its answer", async ({ page }) => {
  const help = new HelpPage(page);
  await help.goto("lock");
  await help.expectRevealed("lock");
  await help.question("case").focus();
  await page.keyboard.press("Enter");
  await expect(help.entry("case")).toHaveJSProperty("open", true);
  await expect(help.entry("case")).toContainText("大文字と小文字を区別します");

  // Another anchor while the page stays (the router does not rebuild it).
  await page.evaluate(() => {
    location.hash = "half-width";
  });
  await help.expectRevealed("half-width");
});

test("the language switch works on the help page", async ({ page }) => {
  const help = new HelpPage(page);
  await help.goto("case");
  await help.expectRevealed("case");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(help.heading).toHaveText("Help and contact");
  await expect(help.question("case")).toHaveText("Upper or lower case is wrong");
  await expect(help.entry("case")).toContainText("case-sensitive");
  await expect(page.getByRole("heading", { level: 2, name: "About the loan" })).toBeVisible();
  await expect(help.region("Contact us").getByRole("link", { name: "0120-000-123" })).toBeVisible();
});

test.describe("on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("nothing is wider than the column, every answer open", async ({ page }) => {
    const help = new HelpPage(page);
    await help.goto();
    // Each click opens one, so the closed ones are counted afresh each time.
    const closed = page.locator("details.faq:not([open]) > summary");
    while ((await closed.count()) > 0) {
      await closed.first().click();
    }
    await expect(page.locator("details.faq:not([open])")).toHaveCount(0);
    // The page's content fits its column: nothing sticks out of <main>.
    const overflow = await page.evaluate(() => {
      const main = document.querySelector("main");
      return main ? main.scrollWidth - main.clientWidth : Number.NaN;
    });
    expect(overflow).toBe(0);
  });
});

for (const locale of ["ja", "en"] as const) {
  test(`axe finds nothing on the help page in ${locale}, with every answer open`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
    const help = new HelpPage(page);
    await help.goto("lock");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await help.expectRevealed("lock");
    await expectNoAxeViolations(page);
    // Each click opens one, so the closed ones are counted afresh each time.
    const closed = page.locator("details.faq:not([open]) > summary");
    while ((await closed.count()) > 0) {
      await closed.first().click();
    }
    await expect(page.locator("details.faq:not([open])")).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}
