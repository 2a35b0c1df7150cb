import { test, expect, expectNoAxeViolations } from "./fixtures";
import { Page } from "@playwright/test";
import { RepayPage, chooseInstitution } from "./pages/repay-page";
import { HomePage } from "./pages/home-page";
import { injectFault, mailbox, FaultKind, shortTimeout, faultCount } from "./controls";

const yen = (text: string | null) => Number((text ?? "").replace(/[^0-9-]/g, ""));

/** Today's internet repayments on the history page. */
async function repaymentsToday(page: Page, date = "2026年11月25日"): Promise<number[]> {
  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 1, name: "取引履歴" })).toBeVisible();
  await expect(page.locator("tbody tr").first()).toBeVisible();
  const rows = page.locator("tbody tr").filter({ hasText: date }).filter({ hasText: "インターネット返済" });
  const amounts: number[] = [];
  for (const row of await rows.all()) amounts.push(yen(await row.locator("td").nth(3).textContent()));
  return amounts;
}

test("a full repayment: one tap for the minimum, the bank approves, the receipt splits it and home follows", async ({ page, request }) => {
  const repay = new RepayPage(page);
  await repay.open();
  const payoff = yen(await repay.figure("本日の一括返済額").textContent());
  const minimum = yen(await repay.figure("今回の最低返済額").textContent());
  expect(payoff).toBe(203_753);
  await page.getByRole("button", { name: "最低返済額" }).click();
  await expect(repay.amount).toHaveValue(String(minimum));
  await page.getByRole("button", { name: "一括返済額" }).click();
  await expect(repay.amount).toHaveValue(String(payoff));
  await repay.amount.fill("20000");
  await chooseInstitution(page, "みずほ", "みずほ");
  await repay.proceedButton().click();
  await repay.expectBank();
  await expect(page.getByText("20,000円")).toBeVisible();
  await page.getByRole("button", { name: "承認" }).click();
  await repay.expectReceipt();
  // Late charge first (1,315 yen on the whole balance for 12 days), then
  // interest, then principal.
  await expect(repay.figure("遅延損害金")).toHaveText("1,315円");
  const interest = yen(await repay.figure("利息").textContent());
  const principal = yen(await repay.figure("元金").textContent());
  expect(1_315 + interest + principal).toBe(20_000);
  await expect(repay.figure("返済後残高")).toHaveText(`${(200_000 - principal).toLocaleString("en")}円`);
  await page.getByRole("link", { name: "会員トップへ" }).click();
  const home = new HomePage(page);
  await home.expectLoaded();
  await expect(home.figure("ご利用残高")).toHaveText(`${(200_000 - principal).toLocaleString("en")}円`);
  expect(await repaymentsToday(page)).toEqual([20_000]);
  const mails = await mailbox(page, request);
  const notice = mails.find((m) => m.subject.includes("ご返済受付のお知らせ"));
  expect(notice?.to).toBe("overdue01@example.com");
  expect(notice?.body).toContain("遅延損害金 1,315円");
});

