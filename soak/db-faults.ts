// Database faults while clients sync: PostgreSQL restarted under load, SQLite's disk full, and a
// SQLite database locked by another process. The server must answer 503/507 JSON (never 500), lose
// nothing it acknowledged, and recover on its own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { startServer } from "../e2e/support/server";
import { integrityCheck } from "./crash";
import { createPgCluster } from "./pg-cluster";
import { SyncClient, syncUntil, verifyAcked } from "./sync-clients";
import { fillDisk, withTmpfs } from "./tmpfs";

type Log = { log?: (line: string) => void };
const LIMITS = { PARLEY_RATE_CREATE: "100000/1m", PARLEY_RATE_LOOKUP: "100000/1m" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Probe = { at: number; ms: number; path: string; status: number | "network"; code?: string };

/** GETs `paths` in a loop until stopped, recording each answer and its error code. */
async function probe(baseURL: string, paths: string[], stop: AbortSignal, into: Probe[]) {
  while (!stop.aborted) {
    for (const p of paths) {
      const at = Date.now();
      try {
        const res = await fetch(`${baseURL}${p}`);
        const text = await res.text();
        let code: string | undefined;
        if (res.status >= 400) {
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "not-json-model";
          } catch {
            code = "not-json";
          }
        }
        into.push({ at, ms: Date.now() - at, path: p, status: res.status, code });
      } catch (err) {
        into.push({ at, ms: Date.now() - at, path: p, status: err instanceof SyntaxError ? 0 : "network", code: "not-json" });
      }
    }
    await sleep(100);
  }
}

export type PgRestartFigures = {
  outageMs: number;
  duringOutage: Record<string, number>;
  pageDuringOutage: Record<string, number>;
  afterRecovery: Record<string, number>;
  recoveredAfterMs: number | null;
  acked: number;
  lost: number;
  badAnswers: string[];
  serverRestarted: boolean;
  problems: string[];
};

