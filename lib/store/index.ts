// Picks the adapter from configuration. One store per process, shared through globalThis because
// Next bundles the proxy and the route handlers separately.
import path from "node:path";
import { getConfig } from "../config";
import type { Store } from "./types";

export type { Store } from "./types";

const KEY = Symbol.for("parley.store");
type Holder = { [KEY]?: Promise<Store> };

export async function openStore(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Store> {
  if (options.databaseUrl) {
    const { openPostgresStore } = await import("./postgres");
    return openPostgresStore(options.databaseUrl, options.poolSize);
  }
  const { openSqliteStore } = await import("./sqlite");
  return openSqliteStore(path.join(options.dataDir, "parley.db"));
}

export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const config = getConfig();
    holder[KEY] = openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.PARLEY_DATA_DIR }).catch((err) => {
      delete holder[KEY];
      throw err;
    });
  }
  return holder[KEY];
}
