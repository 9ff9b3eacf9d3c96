// `npm run admin -- list|show <id>|unshare <id>|purge-expired|stats` on the configured database.
// Unshare is the API's own deletion (removeShare in lib/shares/shares.ts: items deleted, tombstone,
// secure delete); a running server reads the share's state on every request, so it answers 410 at once.
import "server-only";
import { getShareState, removeShare, sweepExpired } from "../shares/shares";
import { runtime } from "../runtime";
import { localServerUrl } from "./demo";
import type { StoredShare } from "../store/types";

const iso = (ms: number | null) => (ms === null ? "-" : new Date(ms).toISOString().replace(/\.\d+Z$/, "Z"));

function state(share: StoredShare, now: number): string {
  if (share.deletedAt !== null) return "unshared";
  if (share.expiresAt !== null && share.expiresAt <= now) return "expired";
  return "live";
}

export async function listShares(print: (line: string) => void, now = Date.now()): Promise<number> {
  const store = await runtime().store();
  print(["id".padEnd(24), "state".padEnd(8), "created".padEnd(20), "updated".padEnd(20), "version".padStart(7), "bytes".padStart(10), "  expires"].join(" "));
  let count = 0;
  for (let after: string | undefined; ; ) {
    const page = await store.listShares({ after, limit: 500 });
    for (const s of page) {
      count++;
      print(
        [
          s.id.padEnd(24),
          state(s, now).padEnd(8),
          iso(s.createdAt).padEnd(20),
          iso(s.updatedAt).padEnd(20),
          String(s.version).padStart(7),
          String(s.bytes).padStart(10),
          `  ${iso(s.expiresAt)}`,
        ].join(" "),
      );
    }
    if (page.length < 500) break;
    after = page[page.length - 1].id;
  }
  return count;
}

/** One share's record and what it holds, by item type. The title is the only content shown. */
export async function showShare(id: string, print: (line: string) => void, now = Date.now()): Promise<boolean> {
  const store = await runtime().store();
  const share = await store.getShare(id);
  if (!share) return false;
  const items = await store.listItems(id);
  const byType = new Map<string, number>();
  for (const item of items) byType.set(item.type, (byType.get(item.type) ?? 0) + 1);
  const session = items.find((i) => i.key === "session");
  const title = session ? (JSON.parse(session.json)?.data?.title as string | undefined) : undefined;
  const rows: [string, string][] = [
    ["id", share.id],
    ["state", state(share, now)],
    ["session", share.sessionId || "-"],
    ["title", title ?? "-"],
    ["created", iso(share.createdAt)],
    ["updated", iso(share.updatedAt)],
    ["unshared", iso(share.deletedAt)],
    ["expires", iso(share.expiresAt)],
    ["version", String(share.version)],
    ["bytes", String(share.bytes)],
    ["items", [...byType].map(([t, n]) => `${n} ${t}`).join(", ") || "0"],
  ];
  for (const [k, v] of rows) print(`${k.padEnd(9)} ${v}`);
  return true;
}

export type AdminResult = { code: number; message?: string };

/**
 * With PARLEY_ADMIN_TOKEN set, the running server is asked first (DELETE /api/share/:id with the token),
 * so it also drops what its caches hold of the share at once. Without a token, or with no server
 * answering, the deletion runs here; the server then answers 410 anyway (it reads the state on every
 * request) and its caches let the entries age out.
 */
async function unshareThroughServer(id: string): Promise<{ unsharedAt: string } | null> {
  const config = runtime().config;
  if (!config.PARLEY_ADMIN_TOKEN) return null;
  try {
    const res = await fetch(`${localServerUrl(config.HOST, config.PORT)}/api/share/${encodeURIComponent(id)}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${config.PARLEY_ADMIN_TOKEN}` },
      signal: AbortSignal.timeout(5000),
    });
    if (res.status !== 200) return null; // not our server, or it disagrees: decide from the database below
    return (await res.json()) as { unsharedAt: string };
  } catch {
    return null;
  }
}

export async function unshareShare(id: string, print: (line: string) => void): Promise<AdminResult> {
  const before = await getShareState(id);
  if (before.status === "missing") return { code: 2, message: `no share with id ${id}` };
  if (before.status === "gone") return { code: 3, message: `share ${id} is already ${before.reason} (${iso(before.since)})` };
  const viaServer = await unshareThroughServer(id);
  const result = viaServer ?? (await removeShare(id));
  const how = viaServer ? "by the running server, which dropped its caches" : "in the database";
  print(`unshared ${id} at ${result.unsharedAt} (${how}): its data is deleted and its links answer 410`);
  return { code: 0 };
}

export async function purgeExpired(print: (line: string) => void): Promise<void> {
  print(`deleted the data of ${await sweepExpired()} expired shares`);
}

export async function printStats(print: (line: string) => void, now = Date.now()): Promise<void> {
  const store = await runtime().store();
  const s = await store.getStats(now);
  print(`database  ${store.kind}`);
  print(`live      ${s.live}`);
  print(`expired   ${s.expired} (not yet purged)`);
  print(`unshared  ${s.unshared}`);
  print(`items     ${s.items}`);
  print(`bytes     ${s.bytes}`);
}
