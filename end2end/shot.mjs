// Screenshots for review: node shot.mjs BASE OUTDIR
import { chromium } from "@playwright/test";
const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
for (const [width, locale] of [[360, "ja"], [1280, "en"]]) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await page.clock.install({ time: new Date("2026-11-29T08:00:00+09:00") });
  await page.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
  await page.goto(base + "/login");
  await page.waitForSelector("#card-number");
  await page.locator("form:visible button[type=submit]").click();
  await page.screenshot({ path: `${out}/login-errors-${width}-${locale}.png`, fullPage: false });
  await page.fill("#card-number", "1234567890");
  await page.fill("#pin", "0000");
  await page.locator("form:visible button[type=submit]").click();
  await page.waitForSelector(".notice-error");
  await page.fill("#pin", "1234");
  await page.locator("form:visible button[type=submit]").click();
  await page.waitForSelector(".figure-main dd");
  await page.screenshot({ path: `${out}/home-${width}-${locale}.png`, fullPage: true });
  await page.clock.fastForward("09:10");
  await page.waitForSelector("[role=alertdialog]");
  await page.screenshot({ path: `${out}/idle-${width}-${locale}.png` });
  await page.close();
  const m = await browser.newPage({ viewport: { width, height: 800 } });
  await m.clock.install({ time: new Date("2026-11-30T03:00:00+09:00") });
  await m.addInitScript((l) => localStorage.setItem("portal.locale", l), locale);
  await m.goto(base + "/maintenance");
  await m.waitForSelector(".notice-warning");
  await m.screenshot({ path: `${out}/maintenance-${width}-${locale}.png`, fullPage: true });
  await m.close();
}
await browser.close();
