import { test, expect, expectNoAxeViolations, BACKEND } from "./fixtures";
import { Page } from "@playwright/test";
import { TransferPage } from "./pages/transfer-page";
import { HomePage } from "./pages/home-page";
import { injectFault, mailbox, FaultKind, shortTimeout, faultCount } from "./controls";
import { chooseInstitution } from "./pages/repay-page";

const yen = (text: string | null) => Number((text ?? "").replace(/[^0-9-]/g, ""));

/** Today's transfers (振込) on the history page, newest first (the seeded
 * history has none on the test's day). */
async function transfersInHistory(page: Page): Promise<number[]> {
  await page.getByRole("link", { name: "取引履歴を見る" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "取引履歴" })).toBeVisible();
  const rows = page.locator("tbody tr").filter({ hasText: "2026年11月25日" }).filter({ hasText: "振込" });
  await expect(rows.first()).toBeVisible();
  const amounts: number[] = [];
  for (const row of await rows.all()) amounts.push(yen(await row.locator("td").nth(3).textContent()));
  return amounts;
}

test("a full transfer: the confirmation says when it arrives, the receipt has a reception number, home and history change at once", async ({ page, request }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  await expect(page.getByText("***4567")).toBeVisible();
  await expect(page.getByText("ご利用可能額: 350,000円")).toBeVisible();
  await transfer.toConfirmation("30,000");
  await expect(transfer.figure("振込金額")).toHaveText("30,000円");
  await expect(transfer.figure("着金予定")).toContainText("即時");
  await expect(transfer.figure("お振込後のご利用残高")).toHaveText("180,000円");
  await expect(page.getByRole("heading", { name: "お振込内容の確認" })).toBeFocused();
  await transfer.confirmButton().click();
  const number = await transfer.expectReceipt();
  await expect(transfer.figure("お振込後のご利用可能額")).toHaveText("320,000円");
  expect(await transfersInHistory(page)).toEqual([30_000]);
  await page.goto("/home");
  const home = new HomePage(page);
  await home.expectLoaded();
  await expect(home.figure("ご利用残高")).toHaveText("180,000円");
  await expect(home.figure("ご利用可能額")).toHaveText("320,000円");
  const mails = await mailbox(page, request);
  const notice = mails.find((m) => m.subject.includes("お振込受付のお知らせ"));
  expect(notice?.to).toBe("card7890@example.com");
  expect(notice?.body).toContain(number);
});

test("amounts the rules refuse are explained and what was typed stays", async ({ page }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  const cases: [string, string][] = [
    ["999", "1,000円以上"],
    ["10,500", "1,000円単位"],
    ["351000", "ご利用可能額（350,000円）を超えています"],
    ["abc", "数字で入力"],
  ];
  for (const [typed, message] of cases) {
    await transfer.amount.fill(typed);
    await page.getByRole("button", { name: "確認画面へ" }).click();
    await expect(page.locator("#transfer-amount-error")).toContainText(message);
    await expect(transfer.amount).toHaveValue(typed);
    await expect(transfer.amount).toBeFocused();
    await expect(transfer.amount).toHaveAttribute("aria-invalid", "true");
  }
});

test("a double click on confirm books one transfer", async ({ page }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  await transfer.toConfirmation("20000");
  await transfer.confirmButton().dblclick();
  await transfer.expectReceipt();
  expect(await transfersInHistory(page)).toEqual([20_000]);
});

test("a reload on the confirmation screen keeps the same request: one transfer", async ({ page }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  await transfer.toConfirmation("40000");
  await page.reload();
  await expect(page.getByRole("heading", { name: "お振込内容の確認" })).toBeVisible();
  await expect(transfer.figure("振込金額")).toHaveText("40,000円");
  await transfer.confirmButton().click();
  await transfer.expectReceipt();
  expect(await transfersInHistory(page)).toEqual([40_000]);
});