test("the institution picker finds banks by kana, by romaji and by kana row", async ({ page }) => {
  const repay = new RepayPage(page);
  await repay.open();
  const search = page.getByLabel("金融機関を検索");
  const mizuho = page.getByRole("button", { name: "みずほ", exact: true });
  await search.fill("ミズホ");
  await expect(mizuho).toBeVisible();
  await search.fill("みずほ");
  await expect(mizuho).toBeVisible();
  await search.fill("mizuho");
  await expect(mizuho).toBeVisible();
  await search.fill("ｷｮｳﾄ");
  await expect(page.getByRole("button", { name: "京都", exact: true })).toBeVisible();
  await search.fill("");
  await page.getByRole("button", { name: "か行" }).click();
  await expect(page.getByRole("button", { name: "か行" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/件の金融機関が見つかりました/)).toBeVisible();
  await search.fill("ぐんま");
  await expect(page.getByRole("button", { name: "群馬", exact: true })).toBeVisible();
  await search.fill("みずほ");
  await expect(mizuho).toHaveCount(0);
  await page.getByRole("button", { name: "か行" }).click();
  await expect(mizuho).toBeVisible();
});

test("cancel or failure at the bank repays nothing and says so", async ({ page }) => {
  const repay = new RepayPage(page);
  for (const [button, message] of [
    ["キャンセル", "キャンセルされました"],
    ["失敗させる", "お手続きができませんでした"],
  ]) {
    if (button === "キャンセル") {
      await repay.open();
    } else {
      // Starting again from the result is a link within the app.
      await page.getByRole("link", { name: "返済手続きをやり直す" }).click();
      await expect(page).toHaveURL(/\/repay$/);
      await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    }
    await repay.amount.fill("5000");
    await chooseInstitution(page, "みずほ", "みずほ");
    await repay.proceedButton().click();
    await repay.expectBank();
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect(page).toHaveURL(/\/repay\?repayment=/);
    await expect(repay.alert).toContainText(message);
  }
  expect(await repaymentsToday(page)).toEqual([]);
});

test("a double click starts one repayment", async ({ page }) => {
  const repay = new RepayPage(page);
  await repay.open();
  await repay.amount.fill("7000");
  await chooseInstitution(page, "みずほ", "みずほ");
  await repay.proceedButton().dblclick();
  await repay.expectBank();
  await page.getByRole("button", { name: "承認" }).click();
  await repay.expectReceipt();
  expect(await repaymentsToday(page)).toEqual([7_000]);
});

const failures: { kind: FaultKind; message: RegExp | null }[] = [
  { kind: "offline", message: /通信できませんでした.*受け付けられていません/ },
  { kind: "server", message: /ただいま処理できませんでした.*受け付けられていません/ },
  { kind: "timeout", message: null },
  { kind: "slow", message: null },
];
for (const { kind, message } of failures) {
  test(`${kind}: a clear message, the inputs kept, and one repayment after the retry`, async ({ page, request }) => {
    test.setTimeout(60_000);
    await shortTimeout(page);
    const repay = new RepayPage(page);
    await repay.open();
    await repay.amount.fill("9000");
    await chooseInstitution(page, "みずほ", "みずほ");
    await injectFault(page, request, kind, faultCount(kind));
    await repay.proceedButton().click();
    if (message) {
      await expect(repay.alert).toContainText(message);
      await expect(repay.amount).toHaveValue("9000");
      await repay.proceedButton().click();
    }
    await repay.expectBank();
    await page.getByRole("button", { name: "承認" }).click();
    await repay.expectReceipt();
    expect(await repaymentsToday(page)).toEqual([9_000]);
  });
}

test.describe("inside a repayment window (the third Sunday, 0:00–6:00 JST)", () => {
  test.use({ at: new Date("2026-12-20T05:58:00+09:00") });
  test("internet repayment is refused, and allowed the minute after", async ({ page }) => {
    const repay = new RepayPage(page);
    await repay.open();
    await expect(repay.alert).toContainText("メンテナンス");
    await expect(repay.alert).toContainText("2026年12月20日 06:00");
    await expect(repay.amount).toHaveCount(0);
    await page.clock.fastForward("02:05");
    await expect(repay.amount).toBeVisible();
    await expect(repay.proceedButton()).toBeVisible();
  });
});

test("the repayment steps pass axe in both locales", async ({ page }) => {
  const repay = new RepayPage(page);
  await repay.open();
  await expectNoAxeViolations(page);
  await repay.amount.fill("3000");
  await chooseInstitution(page, "みずほ", "みずほ");
  await expectNoAxeViolations(page);
  await repay.proceedButton().click();
  await repay.expectBank();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "承認" }).click();
  await repay.expectReceipt();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Repayment accepted" })).toBeVisible();
  await expectNoAxeViolations(page);
});
