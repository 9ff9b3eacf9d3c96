// The embedded default: one SQLite file, durable and scrubbed on delete.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { KyselyStore } from "./kysely-store";

export async function openSqliteStore(file: string): Promise<KyselyStore> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: an acknowledged sync survives power loss and kill -9; writes are rare enough to afford the fsync.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // Deleted conversations are overwritten with zeros instead of lingering in free pages.
  sqlite.pragma("secure_delete = ON");
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  // The WAL keeps old page images after a checkpoint; truncating it removes the last copy of
  // an unshared conversation from disk.
  const scrubWal = async () => {
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  };
  return KyselyStore.open("sqlite", db, scrubWal);
}
