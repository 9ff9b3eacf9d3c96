// The embedded default: one SQLite file, durable and scrubbed on delete.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { LRUCache } from "lru-cache";
import { translate } from "./errors";
import { guardStore } from "./guarded";
import { KyselyStore } from "./kysely-store";
import type { Store } from "./types";

export async function openSqliteStore(file: string, options: { retryFor?: number } = {}): Promise<Store> {
  try {
    return guardStore(await open(file), options);
  } catch (err) {
    translate("sqlite", err);
  }
}

async function open(file: string): Promise<KyselyStore> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  // FULL: an acknowledged sync survives power loss and kill -9; writes are rare enough to afford the fsync.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  // Short: better-sqlite3 waits for a lock synchronously, blocking every other request. Longer waits
  // happen in guardStore (lib/store/guarded.ts), on timers, up to its bound.
  sqlite.pragma("busy_timeout = 100");
  // Deleted conversations are overwritten with zeros instead of lingering in free pages.
  sqlite.pragma("secure_delete = ON");
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  // The WAL keeps old page images after a checkpoint; truncating it removes the last copy of
  // an unshared conversation from disk.
  const scrubWal = async () => {
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
  };
  return KyselyStore.open("sqlite", db, scrubWal);
}

/**
 * Kysely prepares every query afresh; under load that was ~4% of the main thread (better-sqlite3's
 * prepare, measured with --cpu-prof). The queries are a fixed set of shapes, so each is prepared once.
 * A statement still iterating (a streamed query) is busy: a fresh one is prepared for the caller.
 */
function withStatementCache(sqlite: Database.Database) {
  // Bounded: the shapes are few, but a batch of N rows has its own SQL for each N.
  const statements = new LRUCache<string, Database.Statement>({ max: 200 });
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) statements.set(sql, statement);
      return statement;
    },
  };
}
