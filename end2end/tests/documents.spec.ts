import { test, expect, expectNoAxeViolations, BACKEND } from "./fixtures";
import { DocumentsPage, drawnImage, pdf, TestFile } from "./pages/documents-page";
import { injectFault, mailbox, shortTimeout } from "./controls";
import { Page } from "@playwright/test";

// Document submission (SPEC S11, S19): pages from files or the camera,
// checked by content, previewed, reordered, sent with real progress,
// retried without choosing again, and listed with their status.

/** Over HTTP, an upload slowed to about 200 KB/s, so its progress is seen. */
async function slowUploads(page: Page) {
  if (BACKEND !== "http") return; // the fake lender's transfer takes its time anyway
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 200 * 1024,
  });
}

test("two pages from files are previewed, reordered and sent with their progress", async ({ page, request }) => {
  test.setTimeout(90_000);
  const documents = new DocumentsPage(page);
  await documents.open();
  await expect(page.getByText("提出した書類はまだありません。")).toBeVisible();
  await expectNoAxeViolations(page);
  await documents.chooseKind("収入証明書");
  const first = await drawnImage(page, "kyuyo-10gatsu.png", "image/png", 1200, 900, "#0b5c4a", "10月", true);
  // A 12-megapixel photo: it comes out at 2,000 px on its long edge.
  const second = await drawnImage(page, "kyuyo-11gatsu.jpg", "image/jpeg", 4000, 3000, "#1a5fb4", "11月");
  await documents.choose([first, second]);
  await expect(documents.pages).toHaveCount(2);
  await expect(documents.pageNames()).toHaveText(["kyuyo-10gatsu.png", "kyuyo-11gatsu.jpg"]);
  const preview = page.getByRole("img", { name: "2ページ目のプレビュー（kyuyo-11gatsu.jpg）" });
  await expect(preview).toBeVisible();
  const size = await preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([2000, 1500]);
  // Every page is JPEG once prepared.
  await expect(documents.pages.nth(0)).toContainText("JPEG");
  await expectNoAxeViolations(page);

  // Reorder by keyboard: the moved page's button keeps the focus.
  const up = page.getByRole("button", { name: "2ページ目を上へ" });
  await up.focus();
  await page.keyboard.press("Enter");
  await expect(documents.pageNames()).toHaveText(["kyuyo-11gatsu.jpg", "kyuyo-10gatsu.png"]);
  await expect(page.getByRole("button", { name: "1ページ目を上へ" })).toBeFocused();
  await expect(page.getByRole("button", { name: "1ページ目を上へ" })).toHaveAttribute("aria-disabled", "true");
  await page.getByRole("button", { name: "1ページ目を下へ" }).click();
  await page.getByRole("button", { name: "2ページ目を上へ" }).click();
  await expect(documents.pageNames()).toHaveText(["kyuyo-11gatsu.jpg", "kyuyo-10gatsu.png"]);

  await slowUploads(page);
  await documents.send.click();
  // Real progress: the bar passes through values between 0 and 100.
  await expect(documents.progress).toBeVisible();
  await expect
    .poll(
      async () => {
        const now = Number((await documents.progress.getAttribute("aria-valuenow", { timeout: 1_000 }).catch(() => null)) ?? "-1");
        return now > 0 && now < 100;
      },
      { timeout: 10_000, intervals: [50] },
    )
    .toBe(true);
  await expect(documents.receipt).toBeVisible({ timeout: 20_000 });
  await expect(documents.progress).toHaveCount(0);
  await expect(documents.receipt).toContainText("D26112500001");
  await expect(documents.receipt).toContainText("収入証明書");
  await expect(documents.receipt).toContainText("2ページ");
  await expect(documents.pages).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "書類を受け付けました" })).toBeFocused();

  // The list has it, received.
  await expect(documents.submissions).toHaveCount(1);
  const listed = page.getByRole("listitem", { name: "受付番号 D26112500001" });
  await expect(listed).toContainText("収入証明書");
  await expect(listed).toContainText("2ページ");
  await expect(listed).toContainText("2026年11月25日 12:0");
  await expect(listed).toContainText("受付");
  await expectNoAxeViolations(page);

  const notices = (await mailbox(page, request)).filter((m) => m.subject === "書類提出受付のお知らせ");
  expect(notices.length).toBe(1);
  expect(notices[0].to).toBe("demo0001@example.com");
  expect(notices[0].body).toContain("D26112500001");
  expect(notices[0].body).toContain("ページ数: 2（JPEG 2）");

  // Twenty minutes later (the idle session has ended) staff are checking it.
  await page.clock.fastForward("20:00");
  await documents.open();
  await expect(page.getByRole("listitem", { name: "受付番号 D26112500001" })).toContainText("確認中");
});

