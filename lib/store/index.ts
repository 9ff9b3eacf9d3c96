// Opens the adapter a configuration names. The process's one store is held by lib/runtime.ts.
import "server-only";
import path from "node:path";
import type { Store } from "./types";

export type { Store } from "./types";

export async function openStore(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Store> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import("./postgres");
    return openPostgresStore(options.databaseUrl, options.poolSize);
  }
  const { openSqliteStore } = await import("./sqlite");
  return openSqliteStore(path.join(options.dataDir, "parley.db"));
}
