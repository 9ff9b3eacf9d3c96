// Versioned migrations, one list for SQLite and PostgreSQL (Kysely's schema builder speaks both).
// Never edit a migration that has shipped: add a new one.
import "server-only";
import type { Kysely, Migration, MigrationProvider } from "kysely";

const migrations: Record<string, Migration> = {
  "0001_shares_and_items": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("shares")
        .ifNotExists()
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("bytes", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("deleted_at", "bigint")
        .addColumn("expires_at", "bigint")
        .execute();
      await db.schema
        .createTable("share_items")
        .ifNotExists()
        .addColumn("share_id", "text", (c) => c.notNull().references("shares.id").onDelete("cascade"))
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("data", "text", (c) => c.notNull())
        .addColumn("bytes", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("share_items_pk", ["share_id", "key"])
        .execute();
      await db.schema.createIndex("shares_expires_at").ifNotExists().on("shares").column("expires_at").execute();
    },
  },
  // Rate-limit counters live in the database so limits hold across restarts and instances.
  "0002_rate_limits": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("rate_limits")
        .ifNotExists()
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("window_start", "bigint", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .execute();
    },
  },
  // Fixed windows let a client through at twice the limit across a window edge and made the count
  // depend on the clock: limits are token buckets now, one time per key. `rate_limits` stays for
  // now: during a rolling deploy on one PostgreSQL database the old instances still write it. A
  // later release drops it.
  "0003_rate_buckets": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("rate_buckets")
        .ifNotExists()
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("tat", "bigint", (c) => c.notNull())
        .addColumn("allowed", "integer", (c) => c.notNull())
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