test("an oversized file and a wrong type are refused with messages naming them", async ({ page }) => {
  const documents = new DocumentsPage(page);
  await documents.open();
  const big = pdf("kakutei-shinkoku.pdf", 10 * 1024 * 1024 + 1);
  const text: TestFile = { name: "menkyo.jpg", mimeType: "image/jpeg", buffer: Buffer.from("これは写真ではありません") };
  // A PNG named .jpg is fine: its content decides.
  const renamed = await drawnImage(page, "omote.jpg", "image/png", 300, 200, "#333", "表");
  const cut = await drawnImage(page, "ura.jpg", "image/jpeg", 300, 200, "#555", "裏");
  cut.buffer = cut.buffer.subarray(0, cut.buffer.length - 2);
  await documents.choose([big, text, renamed, cut, pdf("juminhyo.pdf")]);
  await expect(documents.pages).toHaveCount(2);
  await expect(documents.pageNames()).toHaveText(["omote.jpg", "juminhyo.pdf"]);
  await expect(documents.rejections).toContainText("「kakutei-shinkoku.pdf」は10MBを超えているため追加できません");
  await expect(documents.rejections).toContainText("「menkyo.jpg」はJPEG・PNG・PDFのいずれでもないため追加できません");
  await expect(documents.rejections).toContainText("「ura.jpg」はファイルが途中で切れているため追加できません");
  await expect(documents.fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("PDF（プレビューなし）")).toBeVisible();
  await expectNoAxeViolations(page);
  // Removing a page moves the focus to the next one's button.
  await page.getByRole("button", { name: "1ページ目を削除" }).click();
  await expect(documents.pageNames()).toHaveText(["juminhyo.pdf"]);
  await expect(page.getByRole("button", { name: "1ページ目を削除" })).toBeFocused();
  // More than ten pages are refused by name too.
  const many = Array.from({ length: 10 }, (_, i) => pdf(`page-${i + 1}.pdf`));
  await documents.choose(many);
  await expect(documents.pages).toHaveCount(10);
  await expect(documents.rejections).toContainText("「page-10.pdf」は追加できません。1回に送信できるのは10ページまでです。");
});

test("an upload that fails is sent again without choosing the files again", async ({ page, request }) => {
  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.choose([pdf("gensen.pdf"), await drawnImage(page, "meisai.png", "image/png", 600, 800, "#8a2be2", "明細")]);
  await expect(documents.pages).toHaveCount(2);
  await injectFault(page, request, "server", 1);
  await documents.send.click();
  await expect(documents.failure).toContainText("送信できませんでした。選んだページはそのまま残っています。");
  await expect(documents.pages).toHaveCount(2);
  await expect(documents.send).toBeFocused();
  await expectNoAxeViolations(page);
  await documents.send.click();
  await expect(documents.receipt).toContainText("D26112500001");
  await expect(documents.failure).toBeHidden();
  await expect(documents.submissions).toHaveCount(1);
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "書類提出受付のお知らせ");
  expect(notices.length).toBe(1);
});

test("an answer lost after the lender received the pages is not received twice", async ({ page, request }) => {
  await shortTimeout(page);
  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.choose([pdf("gensen.pdf")]);
  await injectFault(page, request, "timeout", 1);
  await documents.send.click();
  await expect(documents.failure).toContainText("送信できませんでした", { timeout: 15_000 });
  await documents.send.click();
  await expect(documents.receipt).toContainText("D26112500001");
  await expect(documents.submissions).toHaveCount(1);
  const notices = (await mailbox(page, request)).filter((m) => m.subject === "書類提出受付のお知らせ");
  expect(notices.length).toBe(1);
});

test("the English page is complete and accessible", async ({ page }) => {
  const documents = new DocumentsPage(page);
  await documents.open();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Submit documents");
  await page.getByLabel("Choose files").setInputFiles([pdf("payslip.pdf"), { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("x") }]);
  await expect(documents.pages).toHaveCount(1);
  await expect(documents.rejections).toContainText("\u201cx.txt\u201d is not a JPEG, PNG or PDF file");
  await expect(page.getByRole("button", { name: "Up: move page 1 up" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your documents were received" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Reception number D26112500001" })).toContainText("Received");
  await expectNoAxeViolations(page);
});

test.describe("without a camera", () => {
  test("a refused camera says so and the file input still works", async ({ page }) => {
    await page.addInitScript(() => {
      if (!navigator.mediaDevices) return;
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    const documents = new DocumentsPage(page);
    await documents.open();
    await documents.cameraButton.click();
    const alert = page.getByRole("alert").filter({ hasText: "カメラの使用が許可されていない" });
    await expect(alert).toContainText("「ファイルを選択」から写真やPDFを選んでください");
    await expect(page.getByLabel("カメラのプレビュー")).toBeHidden();
    await expectNoAxeViolations(page);
    await documents.choose([pdf("passport.pdf")]);
    await expect(documents.pages).toHaveCount(1);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The camera is not allowed" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a browser without getUserMedia says there is no camera", async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "mediaDevices", { get: () => undefined });
    });
    const documents = new DocumentsPage(page);
    await documents.open();
    await documents.cameraButton.click();
    await expect(page.getByRole("alert").filter({ hasText: "この端末ではカメラを使用できません" })).toBeVisible();
  });
});
