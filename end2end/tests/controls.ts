import { Page, APIRequestContext, expect } from "@playwright/test";
import { BACKEND } from "./fixtures";

export type FaultKind = "offline" | "server" | "timeout" | "slow";

const FAULT_LABEL: Record<FaultKind, string> = {
  offline: "通信エラー",
  server: "サーバーエラー",
  timeout: "タイムアウト",
  slow: "遅延",
};

/** Opens the demo panel (fake mode), collapsed by default. */
export async function openDemoPanel(page: Page) {
  const panel = page.getByRole("region", { name: "デモ操作" });
  await expect(panel).toBeAttached();
  if (!(await panel.locator("details").first().evaluate((d: HTMLDetailsElement) => d.open))) {
    await panel.locator("summary").first().click();
  }
  return panel;
}

/**
 * The next `count` requests to the lender fail this way: through the demo
 * panel with the fake lender, through the server's test controls over HTTP.
 */
export async function injectFault(page: Page, request: APIRequestContext, kind: FaultKind, count = 1) {
  if (BACKEND === "http") {
    const r = await request.put("/api/v1/test/faults", { data: { kind, count } });
    expect(r.status()).toBe(204);
    return;
  }
  const panel = await openDemoPanel(page);
  await panel.getByRole("radio", { name: FAULT_LABEL[kind] }).check();
  await panel.getByLabel("対象のリクエスト数").fill(String(count));
  await panel.getByRole("button", { name: "障害を発生させる" }).click();
  await expect(panel.getByText(`次の${count}件のリクエストが失敗します。`)).toBeVisible();
  await panel.locator("summary").first().click();
}

export type Mail = { to: string; subject: string; body: string };

/** The fake mailbox's subjects and bodies, newest first. */
export async function mailbox(page: Page, request: APIRequestContext): Promise<Mail[]> {
  if (BACKEND === "http") {
    const r = await request.get("/api/v1/test/mailbox");
    expect(r.status()).toBe(200);
    const mails = (await r.json()) as Mail[];
    return mails.reverse();
  }
  const panel = await openDemoPanel(page);
  await panel.getByRole("button", { name: "更新" }).click();
  const items = panel.getByRole("region", { name: "受信メール" }).locator("li");
  const mails: Mail[] = [];
  for (const item of await items.all()) {
    const summary = (await item.locator("summary").textContent()) ?? "";
    const [, to, subject] = summary.split(" — ");
    const body = (await item.locator("pre").textContent()) ?? "";
    mails.push({ to, subject, body });
  }
  await panel.locator("summary").first().click();
  return mails;
}
