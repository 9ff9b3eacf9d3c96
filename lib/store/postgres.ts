// PostgreSQL, for when one machine is not enough. Rows are deleted on unshare; see the README
// for what VACUUM means for the bytes on disk.
import "server-only";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "./kysely-store";
import { dbErrors } from "../ops/metrics";

// int8 columns hold epoch milliseconds and byte counts, all well inside Number's safe range.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

export async function openPostgresStore(connectionString: string, poolSize = 10): Promise<KyselyStore> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: types as pg.CustomTypesConfig });
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
  return KyselyStore.open("postgres", db);
}
