// PostgreSQL, for when one machine is not enough. Rows are deleted on unshare; see the README
// for what VACUUM means for the bytes on disk.
import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { translate } from "./errors";
import { guardStore } from "./guarded";
import { KyselyStore } from "./kysely-store";
import { dbErrors } from "../ops/metrics";
import type { Store } from "./types";

// int8 columns hold epoch milliseconds and byte counts, all well inside Number's safe range.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

export async function openPostgresStore(connectionString: string, poolSize = 10, options: { retryFor?: number } = {}): Promise<Store> {
  // A connection attempt that hangs (a dropped network) fails after 10 s (503) instead of holding the
  // request forever. pg counts the wait for a free pool slot in this too, so it is well above any
  // wait a busy but healthy server has.
  // lock_timeout: a row another session holds (a stuck transaction, an operator's manual lock) fails
  // the statement after 2 s (55P03, "busy") instead of holding the request for as long as it lasts;
  // guardStore retries within its bound, then answers 503.
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    options: "-c lock_timeout=2000",
    types: types as pg.CustomTypesConfig,
  });
  // A connection that fails outside a query (the server ends it: a restart, a failover,
  // pg_terminate_backend, a forced DROP DATABASE; or the network drops it) must not take the process
  // down: pg reports it as an 'error' event, on the pool for an idle connection and on the client
  // itself for one already leaving the pool, and an 'error' event nobody listens to throws. The pool
  // opens a new connection on next use.
  const lost = (err: Error) => {
    dbErrors.inc({ op: "connection" });
    console.error(`[parley] a PostgreSQL connection failed and is dropped: ${err.message}`);
  };
  pool.on("connect", (client) => client.on("error", lost));
  pool.on("error", () => {}); // the pool passes on an idle client's error, already logged just above
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    return guardStore(await KyselyStore.open("postgres", db), options);
  } catch (err) {
    await pool.end().catch(() => {});
    translate("postgres", err);
  }
}
