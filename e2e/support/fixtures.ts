// Recorded OpenCode 1.18.33 traffic (copied from the shared fixtures) and a replayer that sends it to
// a running Parley exactly as the client did, mapping the recorded share id and secret to new ones.
import fs from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.join(__dirname, "..", "fixtures");
export const SCENARIOS = ["basic", "tour", "attachment", "aborted"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export type RecordedRequest = { seq: number; method: string; url: string; headers: Record<string, string>; body: unknown };
export type DataItem = { type: string; data: Record<string, unknown> & unknown };

export function readRequests(scenario: Scenario): RecordedRequest[] {
  return fs
    .readFileSync(path.join(FIXTURES_DIR, scenario, "share-requests.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

export function readMergedData(scenario: Scenario): DataItem[] {
  const file = scenario === "basic" ? "share-data-GET-api-share-id-data.json" : "share-data.json";
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, scenario, file), "utf8"));
}

export type Replayed = { id: string; url: string; secret: string; statuses: number[] };

/** Sends a scenario's create and sync requests in order; returns the share Parley created. */
export async function replay(baseURL: string, scenario: Scenario): Promise<Replayed> {
  const requests = readRequests(scenario);
  let share: { id: string; url: string; secret: string } | undefined;
  let recordedId: string | undefined;
  const statuses: number[] = [];
  for (const req of requests) {
    if (req.method === "POST" && req.url === "/api/share") {
      if (share) throw new Error(`${scenario}: more than one create`);
      const res = await fetch(`${baseURL}/api/share`, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": req.headers["user-agent"] ?? "opencode" },
        body: JSON.stringify(req.body),
      });
      statuses.push(res.status);
      share = await res.json();
      continue;
    }
    const sync = /^\/api\/share\/([^/]+)\/sync$/.exec(req.url);
    if (req.method !== "POST" || !sync) continue; // not share traffic, or another session's share
    if (!share) throw new Error(`${scenario}: sync before create`);
    recordedId ??= sync[1];
    if (sync[1] !== recordedId) continue;
    const body = req.body as { secret: string; data: unknown[] };
    const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": req.headers["user-agent"] ?? "opencode" },
      body: JSON.stringify({ ...body, secret: share.secret }),
    });
    statuses.push(res.status);
    await res.arrayBuffer();
  }
  if (!share) throw new Error(`${scenario}: no create request`);
  return { ...share, statuses };
}

/** Data[] as a key -> item map, keyed the way the client and server dedupe. */
export function byKey(items: DataItem[]): Map<string, DataItem> {
  const map = new Map<string, DataItem>();
  for (const item of items) {
    const d = item.data as Record<string, unknown>;
    const key = item.type === "message" ? `message/${d.id}` : item.type === "part" ? `part/${d.messageID}/${d.id}` : item.type;
    map.set(key, item);
  }
  return map;
}