/** Answers counted by "<status> <code>". */
function tally(xs: { status: number | "network"; code?: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const x of xs) {
    const key = `${x.status}${x.code ? ` ${x.code}` : ""}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export async function runPgRestart(options: Log & { beforeMs?: number; outageMs?: number; afterMs?: number } = {}): Promise<PgRestartFigures> {
  const log = options.log ?? (() => {});
  const cluster = await createPgCluster();
  const server = await startServer({ env: { ...LIMITS, DATABASE_URL: cluster.url } }).catch((err) => {
    cluster.destroy();
    throw err;
  });
  const problems: string[] = [];
  try {
    const clients = await Promise.all(Array.from({ length: 4 }, (_, i) => SyncClient.create(server.baseURL, `pg${i}`)));
    const stop = new AbortController();
    const probes: Probe[] = [];
    // The viewer page is rendered outside the API (by the page path in front of Next); recorded, not judged here.
    const pages: Probe[] = [];
    const running = Promise.all([
      syncUntil(server.baseURL, clients, stop.signal, 100),
      probe(server.baseURL, ["/api/health", `/api/share/${clients[0].share.id}/data`], stop.signal, probes),
      probe(server.baseURL, [`/s/${clients[1].share.id}`], stop.signal, pages),
    ]);
    await sleep(options.beforeMs ?? 2000);
    cluster.stop();
    const down = Date.now();
    log("pg restart: PostgreSQL stopped");
    await sleep(options.outageMs ?? 3000);
    const upAt = Date.now();
    cluster.start();
    const up = Date.now();
    log(`pg restart: PostgreSQL started again after ${up - down} ms`);
    await sleep(options.afterMs ?? 3000);
    stop.abort();
    await running;

    const answers = [...clients.flatMap((c) => c.answers), ...probes];
    // Answers to requests sent while the database was fully down (stop finished, start not begun).
    const during = answers.filter((a) => a.at >= down && a.at + a.ms < upAt);
    // Pooled connections from before the restart fail once each; after that everything must pass.
    const firstOk = answers
      .filter((a) => a.at >= up && a.status === 200)
      .map((a) => a.at)
      .sort((a, b) => a - b)[0];
    const settled = answers.filter((a) => a.at >= up + 1500);
    for (const a of during) if (a.status !== 503 || a.code !== "unavailable") problems.push(`during the outage: ${a.status} ${a.code ?? ""}`);
    for (const a of settled) if (a.status !== 200) problems.push(`1.5 s after the restart: ${a.status} ${a.code ?? ""}`);
    let lost = 0;
    for (const c of clients) {
      const v = await verifyAcked(server.baseURL, c);
      lost += v.missing.length + v.changed.length;
    }
    const figures: PgRestartFigures = {
      outageMs: up - down,
      duringOutage: tally(during),
      pageDuringOutage: tally(pages.filter((a) => a.at >= down && a.at + a.ms < upAt)),
      afterRecovery: tally(settled),
      recoveredAfterMs: firstOk ? firstOk - up : null,
      acked: clients.reduce((n, c) => n + c.acked.size, 0),
      lost,
      badAnswers: clients.flatMap((c) => c.badAnswers),
      serverRestarted: server.process.exitCode !== null,
      problems: [...new Set(problems)],
    };
    log(
      `pg restart: outage ${figures.outageMs} ms, during ${JSON.stringify(figures.duringOutage)} (viewer page ${JSON.stringify(figures.pageDuringOutage)}), first 200 ${figures.recoveredAfterMs} ms after start, settled ${JSON.stringify(figures.afterRecovery)}, ${figures.acked} acknowledged items, lost ${lost}, problems ${figures.problems.length}`,
    );
    return figures;
  } finally {
    await server.stop();
    cluster.destroy();
  }
}

export type SqliteFullFigures = {
  whileFull: Record<string, number>;
  afterFree: Record<string, number>;
  acked: number;
  lost: number;
  integrity: string;
  badAnswers: string[];
  problems: string[];
};

export async function runSqliteFull(options: Log & { sizeMiB?: number } = {}): Promise<SqliteFullFigures> {
  const log = options.log ?? (() => {});
  return withTmpfs(options.sizeMiB ?? 24, async (dir) => {
    const server = await startServer({ env: LIMITS, dataDir: dir });
    const problems: string[] = [];
    try {
      const clients = await Promise.all(Array.from({ length: 2 }, (_, i) => SyncClient.create(server.baseURL, `full${i}`)));
      for (const c of clients) await c.sync(server.baseURL, c.nextBatch(3, 20_000));
      const filler = fillDisk(dir);
      log(`sqlite full: disk filled (${fs.statfsSync(dir).bavail} blocks free)`);
      const from = clients[0].answers.length;
      // Big batches, so the WAL must grow: a write that fits in pages SQLite already has may still pass.
      for (let i = 0; i < 8; i++) for (const c of clients) await c.sync(server.baseURL, c.nextBatch(4, 60_000));
      const whileFull = clients.flatMap((c) => c.answers.slice(c === clients[0] ? from : 1));
      const readable = await verifyAcked(server.baseURL, clients[0]);
      if (readable.status !== 200 || readable.missing.length) problems.push(`reads while full: ${readable.status}, ${readable.missing.length} missing`);
      fs.rmSync(filler);
      const before = clients.map((c) => c.answers.length);
      for (let i = 0; i < 3; i++) for (const c of clients) await c.sync(server.baseURL, c.nextBatch(2, 5_000));
      const afterFree = clients.flatMap((c, i) => c.answers.slice(before[i]));
      if (!whileFull.some((a) => a.status === 507 || a.status === 503)) problems.push("no sync was refused while the disk was full");
      for (const a of whileFull) if (a.status !== 200 && a.status !== 507 && a.status !== 503) problems.push(`while full: ${a.status} ${a.code ?? ""}`);
      for (const a of afterFree) if (a.status !== 200) problems.push(`after freeing space: ${a.status} ${a.code ?? ""}`);
      let lost = 0;
      for (const c of clients) {
        const v = await verifyAcked(server.baseURL, c);
        lost += v.missing.length + v.changed.length;
      }
      const figures: SqliteFullFigures = {
        whileFull: tally(whileFull),
        afterFree: tally(afterFree),
        acked: clients.reduce((n, c) => n + c.acked.size, 0),
        lost,
        integrity: integrityCheck(path.join(dir, "parley.db")),
        badAnswers: clients.flatMap((c) => c.badAnswers),
        problems,
      };
      if (problems.length)
        log(
          `sqlite full: server output:\n${server
            .output()
            .split("\n")
            .filter((l) => !/^\s+at /.test(l))
            .slice(-30)
            .join("\n")}`,
        );
      log(
        `sqlite full: while full ${JSON.stringify(figures.whileFull)}, after freeing ${JSON.stringify(figures.afterFree)}, ${figures.acked} acknowledged items, lost ${lost}, integrity ${figures.integrity}, problems ${problems.length}`,
      );
      return figures;
    } finally {
      await server.stop();
    }
  });
}

export type SqliteBusyFigures = {
  shortLock: { status: number | "network"; ms: number };
  longLock: { status: number | "network"; code?: string; ms: number };
  healthDuringLockMs: number;
  afterRelease: number | "network";
  lost: number;
  problems: string[];
};

export async function runSqliteBusy(options: Log & { longLockMs?: number } = {}): Promise<SqliteBusyFigures> {
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-busy-"));
  const server = await startServer({ env: LIMITS, dataDir: dir });
  const problems: string[] = [];
  const other = new Database(path.join(dir, "parley.db"));
  try {
    const client = await SyncClient.create(server.baseURL, "busy");
    await client.sync(server.baseURL);
    // Another process holds the write lock for 1 s: the sync waits it out and succeeds.
    other.exec("BEGIN IMMEDIATE");
    setTimeout(() => other.exec("COMMIT"), 1000);
    await client.sync(server.baseURL);
    const shortLock = client.answers.at(-1)!;
    // Held for longer than the bound: 503 when the bound is reached; reads and health still answer.
    other.exec("BEGIN IMMEDIATE");
    const pending = client.sync(server.baseURL);
    await sleep(500);
    const h = Date.now();
    await fetch(`${server.baseURL}/api/health`);
    const healthDuringLockMs = Date.now() - h;
    await pending;
    const longLock = client.answers.at(-1)!;
    other.exec("COMMIT");
    const after = await client.sync(server.baseURL);
    if (shortLock.status !== 200) problems.push(`a 1 s lock: ${shortLock.status}`);
    if (longLock.status !== 503 || longLock.code !== "unavailable") problems.push(`a long lock: ${longLock.status} ${longLock.code ?? ""}`);
    if (after !== 200) problems.push(`after release: ${after}`);
    const v = await verifyAcked(server.baseURL, client);
    const figures: SqliteBusyFigures = {
      shortLock: { status: shortLock.status, ms: shortLock.ms },
      longLock: { status: longLock.status, code: longLock.code, ms: longLock.ms },
      healthDuringLockMs,
      afterRelease: after,
      lost: v.missing.length + v.changed.length,
      problems,
    };
    log(
      `sqlite busy: 1 s lock -> ${shortLock.status} in ${shortLock.ms} ms; held lock -> ${longLock.status} ${longLock.code} in ${longLock.ms} ms (health meanwhile ${healthDuringLockMs} ms); after release ${after}; lost ${figures.lost}`,
    );
    return figures;
  } finally {
    if (other.inTransaction) other.exec("COMMIT");
    other.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
