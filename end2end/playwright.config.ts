import { defineConfig } from "@playwright/test";

// Debian's Chromium, never a downloaded browser (see ../shared/TOOLCHAIN.md).
// PORTAL_BACKEND=fake (default): dist/ on a static server, the fake lender in the page.
// PORTAL_BACKEND=http: the reference server serves dist-http/ (config pointing at
// its own API) and the API, with test controls on; tests share its state, so they
// run one at a time and each starts from a reset (see tests/fixtures.ts).
const http = process.env.PORTAL_BACKEND === "http";
const port = Number(process.env.PORTAL_E2E_PORT ?? (http ? 4174 : 4173));
const server = process.env.PORTAL_SERVER_BIN ?? "../target/debug/portal-server";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: !http,
  workers: http ? 1 : 2,
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
    command: http
      ? `${server} --port ${port} --dist ../dist-http --test-controls`
      : `node serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: false,
  },
});
