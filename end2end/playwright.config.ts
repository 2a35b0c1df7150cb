import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (see ../shared/TOOLCHAIN.md).
const port = Number(process.env.PORTAL_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A zone far from Japan proves business time is JST whatever the browser says.
    timezoneId: "America/Los_Angeles",
    locale: "ja-JP",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: false,
  },
});
