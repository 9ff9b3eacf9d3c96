// One implementation of the Store contract over Kysely, shared by SQLite and PostgreSQL.
// Only connection set-up and the post-delete scrub differ per database (see sqlite.ts, postgres.ts).
import "server-only";
import { type Kysely, Migrator, sql, type Generated, type Transaction } from "kysely";
import { unavailableFrom } from "./errors";
import { migrationProvider } from "./migrations";
import {
  ShareGoneError,
  ShareTooLargeError,
  type ItemWrite,
  type NewShare,
  type RateTake,
  type ShareRecord,
  type Store,
  type StoredItem,
  type StoredShare,
  type StoreStats,
  type UpsertOptions,
} from "./types";

type Database = {
  shares: {
    id: string;
    session_id: string;
    secret_hash: string;
    created_at: number;
    updated_at: number;
    version: Generated<number>;
    bytes: Generated<number>;
    deleted_at: number | null;
    expires_at: number | null;
  };
  share_items: {
    share_id: string;
    key: string;
    type: string;
    data: string;
    bytes: number;
    updated_at: number;
  };
  rate_buckets: {
    key: string;
    tat: number;
    allowed: number;
  };
};

type ShareRow = Database["shares"] & { version: number; bytes: number };

function toShare(row: ShareRow): StoredShare {
  return {
    id: row.id,
    sessionId: row.session_id,
    secretHash: row.secret_hash,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    version: Number(row.version),
    bytes: Number(row.bytes),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
  };
}

const utf8Length = (s: string) => Buffer.byteLength(s, "utf8");
// Upserts are sent in chunks so a 2,000-item batch stays under both databases' bound-parameter limits.
const UPSERT_CHUNK = 150;

export class KyselyStore implements Store {
  constructor(
    readonly kind: "sqlite" | "postgres",
    private readonly db: Kysely<Database>,
    private readonly afterDelete: () => Promise<void> = async () => {},
  ) {}

  static async open(kind: "sqlite" | "postgres", db: Kysely<unknown>, afterDelete?: () => Promise<void>): Promise<KyselyStore> {
    const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    // A database that is down at start-up is "unavailable" (503 until it is back), not a broken migration.
    if (error && unavailableFrom(kind, error)) throw unavailableFrom(kind, error);
    if (error) throw new Error(`database migration failed: ${String((error as Error).message ?? error)}`);
    return new KyselyStore(kind, db as Kysely<Database>, afterDelete);
  }

