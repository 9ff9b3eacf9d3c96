// Crash: kill -9 the server again and again while clients sync, restart it on the same database, and
// check that nothing acknowledged was lost, that SQLite's file is intact, and that no share's
// version went backwards.
import path from "node:path";
import Database from "better-sqlite3";
import { startServer, type TestServer } from "../e2e/support/server";
import { createPgDatabase } from "./databases";
import { SyncClient, syncUntil, verifyAcked } from "./sync-clients";

export type CrashOptions = { store: "sqlite" | "postgres"; cycles: number; clients?: number; env?: Record<string, string>; log?: (line: string) => void };

export type CrashFigures = {
  store: string;
  cycles: number;
  syncsAcked: number;
  syncsFailed: number;
  itemsChecked: number;
  lost: string[];
  changed: string[];
  integrity: string[];
  versionProblems: string[];
  restartMs: { max: number; mean: number };
};

const LIMITS = { PARLEY_RATE_CREATE: "100000/1m", PARLEY_RATE_LOOKUP: "100000/1m" };

export async function runCrash(options: CrashOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => {});
  const pgdb = options.store === "postgres" ? await createPgDatabase("parley_crash") : null;
  const env = { ...LIMITS, ...(pgdb ? { DATABASE_URL: pgdb.url } : {}), ...options.env };
  const figures: CrashFigures = {
    store: options.store,
    cycles: 0,
    syncsAcked: 0,
    syncsFailed: 0,
    itemsChecked: 0,
    lost: [],
    changed: [],
    integrity: [],
    versionProblems: [],
    restartMs: { max: 0, mean: 0 },
  };
  const restarts: number[] = [];
  let server: TestServer = await startServer({ env });
  const dataDir = server.dataDir;
  try {
    const clients = await Promise.all(Array.from({ length: options.clients ?? 4 }, (_, i) => SyncClient.create(server.baseURL, `c${i}`)));
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const stop = new AbortController();
      const running = syncUntil(server.baseURL, clients, stop.signal);
      // Kill at a random moment while syncs are in flight: at least one acknowledged sync per client first.
      const until = Date.now() + 300 + Math.random() * 1200;
      while (Date.now() < until || clients.some((c) => c.ok < cycle)) await new Promise((r) => setTimeout(r, 20));
      await server.kill9();
      stop.abort();
      await running;
      figures.cycles = cycle;

      const started = Date.now();
      server = await startServer({ env, dataDir });
      restarts.push(Date.now() - started);
      for (const client of clients) {
        const v = await verifyAcked(server.baseURL, client);
        figures.itemsChecked += v.acked - v.missing.length - v.changed.length;
        figures.lost.push(...v.missing.map((k) => `cycle ${cycle} ${client.name}: ${k}`));
        figures.changed.push(...v.changed.map((k) => `cycle ${cycle} ${client.name}: ${k}`));
        const stored = await storedVersion(options.store, dataDir, pgdb, client.share.id);
        if (stored < client.lastVersion)
          figures.versionProblems.push(`cycle ${cycle} ${client.name}: stored version ${stored} < acknowledged ${client.lastVersion}`);
      }
      if (options.store === "sqlite") {
        const check = integrityCheck(path.join(dataDir, "parley.db"));
        if (check !== "ok") figures.integrity.push(`cycle ${cycle}: ${check}`);
      }
      log(
        `crash ${options.store}: cycle ${cycle}/${options.cycles}, restart ${restarts.at(-1)} ms, acked ${clients.reduce((n, c) => n + c.ok, 0)} syncs, lost ${figures.lost.length}`,
      );
    }
    for (const c of clients) {
      figures.syncsAcked += c.ok;
      figures.syncsFailed += c.attempts - c.ok;
      figures.versionProblems.push(...c.versionProblems);
    }
  } finally {
    await server.stop();
    if (options.store === "sqlite") (await import("node:fs")).rmSync(dataDir, { recursive: true, force: true });
    await pgdb?.drop();
  }
  figures.restartMs = { max: Math.max(...restarts), mean: Math.round(restarts.reduce((a, b) => a + b, 0) / restarts.length) };
  return figures;
}

/** The share's version as the database holds it right now. */
async function storedVersion(store: string, dataDir: string, pgdb: Awaited<ReturnType<typeof createPgDatabase>> | null, id: string): Promise<number> {
  if (store === "postgres") return Number((await pgdb!.query<{ version: string }>("select version from shares where id = $1", [id]))[0]?.version ?? -1);
  const db = new Database(path.join(dataDir, "parley.db"), { readonly: true });
  try {
    return Number((db.prepare("select version from shares where id = ?").get(id) as { version: number } | undefined)?.version ?? -1);
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check through a second, read-only connection while the server runs. */
export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}