const failures: { kind: FaultKind; message: RegExp | null }[] = [
  { kind: "offline", message: /通信できませんでした.*お振込みは完了していません/ },
  { kind: "server", message: /ただいま処理できませんでした.*お振込みは完了していません/ },
  // The request arrived and was booked; only the answer was lost. The
  // portal asks the lender what the key booked and shows that receipt.
  { kind: "timeout", message: null },
  { kind: "slow", message: null },
];
for (const { kind, message } of failures) {
  test(`${kind}: a clear message, the confirmation kept, and one transfer after the retry`, async ({ page, request }) => {
    test.setTimeout(60_000);
    await shortTimeout(page);
    const transfer = new TransferPage(page);
    await transfer.open();
    await transfer.toConfirmation("15000");
    await injectFault(page, request, kind, faultCount(kind));
    await transfer.confirmButton().click();
    if (message) {
      await expect(transfer.alert).toContainText(message);
      await expect(transfer.figure("振込金額")).toHaveText("15,000円");
      await transfer.confirmButton().click();
    }
    await transfer.expectReceipt();
    expect(await transfersInHistory(page)).toEqual([15_000]);
  });
}

test("the transfer steps pass axe in both locales", async ({ page }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  await expectNoAxeViolations(page);
  await transfer.toConfirmation("10000");
  await expectNoAxeViolations(page);
  await transfer.confirmButton().click();
  await transfer.expectReceipt();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Transfer accepted" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Make another transfer" }).click();
  await expect(page.getByLabel("Transfer amount")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a member without a payee account registers one in their own name, in half-width kana, and comes back to transfer", async ({ page, request }) => {
  const transfer = new TransferPage(page);
  await transfer.openWithoutAccount();
  await expect(page.getByText("ご本人名義の振込先口座の登録が必要です")).toBeVisible();
  await expect(page.getByText("振込先口座は登録されていません")).toBeVisible();
  await chooseInstitution(page, "みずほ", "みずほ");
  await page.getByLabel("支店", { exact: true }).fill("001");
  await page.getByRole("button", { name: "東京営業部", exact: true }).click();
  await expect(page.getByRole("radio", { name: "普通" })).toBeChecked();
  await page.getByLabel("口座番号").fill("１２３４５６７");
  const holder = page.getByLabel("口座名義（カナ）");
  await holder.fill("ﾐﾎﾝ ﾀﾛｳ");
  await page.getByRole("button", { name: "この口座を登録する" }).click();
  await expect(page.locator("#payee-holder-error")).toContainText("ご本人名義（ミホン ジロウ）の口座のみ登録できます");
  await expect(holder).toHaveValue("ﾐﾎﾝ ﾀﾛｳ");
  await holder.fill("ﾐﾎﾝ ｼﾞﾛｳ");
  await page.getByRole("button", { name: "この口座を登録する" }).click();
  await expect(page).toHaveURL(/\/transfer$/);
  await expect(transfer.amount).toBeVisible();
  await expect(page.getByText("***4567")).toBeVisible();
  await expect(page.getByText("ミホン　ジロウ")).toBeVisible();
  await expect(page.getByText("みずほ 東京営業部")).toBeVisible();
  await expectNoAxeViolations(page);
  const mails = await mailbox(page, request);
  expect(mails.some((m) => m.subject.includes("振込先口座登録のお知らせ") && m.to === "card3456@example.com")).toBe(true);
});

test("a member changes the payee account from the transfer page and comes back to it", async ({ page }) => {
  const transfer = new TransferPage(page);
  await transfer.open();
  await page.getByRole("link", { name: "振込先口座を変更" }).click();
  await expect(page).toHaveURL(/\/settings\/payee-account\?next=\/transfer$/);
  await expect(page.getByRole("heading", { level: 1, name: "振込先口座の登録・変更" })).toBeFocused();
  // The account they have is shown; keeping it takes them straight back.
  await expect(page.getByRole("heading", { name: "現在の振込先口座" })).toBeVisible();
  await expect(page.getByText("***")).toBeVisible();
  await page.getByRole("button", { name: "キャンセル" }).click();
  await expect(page).toHaveURL(/\/transfer$/);
  await expect(transfer.amount).toBeVisible();
  await expectNoAxeViolations(page);
});