  /**
   * One transaction that rethrows the error that ended it. SQLite rolls a transaction back by itself
   * when a write or the COMMIT fails for lack of space or I/O (SQLITE_FULL, SQLITE_IOERR); Kysely's
   * own ROLLBACK then fails with "no transaction is active", and in kysely's managed transaction that
   * error replaces the real cause (a full disk answered 500, not 507). A controlled transaction
   * releases its connection even when that ROLLBACK fails.
   */
  private async transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    const trx = await this.db.startTransaction().execute();
    try {
      const result = await fn(trx);
      await trx.commit().execute();
      return result;
    } catch (err) {
      await trx
        .rollback()
        .execute()
        .catch(() => {});
      throw err;
    }
  }

  async createShare(share: NewShare): Promise<void> {
    await this.db
      .insertInto("shares")
      .values({
        id: share.id,
        session_id: share.sessionId,
        secret_hash: share.secretHash,
        created_at: share.createdAt,
        updated_at: share.createdAt,
        expires_at: share.expiresAt,
        deleted_at: null,
      })
      .execute();
  }

  async getShare(id: string): Promise<StoredShare | null> {
    const row = await this.db.selectFrom("shares").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toShare(row as ShareRow) : null;
  }

  async upsertItems(id: string, items: ItemWrite[], options: UpsertOptions): Promise<ShareRecord> {
    return this.transaction(async (trx) => {
      // Bumping the version first takes the share's row lock (PostgreSQL), which serialises
      // concurrent syncs of one share without ever reading and rewriting a whole snapshot.
      const bumped = await trx
        .updateTable("shares")
        .set({ version: sql`version + 1`, updated_at: options.now })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!bumped) throw new ShareGoneError(id);

      for (let i = 0; i < items.length; i += UPSERT_CHUNK) {
        const rows = items.slice(i, i + UPSERT_CHUNK).map((item) => ({
          share_id: id,
          key: item.key,
          type: item.type,
          data: item.json,
          bytes: utf8Length(item.json),
          updated_at: options.now,
        }));
        await trx
          .insertInto("share_items")
          .values(rows)
          .onConflict((oc) =>
            oc.columns(["share_id", "key"]).doUpdateSet((eb) => ({
              type: eb.ref("excluded.type"),
              data: eb.ref("excluded.data"),
              bytes: eb.ref("excluded.bytes"),
              updated_at: eb.ref("excluded.updated_at"),
            })),
          )
          .execute();
      }

      const total = await trx
        .selectFrom("share_items")
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("bytes"), sql<number>`0`).as("bytes"))
        .where("share_id", "=", id)
        .executeTakeFirstOrThrow();
      const bytes = Number(total.bytes);
      if (bytes > options.maxShareBytes) throw new ShareTooLargeError(bytes, options.maxShareBytes);

      const row = await trx.updateTable("shares").set({ bytes }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
      return toShare(row as ShareRow);
    });
  }

  async listItems(id: string): Promise<StoredItem[]> {
    const rows = await this.db.selectFrom("share_items").select(["key", "type", "data", "updated_at"]).where("share_id", "=", id).execute();
    // Sorted here, not in SQL: PostgreSQL's collation would order keys differently from SQLite's.
    return rows
      .map((r) => ({ key: r.key, type: r.type, json: r.data, updatedAt: Number(r.updated_at) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async findPart(id: string, partId: string): Promise<StoredItem | null> {
    // Keys are part/<messageID>/<partID>; "_" (common in ids) and "%" are LIKE wildcards, so escape them.
    const pattern = `part/%/${partId.replace(/[\\%_]/g, (c) => `\\${c}`)}`;
    const rows = await this.db
      .selectFrom("share_items")
      .select(["key", "type", "data", "updated_at"])
      .where("share_id", "=", id)
      .where("type", "=", "part")
      .where(sql<boolean>`key like ${pattern} escape '\\'`)
      .execute();
    const row = rows.filter((r) => r.key.split("/").length === 3 && r.key.endsWith(`/${partId}`)).sort((a, b) => (a.key < b.key ? -1 : 1))[0];
    return row ? { key: row.key, type: row.type, json: row.data, updatedAt: Number(row.updated_at) } : null;
  }

  async deleteShare(id: string, now: number): Promise<boolean> {
    const deleted = await this.transaction(async (trx) => {
      const row = await trx
        .updateTable("shares")
        // The tombstone keeps only id, created and unshared-at: no session id, no usable secret.
        .set({ deleted_at: now, updated_at: now, session_id: "", secret_hash: "", bytes: 0, expires_at: null })
        .where("id", "=", id)
        .where("deleted_at", "is", null)
        .returning("id")
        .executeTakeFirst();
      if (!row) return false;
      await trx.deleteFrom("share_items").where("share_id", "=", id).execute();
      return true;
    });
    if (deleted) await this.afterDelete();
    return deleted;
  }

  async setExpiry(id: string, expiresAt: number | null): Promise<void> {
    await this.db.updateTable("shares").set({ expires_at: expiresAt }).where("id", "=", id).execute();
  }

  async listExpired(now: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom("shares")
      .select("id")
      .where("deleted_at", "is", null)
      .where("expires_at", "is not", null)
      .where("expires_at", "<=", now)
      .orderBy("expires_at")
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async takeRateToken(key: string, now: number, interval: number, tolerance: number): Promise<RateTake> {
    // One upsert, atomic on both databases. The casts give PostgreSQL the parameters' types.
    const at = sql<number>`cast(${now} as bigint)`;
    const base = sql<number>`case when rate_buckets.tat > ${at} then rate_buckets.tat else ${at} end`;
    const fits = sql<boolean>`${base} - ${at} <= cast(${tolerance} as bigint)`;
    const row = await this.db
      .insertInto("rate_buckets")
      .values({ key, tat: now + interval, allowed: 1 })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          tat: sql`case when ${fits} then ${base} + cast(${interval} as bigint) else rate_buckets.tat end`,
          allowed: sql`case when ${fits} then 1 else 0 end`,
        }),
      )
      .returning(["tat", "allowed"])
      .executeTakeFirstOrThrow();
    if (Number(row.allowed) === 1) return { allowed: true };
    return { allowed: false, retryAfter: Number(row.tat) - tolerance - now };
  }

  async pruneRateLimits(now: number): Promise<number> {
    const result = await this.db.deleteFrom("rate_buckets").where("tat", "<=", now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async listShares(options: { after?: string; limit: number }): Promise<StoredShare[]> {
    let query = this.db.selectFrom("shares").selectAll().orderBy("id").limit(options.limit);
    if (options.after !== undefined) query = query.where("id", ">", options.after);
    return (await query.execute()).map((row) => toShare(row as ShareRow));
  }

  async getStats(now: number): Promise<StoreStats> {
    const shares = await this.db
      .selectFrom("shares")
      .select((eb) => [
        sql<number>`sum(case when deleted_at is null and (expires_at is null or expires_at > ${now}) then 1 else 0 end)`.as("live"),
        sql<number>`sum(case when deleted_at is not null then 1 else 0 end)`.as("unshared"),
        sql<number>`sum(case when deleted_at is null and expires_at <= ${now} then 1 else 0 end)`.as("expired"),
        eb.fn.coalesce(eb.fn.sum<number>("bytes"), sql<number>`0`).as("bytes"),
      ])
      .executeTakeFirstOrThrow();
    const items = await this.db
      .selectFrom("share_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return {
      live: Number(shares.live ?? 0),
      unshared: Number(shares.unshared ?? 0),
      expired: Number(shares.expired ?? 0),
      items: Number(items.n),
      bytes: Number(shares.bytes),
    };
  }

  async importShare(share: StoredShare, items: StoredItem[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("share_items").where("share_id", "=", share.id).execute();
      await trx.deleteFrom("shares").where("id", "=", share.id).execute();
      await trx
        .insertInto("shares")
        .values({
          id: share.id,
          session_id: share.sessionId,
          secret_hash: share.secretHash,
          created_at: share.createdAt,
          updated_at: share.updatedAt,
          version: share.version,
          bytes: share.bytes,
          deleted_at: share.deletedAt,
          expires_at: share.expiresAt,
        })
        .execute();
      for (let i = 0; i < items.length; i += UPSERT_CHUNK) {
        const rows = items.slice(i, i + UPSERT_CHUNK).map((item) => ({
          share_id: share.id,
          key: item.key,
          type: item.type,
          data: item.json,
          bytes: utf8Length(item.json),
          updated_at: item.updatedAt,
        }));
        await trx.insertInto("share_items").values(rows).execute();
      }
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
