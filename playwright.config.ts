import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_DATA_DIR = ".e2e-data";
export const E2E_ADMIN_TOKEN = "e2e-admin-token-not-a-secret-0123456789";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  // One retry in CI, so that a loaded 2-core runner's hiccup does not throw away a whole run. The run
  // still passes then: a test that passed only on its retry shows as "flaky" in the list output, and
  // is worth a look.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // Two workers, Chromium and a production server share 2 cores: the default 5 s is tight for a
  // heavy page's client start-up.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions } }],
  webServer: {
    // A fresh SQLite database for every run; the production build comes from `npm run build`.
    command: `rm -rf ${E2E_DATA_DIR} && node dist/server.js`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      PORT: String(E2E_PORT),
      HOST: "127.0.0.1",
      PARLEY_DATA_DIR: E2E_DATA_DIR,
      NEXT_TELEMETRY_DISABLED: "1",
      PARLEY_PUBLIC_URL: "",
      // The whole suite runs from 127.0.0.1 and creates hundreds of shares: limits far above it.
      // The limiter itself is tested with low limits in lib/shares/operators.test.ts.
      PARLEY_RATE_CREATE: "100000/1m",
      PARLEY_RATE_LOOKUP: "100000/1m",
      PARLEY_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      PARLEY_SWEEP_INTERVAL: "1s",
    },
  },
});
