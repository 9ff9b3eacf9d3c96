// How the e2e suite and the benchmark launch Chromium: Debian's where it exists (CI, this team's
// machines), Playwright's own browser elsewhere.
import fs from "node:fs";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export const chromiumLaunchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    }
  : {};
