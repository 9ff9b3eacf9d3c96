// Where the server's memory goes after bench-like work: shares of 2,000 synthetic messages (bench's
// generator), each synced, viewed cold once and warm three times, with RSS read after each. Run once
// as is and once with a V8 heap cap: if the capped run does the same work without errors, the
// difference is heap V8 had not bothered to collect, not data Parley keeps.
import { syntheticSession, type Item } from "../bench/synthetic";
import { freePort, startServer } from "../e2e/support/server";
import { memoryOf } from "./load";

export type MemoryProbeFigures = {
  nodeOptions: string | null;
  shares: number;
  messages: number;
  rssAfterEachMiB: number[];
  /** After the last share, from the server's own metrics: V8 heap used and reserved, memory outside it. */
  end: { rssMiB: number; heapUsedMiB: number; heapTotalMiB: number; externalMiB: number; outsideHeapMiB: number } | null;
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
  const metricsPort = await freePort();
  const server = await startServer({
    env: { PARLEY_RATE_CREATE: "100000/1m", PARLEY_METRICS_PORT: String(metricsPort), ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}) },
  });
  const pid = server.process.pid!;
  const figures: MemoryProbeFigures = {
    nodeOptions: options.nodeOptions ?? null,
    shares: options.shares ?? 6,
    messages,
    rssAfterEachMiB: [],
    end: null,
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
    figures.end = await heapOf(metricsPort);
    figures.peakMiB = m.hwm;
    figures.endMiB = m.rss;
    if (server.process.exitCode !== null) figures.errors.push(`the server exited: ${server.output().slice(-500)}`);
    return figures;
  } finally {
    await server.stop();
  }
}

/** The process's memory as its own Prometheus metrics say (prom-client's default metrics), in MiB. */
export async function heapOf(metricsPort: number): Promise<MemoryProbeFigures["end"]> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const value = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, "m").exec(text)?.[1] ?? Number.NaN);
  const mib = (bytes: number) => Math.round(bytes / 2 ** 20);
  const rss = value("parley_process_resident_memory_bytes");
  const heapTotal = value("parley_nodejs_heap_size_total_bytes");
  return {
    rssMiB: mib(rss),
    heapUsedMiB: mib(value("parley_nodejs_heap_size_used_bytes")),
    heapTotalMiB: mib(heapTotal),
    externalMiB: mib(value("parley_nodejs_external_memory_bytes")),
    outsideHeapMiB: mib(rss - heapTotal),
  };
}
