import { chromium } from "@playwright/test";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
const [dir, f] = process.argv.slice(2);
const server = http
  .createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(req.url!.split("?")[0]));
    if (!fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const buf = fs.readFileSync(p);
    res.writeHead(200, { "content-type": p.endsWith(".html") ? "text/html; charset=utf-8" : "text/plain", "content-length": buf.length });
    res.end(buf);
  })
  .listen(3461, "127.0.0.1");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
for (let k = 0; k < 3; k++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  if (k === 2) await browser.startTracing(page, { path: "/tmp/trace.json", categories: ["devtools.timeline", "blink", "loading", "v8.execute"] });
  await page.goto(`http://127.0.0.1:3461/${f}`, { waitUntil: "load" });
  const load = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd);
  if (k === 2) await browser.stopTracing();
  console.log("load", load.toFixed(0));
  await ctx.close();
}
await browser.close();
server.close();
