// Where the server's memory goes after bench-like work: shares of 2,000 synthetic messages (bench's
// generator), each synced, viewed cold once and warm three times, with RSS read after each. Run once
// as is and once with a V8 heap cap: if the capped run does the same work without errors, the
// difference is heap V8 had not bothered to collect, not data Parley keeps.
import { syntheticSession, type Item } from "../bench/synthetic";
import { startServer } from "../e2e/support/server";
import { memoryOf } from "./load";

export type MemoryProbeFigures = {
  nodeOptions: string | null;
  shares: number;
  messages: number;
  rssAfterEachMiB: number[];
  peakMiB: number;
  endMiB: number;
  errors: string[];
  coldMs: number[];
};

async function syncAll(base: string, items: Item[]): Promise<{ id: string }> {
  const res = await fetch(`${base}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_bench" }),
  });
  const share = (await res.json()) as { id: string; secret: string };
  for (let i = 0; i < items.length; i += 400) {
    const sync = await fetch(`${base}/api/share/${share.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, data: items.slice(i, i + 400) }),
    });
    await sync.arrayBuffer();
    if (sync.status !== 200) throw new Error(`sync answered ${sync.status}`);
  }
  return share;
}

export async function runMemoryProbe(
  options: { nodeOptions?: string; shares?: number; messages?: number; log?: (line: string) => void } = {},
): Promise<MemoryProbeFigures> {
  const log = options.log ?? (() => {});
  const messages = options.messages ?? 2000;
  const server = await startServer({ env: { PARLEY_RATE_CREATE: "100000/1m", ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}) } });
  const pid = server.process.pid!;
  const figures: MemoryProbeFigures = {
    nodeOptions: options.nodeOptions ?? null,
    shares: options.shares ?? 6,
    messages,
    rssAfterEachMiB: [],
    peakMiB: 0,
    endMiB: 0,
    errors: [],
    coldMs: [],
  };
  try {
    for (let n = 0; n < figures.shares; n++) {
      const share = await syncAll(server.baseURL, syntheticSession(messages, 42 + n));
      for (let view = 0; view < 4; view++) {
        const started = Date.now();
        const res = await fetch(`${server.baseURL}/s/${share.id}`, { headers: { "accept-encoding": "gzip, br" } });
        await res.arrayBuffer();
        if (view === 0) figures.coldMs.push(Date.now() - started);
        if (res.status !== 200) figures.errors.push(`share ${n} view ${view}: ${res.status}`);
      }
      figures.rssAfterEachMiB.push(memoryOf(pid).rss);
      log(`memory probe${options.nodeOptions ? ` (${options.nodeOptions})` : ""}: share ${n + 1}/${figures.shares}, RSS ${figures.rssAfterEachMiB.at(-1)} MiB`);
    }
    const m = memoryOf(pid);
    figures.peakMiB = m.hwm;
    figures.endMiB = m.rss;
    if (server.process.exitCode !== null) figures.errors.push(`the server exited: ${server.output().slice(-500)}`);
    return figures;
  } finally {
    await server.stop();
  }
}
