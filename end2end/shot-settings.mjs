// Screenshots of the settings pages for review: node shot-settings.mjs BASE OUTDIR [paths...]
import { chromium } from "@playwright/test";
const [base, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const [width, locale] of [[360, "ja"], [1280, "en"]]) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.clock.install({ time: new Date("2026-11-25T12:00:00+09:00") });
  await page.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
  await page.goto(base + "/login");
  await page.getByRole("tab", { name: /WEB-ID/ }).click();
  await page.fill("#web-id", "demo0001");
  await page.fill("#password", "Passw0rd");
  await page.locator("form:visible button[type=submit]").click();
  await page.waitForSelector(".figure-main dd");
  for (const p of paths.length ? paths : ["/settings", "/settings/repayment-date"]) {
    await page.goto(base + p);
    await page.waitForTimeout(1500);
    const name = p.replace(/\//g, "_");
    await page.screenshot({ path: `${out}/${name}-${width}-${locale}.png`, fullPage: true });
  }
  await page.close();
}
await browser.close();
