// The demo share at start-up: gathers the facts decideDemo() needs (lib/ops/demo.ts) and, when it
// says so, sends the recorded "tour" session through this server's public API, exactly as a client.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import type { Store } from "../store/types";
import { decideDemo, demoUrl, type DemoDecision } from "./demo";

type Recorded = { id: string; secret: string };

function readRecorded(file: string): Recorded | null {
  try {
    const demo = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof demo?.id === "string" ? demo : null;
  } catch {
    return null;
  }
}

/** The decision for this configuration and database, before anything is written. */
export async function planDemo(config: Config, store: Store, root: string): Promise<DemoDecision> {
  return decideDemo({
    enabled: config.PARLEY_DEMO,
    postgres: Boolean(config.DATABASE_URL),
    dataDirChosen: config.PARLEY_DATA_DIR !== path.resolve(root, "data"),
    existingShares: config.DATABASE_URL ? [] : (await store.listShares({ limit: 3 })).map((s) => s.id),
    recordedDemo: readRecorded(path.join(config.PARLEY_DATA_DIR, "demo-share.json")),
  });
}

async function replayTour(localUrl: string, root: string): Promise<Recorded> {
  const file = path.join(root, "e2e", "fixtures", "tour", "share-requests.jsonl");
  const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
  const headers = { "content-type": "application/json", "user-agent": "parley-demo" };
  let demo: Recorded | undefined;
  for (const line of lines) {
    const req = JSON.parse(line);
    if (req.url === "/api/share") {
      const res = await fetch(`${localUrl}/api/share`, { method: "POST", headers, body: JSON.stringify(req.body) });
      if (!res.ok) throw new Error(`demo create failed: ${res.status}`);
      demo = (await res.json()) as Recorded;
    } else if (demo && req.method === "POST" && String(req.url).endsWith("/sync")) {
      const body = JSON.stringify({ ...req.body, secret: demo.secret });
      const res = await fetch(`${localUrl}/api/share/${demo.id}/sync`, { method: "POST", headers, body });
      if (!res.ok) throw new Error(`demo sync failed: ${res.status}`);
    }
  }
  if (!demo) throw new Error(`no create request in ${file}`);
  return demo;
}

/**
 * Makes or finds the demo share once the server answers at `localUrl`; returns the URL to print, or
 * null with the reason when there is none.
 */
export async function ensureDemoShare(options: { config: Config; store: Store; root: string; localUrl: string }) {
  const { config, store, root, localUrl } = options;
  const decision = await planDemo(config, store, root);
  if (decision.action === "skip") return { url: null, reason: decision.reason };
  let id = decision.action === "reuse" ? decision.id : null;
  if (decision.action === "reuse") {
    const share = await store.getShare(decision.id);
    if (!share || share.deletedAt !== null) id = null;
  }
  if (!id) {
    const demo = await replayTour(localUrl, root);
    fs.mkdirSync(config.PARLEY_DATA_DIR, { recursive: true });
    fs.writeFileSync(path.join(config.PARLEY_DATA_DIR, "demo-share.json"), JSON.stringify(demo, null, 2), { mode: 0o600 });
    id = demo.id;
  }
  return { url: demoUrl(id, config.PARLEY_PUBLIC_URL, config.PORT), reason: null };
}
