#!/usr/bin/env node
// `npm start`: build if needed, start the production server, and make sure there is a demo share
// to open where one belongs (dist/demo.js: the recorded "tour" session, sent through the public API).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";
const local = `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

if (
  !fs.existsSync(path.join(root, ".next", "BUILD_ID")) ||
  !fs.existsSync(path.join(root, "dist", "server.js")) ||
  !fs.existsSync(path.join(root, "dist", "demo.js"))
) {
  console.log("parley: no production build yet, building (about a minute)...");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// V8 lets its heap grow toward its default limit (4 GiB on a 24 GiB host) before it collects in earnest, so
// under steady load RSS climbs for as long as it is watched (npm run soak -- memory: 572 -> 1,416 MiB in
// 10 minutes). Parley keeps only its bounded caches; capped, the same load stays bounded. The cap is
// package.json's config.heapMiB, as in deploy/parley.service; NODE_OPTIONS may set another.
const { heapMiB } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).config;
const heapCap = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : [`--max-old-space-size=${heapMiB}`];

// Parley's own server (server.ts, built to dist/server.js), with Next behind it. NODE_ENV as
// deploy/parley.service sets it: the share page's React is loaded before Next would set it, and
// without it that is React's development build.
const server = spawn(process.execPath, [...heapCap, path.join(root, "dist", "server.js")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production", PORT: port, HOST: host },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function waitForHealth() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${local}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy within 60 s");
}

try {
  await waitForHealth();
  console.log(`\nparley: running at ${local}`);
  // The demo share, only where lib/ops/demo.ts allows it (default SQLite database, PARLEY_DEMO not off).
  spawn(process.execPath, [path.join(root, "dist", "demo.js")], { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port, HOST: host } });
} catch (err) {
  console.error(`parley: ${err.message}`);
}
