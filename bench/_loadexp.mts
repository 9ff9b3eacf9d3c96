// usage: tsx loadexp.mts dir N file1.html file2.html ...  — interleaved load-event medians
import { chromium } from "@playwright/test";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
const [dir, nStr, ...files] = process.argv.slice(2);
const server = http
  .createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(req.url!.split("?")[0]));
    if (!fs.existsSync(p) || fs.statSync(p).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    const type = p.endsWith(".html")
      ? "text/html; charset=utf-8"
      : p.endsWith(".css")
        ? "text/css"
        : p.endsWith(".js")
          ? "text/javascript"
          : "application/octet-stream";
    const buf = fs.readFileSync(p);
    res.writeHead(200, { "content-type": type, "content-length": buf.length });
    res.end(buf);
  })
  .listen(3460, "127.0.0.1");
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const res: Record<string, number[]> = {};
const els: Record<string, number> = {};
for (let k = 0; k < Number(nStr); k++)
  for (const f of [...files].sort(() => Math.random() - 0.5)) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`http://127.0.0.1:3460/${f}`, { waitUntil: "load" });
    const [load, n, dcl, ls, fcp] = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return [
        nav.loadEventEnd,
        document.getElementsByTagName("*").length,
        nav.domContentLoadedEventEnd,
        nav.loadEventStart,
        performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      ];
    });
    (res[f] ??= []).push(load);
    (res[f + "#dcl"] ??= []).push(dcl);
    (res[f + "#ls"] ??= []).push(ls);
    (res[f + "#fcp"] ??= []).push(fcp);
    els[f] = n;
    await ctx.close();
  }
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const f of files)
  console.log(
    f.padEnd(30),
    "dcl",
    med(res[f + "#dcl"]).toFixed(0),
    "loadStart",
    med(res[f + "#ls"]).toFixed(0),
    "fcp",
    med(res[f + "#fcp"]).toFixed(0),
    "p50",
    med(res[f]).toFixed(0),
    "min",
    Math.min(...res[f]).toFixed(0),
    "els",
    els[f],
    "bytes",
    fs.statSync(path.join(dir, f)).size,
  );
await browser.close();
server.close();
