// npm run screenshots: starts the production build on a spare port with a throwaway database,
// replays every recorded fixture, and writes full-page PNGs at 1280 and 390 px (light, plus dark at
// 1280) into screenshots/ (gitignored). Run `npx next build` first.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { replay, SCENARIOS } from "../e2e/support/fixtures";

const PORT = Number(process.env.SCREENSHOT_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 50);
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = path.join(process.cwd(), "screenshots");
const DATA = ".screenshots-data";

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function main() {
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const server = spawn(process.execPath, ["dist/server.js"], {
    env: { ...process.env, PARLEY_DATA_DIR: DATA, NEXT_TELEMETRY_DISABLED: "1", PARLEY_PUBLIC_URL: "", PORT: String(PORT), HOST: "127.0.0.1" },
    stdio: "inherit",
  });
  try {
    await waitForHealth();
    const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
    const only = process.argv.slice(2);
    for (const scenario of SCENARIOS.filter((s) => !only.length || only.includes(s))) {
      const share = await replay(BASE, scenario);
      const shots: Array<[number, "light" | "dark"]> = [
        [1280, "light"],
        [390, "light"],
        [1280, "dark"],
      ];
      for (const [width, scheme] of shots) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
        await page.goto(`${BASE}/s/${share.id}`, { waitUntil: "networkidle" });
        const file = path.join(OUT, `${scenario}-${width}${scheme === "dark" ? "-dark" : ""}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log("wrote", path.relative(process.cwd(), file));
        if (process.env.SLICES) {
          // Screen-sized slices of the full page, for reviewing long pages at their real scale.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const step = width < 600 ? 1100 : 1000;
          for (let y = 0, i = 1; y < height; y += step, i++) {
            const slice = file.replace(/\.png$/, `.${String(i).padStart(2, "0")}.png`);
            await page.screenshot({ path: slice, fullPage: true, clip: { x: 0, y, width, height: Math.min(step, height - y) } });
          }
        }
        await page.close();
      }
    }
    await browser.close();
  } finally {
    server.kill("SIGTERM");
    fs.rmSync(DATA, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
