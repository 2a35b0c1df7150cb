import { test, expect, expectNoAxeViolations } from "./fixtures";
import { DocumentsPage } from "./pages/documents-page";

// The live camera of /documents (SPEC S11) with Chromium's fake camera and
// its permission prompt answered yes. Launch options force a worker of
// their own, which Playwright allows only for a whole file, so these tests
// are here and not in documents.spec.ts (which has the refused camera).

test.use({
  permissions: ["camera"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
    ],
  },
});

test("a photo from the live preview becomes a page and is sent", async ({ page }) => {
  const documents = new DocumentsPage(page);
  await documents.open();
  await documents.cameraButton.click();
  const preview = page.getByLabel("カメラのプレビュー");
  await expect(preview).toBeVisible();
  await expect(documents.shutter).toHaveAttribute("aria-disabled", "false");
  await expect(documents.shutter).toBeFocused();
  await expectNoAxeViolations(page);
  await documents.shutter.click();
  await expect(documents.pages).toHaveCount(1);
  await expect(documents.pageNames()).toHaveText(["カメラで撮影 1"]);
  await expect(page.getByText("撮影した写真をページに追加しました。")).toBeVisible();
  await documents.shutter.click();
  await expect(documents.pages).toHaveCount(2);
  const img = page.getByRole("img", { name: "1ページ目のプレビュー（カメラで撮影 1）" });
  const width = await img.evaluate((i: HTMLImageElement) => i.naturalWidth);
  expect(width).toBeGreaterThan(0);
  expect(width).toBeLessThanOrEqual(2000);
  await page.getByRole("button", { name: "カメラを閉じる" }).click();
  await expect(preview).toBeHidden();
  await expect(documents.cameraButton).toBeFocused();
  // The camera is released.
  const live = await page.evaluate(() => (document.querySelector("video") as HTMLVideoElement).srcObject);
  expect(live).toBeNull();
  await documents.send.click();
  await expect(documents.receipt).toContainText("2ページ");
});
