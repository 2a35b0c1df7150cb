import { test, expect, BACKEND } from "./fixtures";
import { openDemoPanel } from "./controls";

// The demo panel's clock (SPEC S16). Faults and the mailbox are exercised by
// the money journeys through ./controls; this is the clock itself.
test.skip(BACKEND !== "fake", "the demo panel exists with the fake lender only");

test("the demo clock moves by an hour, by a day, to a chosen Japan time, and back", async ({ page }) => {
  await page.goto("/login");
  const panel = await openDemoPanel(page);
  const now = panel.getByRole("status").filter({ hasText: "現在の日時（日本時間）" });
  // The browser runs in Los Angeles; the panel speaks Japan time.
  await expect(now).toContainText("2026年11月25日 12:0");

  await panel.getByRole("button", { name: "1時間進める" }).click();
  await expect(now).toContainText("2026年11月25日 13:0");
  await panel.getByRole("button", { name: "1日進める" }).click();
  await expect(now).toContainText("2026年11月26日 13:0");

  await panel.getByLabel("指定日時（日本時間）").fill("2026-12-24T21:30");
  await panel.getByRole("button", { name: "この日時にする" }).click();
  await expect(now).toContainText("2026年12月24日 21:3");

  await panel.getByRole("button", { name: "現在時刻に戻す" }).click();
  await expect(now).toContainText("2026年11月25日 12:0");
});
