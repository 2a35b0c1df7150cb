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
  if (BACKEND === "http" && kind === "offline") {
    // A dropped connection, as the page meets it. (The server's own
    // `offline` fault cuts the connection, but Chromium silently retries a
    // request whose reused connection closed without an answer, so how
    // many requests it takes is not the test's to decide.)
    let left = count;
    await page.route("**/api/v1/**", async (route) => {
      if (left > 0 && !route.request().url().includes("/api/v1/test/")) {
        left -= 1;
        await route.abort("internetdisconnected");
      } else {
        await route.fallback();
      }
    });
    return;
  }
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

/**
 * Over HTTP, a short request timeout (3 s) for this page, so a stalled
 * answer ends quickly; the fake lender's simulated timeout is 4 s anyway.
 */
export async function shortTimeout(page: Page) {
  if (BACKEND !== "http") return;
  await page.route("**/config.json", (route) =>
    route.fulfill({
      contentType: "application/json",
      body: JSON.stringify({ backend: "http", base_url: "/api/v1", test_clock: true, timeout_ms: 3000 }),
    }),
  );
}

/**
 * How many requests a fault must hit to reach the member: over HTTP the
 * adapter itself retries a keyed request once after a network failure
 * (with the same key, so harmlessly), which hides a single dropped
 * connection; two make the member see it.
 */
export function faultCount(kind: FaultKind): number {
  return BACKEND === "http" && kind === "offline" ? 2 : 1;
}

export type ReviewDecision = "approve" | "refuse" | "ask_for_documents";

const DECISION_LABEL: Record<ReviewDecision, string> = {
  approve: "審査を承認する",
  refuse: "審査を否決する",
  ask_for_documents: "書類不備にする",
};

/**
 * Decides every open credit-line review at once: the demo panel's buttons
 * with the fake lender, the server's test control over HTTP (at the page's
 * clock, which the server follows).
 */
export async function decideReviews(page: Page, request: APIRequestContext, decision: ReviewDecision) {
  if (BACKEND === "http") {
    const now = await page.evaluate(() => Date.now());
    const r = await request.post("/api/v1/test/line-reviews", {
      data: { decision },
      headers: { "X-Test-Now": String(now) },
    });
    expect(r.status()).toBe(200);
    return;
  }
  const panel = await openDemoPanel(page);
  await panel.getByRole("button", { name: DECISION_LABEL[decision] }).click();
  await expect(panel.getByText(/件の審査を処理しました/)).toBeVisible();
  await panel.locator("summary").first().click();
}
