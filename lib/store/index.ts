// Opens the adapter a configuration names. The process's one store is held by lib/runtime.ts.
import "server-only";
import path from "node:path";
import { dbErrors } from "../ops/metrics";
import { instrumentStore } from "./instrumented";
import type { Store } from "./types";

export type { Store } from "./types";

export async function openStore(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Store> {
  try {
    if (options.databaseUrl) {
      const { openPostgresStore } = await import("./postgres");
      return instrumentStore(await openPostgresStore(options.databaseUrl, options.poolSize));
    }
    const { openSqliteStore } = await import("./sqlite");
    return instrumentStore(await openSqliteStore(path.join(options.dataDir, "parley.db")));
  } catch (err) {
    dbErrors.inc({ op: "open" });
    throw err;
  }
}
