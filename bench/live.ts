// Live follow (issue 14): over 100 syncs of a running agent's growing answer, the delay from the sync's
// answer (the client has the 200) to the change appearing in a reader's page, with 50 pages
// connected. The measuring page is a real Chromium tab: a MutationObserver notes when each sync's text
// is in its DOM. The other 49 readers are raw event-stream clients (node:http) that do what the page
// script does on every event, fetch the changed turns' fragments, each from its own loopback address
// (the per-address cap stays at its default).
import http from "node:http";
import type { Browser } from "@playwright/test";
import { percentile } from "./http";

export type LiveFigures = { syncs: number; pages: number; chromiumPages: number; sseClients: number; p50: number; p99: number; max: number; sseMissed: number };

const SESSION = "ses_bench_live";
const tick = (i: number) => `tick-${i}.`;

async function post(url: string, body: unknown, method = "POST"): Promise<{ status: number; json: { [k: string]: unknown } }> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

function items(i: number) {
  const text = Array.from({ length: i + 1 }, (_, n) => tick(n)).join(" ");
  return [
    { type: "session", data: { id: SESSION, title: "Live follow bench", time: { created: 1, updated: 2 + i } } },
    { type: "message", data: { id: "msg_1", sessionID: SESSION, role: "user", time: { created: 1 } } },
    { type: "part", data: { id: "prt_1", messageID: "msg_1", sessionID: SESSION, type: "text", text: "Work on it, and say how far you got." } },
    {
      type: "message",
      data: { id: "msg_2", sessionID: SESSION, parentID: "msg_1", role: "assistant", modelID: "mock-1", providerID: "mock", time: { created: 2 } },
    },
    { type: "part", data: { id: "prt_2", messageID: "msg_2", sessionID: SESSION, type: "text", text } },
  ];
}

/** A raw reader: on each "version" event, fetches the changed turns like the page does. */
function sseReader(base: string, id: string, localAddress: string, seen: Set<number>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/share/${id}/events`, { localAddress, agent: false, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`event stream answered ${res.statusCode}`));
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!block.startsWith("event: version")) continue;
          const change = JSON.parse(/^data: (.*)$/m.exec(block)![1]) as { version: number; turns: string[] };
          seen.add(change.version);
          http.get(`${base}/s/${id}/fragments?turns=${change.turns.join(",")}`, { localAddress, agent: false }, (r) => r.resume()).on("error", () => {});
        }
      });
      res.on("error", () => {});
      resolve(() => req.destroy());
    });
    req.on("error", reject);
  });
}

export async function benchLive(base: string, browser: Browser | null, options: { syncs?: number; pages?: number } = {}): Promise<LiveFigures | null> {
  if (!browser) return null;
  const syncs = options.syncs ?? 100;
  const pages = options.pages ?? 50;
  const share = (await post(`${base}/api/share`, { sessionID: SESSION })).json as { id: string; secret: string };
  const sync = async (i: number) => {
    const res = await post(`${base}/api/share/${share.id}/sync`, { secret: share.secret, data: items(i) });
    if (res.status !== 200) throw new Error(`sync answered ${res.status}`);
    return Date.now(); // the sync's answer
  };
  await sync(0);
  const context = await browser.newContext();
  const page = await context.newPage();
  const closers: (() => void)[] = [];
  const sseSeen: Set<number>[] = [];
  try {
    await page.goto(`${base}/s/${share.id}`);
    await page.evaluate(() => {
      const w = window as unknown as { __seen: Record<number, number> };
      w.__seen = {};
      new MutationObserver(() => {
        const text = document.querySelector("main")?.textContent ?? "";
        for (const m of text.matchAll(/tick-(\d+)\./g)) w.__seen[Number(m[1])] ??= Date.now();
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    for (let i = 0; i < pages - 1; i++) {
      const seen = new Set<number>();
      sseSeen.push(seen);
      closers.push(await sseReader(base, share.id, `127.0.0.${2 + i}`, seen));
    }
    // One sync to see the page connected before measuring.
    await sync(1);
    await page.waitForFunction(() => (window as unknown as { __seen: Record<number, number> }).__seen[1] !== undefined, null, { timeout: 10_000 });
    const delays: number[] = [];
    const versions: number[] = [];
    for (let i = 2; i < 2 + syncs; i++) {
      const answered = await sync(i);
      versions.push(i);
      const seen = await page.waitForFunction((n) => (window as unknown as { __seen: Record<number, number> }).__seen[n], i, { timeout: 10_000, polling: 10 });
      delays.push((await seen.jsonValue()) - answered);
      await new Promise((r) => setTimeout(r, 100)); // the raw readers fetch their fragments meanwhile
    }
    const lastVersion = versions.length + 2; // version 1 was the first sync (0), then one per sync
    const sseMissed = sseSeen.filter((s) => !s.has(lastVersion)).length;
    return {
      syncs,
      pages,
      chromiumPages: 1,
      sseClients: pages - 1,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: Math.max(...delays),
      sseMissed,
    };
  } finally {
    for (const close of closers) close();
    await context.close();
  }
}

/** The bench table's row. */
export function liveRow(f: LiveFigures | null) {
  return {
    metric: "live follow: sync answer -> change in page, p50 / p99",
    values: [
      f
        ? `${f.p50} ms / ${f.p99} ms (max ${f.max} ms; ${f.syncs} syncs, ${f.pages} readers: 1 Chromium + ${f.sseClients} SSE${f.sseMissed ? `, ${f.sseMissed} missed the last` : ""})`
        : "n/a",
    ],
    target: "< 2 s (p99)",
    pass: f ? f.p99 < 2000 : null,
  };
}
