#!/usr/bin/env node
// `npm start`: build if needed, start the production server, and make sure there is a demo share
// to open (the recorded "tour" session, sent through the public API like a real client would).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.PORT || "3000";
const host = process.env.HOST || "0.0.0.0";
const dataDir = path.resolve(root, process.env.PARLEY_DATA_DIR || "./data");
const local = `http://localhost:${port}`;
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(path.join(root, "dist", "server.js"))) {
  console.log("parley: no production build yet, building (about a minute)...");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Parley's own server (server.ts, built to dist/server.js), with Next behind it.
const server = spawn(process.execPath, [path.join(root, "dist", "server.js")], { cwd: root, stdio: "inherit", env: { ...process.env, PORT: port, HOST: host } });
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

async function ensureDemoShare() {
  const file = path.join(dataDir, "demo-share.json");
  if (fs.existsSync(file)) {
    const demo = JSON.parse(fs.readFileSync(file, "utf8"));
    if ((await fetch(`${local}/api/share/${demo.id}/data`)).ok) return demo;
  }
  const lines = fs.readFileSync(path.join(root, "e2e", "fixtures", "tour", "share-requests.jsonl"), "utf8").split("\n").filter(Boolean);
  let demo;
  for (const line of lines) {
    const req = JSON.parse(line);
    const headers = { "content-type": "application/json", "user-agent": "parley-demo" };
    if (req.url === "/api/share") {
      const res = await fetch(`${local}/api/share`, { method: "POST", headers, body: JSON.stringify(req.body) });
      if (!res.ok) throw new Error(`demo create failed: ${res.status} ${await res.text()}`);
      demo = await res.json();
    } else if (demo && req.method === "POST" && req.url.endsWith("/sync")) {
      const res = await fetch(`${local}/api/share/${demo.id}/sync`, { method: "POST", headers, body: JSON.stringify({ ...req.body, secret: demo.secret }) });
      if (!res.ok) throw new Error(`demo sync failed: ${res.status} ${await res.text()}`);
    }
  }
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(demo, null, 2), { mode: 0o600 });
  return demo;
}

try {
  await waitForHealth();
  const demo = await ensureDemoShare();
  console.log(`\nparley: running at ${local}`);
  console.log(`parley: demo share: ${local}/s/${demo.id}\n`);
} catch (err) {
  console.error(`parley: ${err.message}`);
}
