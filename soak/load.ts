// Load: 100 concurrent page viewers (short and long shares, warm and cold pages, preview cards) and
// 10 clients syncing once a second, for a fixed time. Zero errors and zero dropped syncs expected;
// reports p50/p99/max per route and the server's RSS (peak from VmHWM, and sampled over time).
import fs from "node:fs";
import autocannon from "autocannon";
import { replay } from "../e2e/support/fixtures";
import { startServer } from "../e2e/support/server";
import { SyncClient, syncUntil, verifyAcked } from "./sync-clients";

const LIMITS = { PARLEY_RATE_CREATE: "100000/1m", PARLEY_RATE_LOOKUP: "100000/1m" };

export type RouteFigures = { connections: number; requests: number; errors: number; timeouts: number; non2xx: number; p50: number; p99: number; max: number };
export type LoadFigures = {
  seconds: number;
  routes: Record<string, RouteFigures>;
  sync: { clients: number; attempts: number; acked: number; dropped: number; lost: number; p50: number; p99: number; max: number };
  rss: { peakMiB: number; startMiB: number; endMiB: number; samples: number[] };
  problems: string[];
};

/** VmRSS and VmHWM of a process, in MiB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), hwm: Math.round(kb("VmHWM") / 1024) };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : 0;
};

export async function runLoad(
  options: { seconds?: number; viewers?: number; syncers?: number; env?: Record<string, string>; nodeArgs?: string[]; log?: (line: string) => void } = {},
): Promise<LoadFigures> {
  const log = options.log ?? (() => {});
  const seconds = options.seconds ?? 60;
  const server = await startServer({ env: { ...LIMITS, ...options.env }, nodeArgs: options.nodeArgs });
  const pid = server.process.pid!;
  const problems: string[] = [];
  try {
    // The shares: a recorded short session, a long synthetic one (200 messages), and the syncers' own.
    const short = await replay(server.baseURL, "tour");
    const alias = await replay(server.baseURL, "basic");
    const long = await SyncClient.create(server.baseURL, "long");
    for (let i = 0; i < 200; i++) await long.sync(server.baseURL, long.nextBatch(3, 600));
    const syncers = await Promise.all(Array.from({ length: options.syncers ?? 10 }, (_, i) => SyncClient.create(server.baseURL, `load${i}`)));
    for (const s of syncers) await s.sync(server.baseURL);
    // Warm the warm ones (the page cache fills on the second view).
    for (const path of [
      `/s/${short.id}`,
      `/s/${short.id}`,
      `/s/${long.share.id}`,
      `/s/${long.share.id}`,
      `/share/${alias.id}`,
      `/share/${alias.id}`,
      `/s/${short.id}/card.png`,
    ]) {
      await (await fetch(`${server.baseURL}${path}`)).arrayBuffer();
    }
    const startMiB = memoryOf(pid).rss;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const viewers = options.viewers ?? 100;
    const share = (n: number) => Math.max(1, Math.round((viewers * n) / 100));
    const routes: Record<string, { connections: number; path?: string; paths?: () => string }> = {
      "page short warm (/s)": { connections: share(25), path: `/s/${short.id}` },
      "page long warm (/s, 200 messages)": { connections: share(15), path: `/s/${long.share.id}` },
      "page cold (/s, syncing shares)": { connections: share(25), paths: () => `/s/${pick(syncers).share.id}` },
      "page short warm (/share)": { connections: share(10), path: `/share/${alias.id}` },
      "card warm": { connections: share(10), path: `/s/${short.id}/card.png` },
      "card cold (syncing shares)": {
        connections: share(15),
        paths: () => {
          const s = pick(syncers);
          return `/s/${s.share.id}/card.png?v=${s.lastVersion}`;
        },
      },
    };

    const stop = new AbortController();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(memoryOf(pid).rss), 1000);
    const syncing = syncUntil(server.baseURL, syncers, stop.signal, 1000);
    const results = await Promise.all(
      Object.entries(routes).map(([name, r]) =>
        autocannon({
          url: server.baseURL,
          connections: r.connections,
          duration: seconds,
          timeout: 30,
          requests: [r.paths ? { setupRequest: (req) => ({ ...req, path: r.paths!() }) } : { path: r.path! }],
        }).then((res) => [name, r.connections, res] as const),
      ),
    );
    stop.abort();
    await syncing;
    clearInterval(sampler);

    const figures: LoadFigures = {
      seconds,
      routes: {},
      sync: { clients: syncers.length, attempts: 0, acked: 0, dropped: 0, lost: 0, p50: 0, p99: 0, max: 0 },
      rss: { peakMiB: memoryOf(pid).hwm, startMiB, endMiB: memoryOf(pid).rss, samples },
      problems,
    };
    for (const [name, connections, res] of results) {
      figures.routes[name] = {
        connections,
        requests: res.requests.total,
        errors: res.errors,
        timeouts: res.timeouts,
        non2xx: res.non2xx,
        p50: res.latency.p50,
        p99: res.latency.p99,
        max: res.latency.max,
      };
      if (res.errors || res.timeouts || res.non2xx) problems.push(`${name}: ${res.errors} errors, ${res.timeouts} timeouts, ${res.non2xx} non-2xx`);
    }
    const ms = syncers.flatMap((s) => s.answers.map((a) => a.ms));
    for (const s of syncers) {
      const v = await verifyAcked(server.baseURL, s);
      figures.sync.lost += v.missing.length + v.changed.length;
      figures.sync.attempts += s.attempts;
      figures.sync.acked += s.ok;
    }
    figures.sync.dropped = figures.sync.attempts - figures.sync.acked;
    Object.assign(figures.sync, { p50: pct(ms, 50), p99: pct(ms, 99), max: Math.max(...ms) });
    if (figures.sync.dropped || figures.sync.lost) problems.push(`syncs: ${figures.sync.dropped} dropped, ${figures.sync.lost} items lost`);
    for (const [name, r] of Object.entries(figures.routes))
      log(
        `load: ${name.padEnd(36)} ${String(r.connections).padStart(3)} conns ${String(r.requests).padStart(6)} req  p50 ${r.p50} ms  p99 ${r.p99} ms  max ${r.max} ms  errors ${r.errors + r.timeouts + r.non2xx}`,
      );
    log(
      `load: sync (${syncers.length} clients, 1/s)           ${figures.sync.attempts} syncs, ${figures.sync.dropped} dropped, ${figures.sync.lost} lost  p50 ${figures.sync.p50} ms  p99 ${figures.sync.p99} ms  max ${figures.sync.max} ms`,
    );
    log(`load: server RSS start ${startMiB} MiB, end ${figures.rss.endMiB} MiB, peak (VmHWM) ${figures.rss.peakMiB} MiB`);
    return figures;
  } finally {
    await server.stop();
  }
}
