// PostgreSQL, for when one machine is not enough. Rows are deleted on unshare; see the README
// for what VACUUM means for the bytes on disk.
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { KyselyStore } from "./kysely-store";

// int8 columns hold epoch milliseconds and byte counts, all well inside Number's safe range.
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
};

export async function openPostgresStore(connectionString: string, poolSize = 10): Promise<KyselyStore> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: types as pg.CustomTypesConfig });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  return KyselyStore.open("postgres", db);
}
