// One contract, two databases: every adapter must pass exactly these tests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShareGoneError, ShareTooLargeError, type Store } from "./types";
import { createPostgresTestDatabase, createSqliteTestDatabase, postgresTestUrl, type TestDatabase } from "./test-databases";

const BIG = 1 << 30;
let counter = 0;
const newId = () => `share_${Date.now()}_${counter++}`;

async function seed(store: Store, id = newId()) {
  await store.createShare({ id, sessionId: "ses_1", secretHash: "ab".repeat(32), createdAt: 1000, expiresAt: null });
  return id;
}
const item = (key: string, value: unknown) => ({ key, type: key.split("/")[0], json: JSON.stringify({ type: key.split("/")[0], data: value }) });

function contract(name: string, open: () => Promise<TestDatabase>) {
  describe(`store contract: ${name}`, () => {
    let db: TestDatabase;
    let store: Store;
    beforeAll(async () => {
      db = await open();
      store = db.store;
    });
    afterAll(async () => {
      await store?.close();
      await db?.drop();
    });

    it("migrations are idempotent: reopening an existing database keeps its data", async () => {
      const id = await seed(store);
      const again = await db.reopen();
      expect((await again.getShare(id))?.sessionId).toBe("ses_1");
      await again.close();
    });

    it("findPart finds a part by its id alone, exactly (no LIKE wildcards, no case folding)", async () => {
      const id = await seed(store);
      const other = await seed(store);
      await store.upsertItems(
        id,
        [item("part/msg_1/prt_a_1", { n: 1 }), item("part/msg_2/prt_aX1", { n: 2 }), item("part/msg_2/PRT_B", { n: 3 }), item("message/prt_c", { n: 4 })],
        { now: 2000, maxShareBytes: BIG },
      );
      await store.upsertItems(other, [item("part/msg_9/prt_z", { n: 5 })], { now: 2000, maxShareBytes: BIG });
      expect((await store.findPart(id, "prt_a_1"))?.key).toBe("part/msg_1/prt_a_1");
      expect((await store.findPart(id, "prt_aX1"))?.key).toBe("part/msg_2/prt_aX1");
      expect(JSON.parse((await store.findPart(id, "prt_aX1"))!.json).data).toEqual({ n: 2 });
      expect(await store.findPart(id, "prt_b")).toBeNull();
      expect(await store.findPart(id, "prt_c")).toBeNull();
      expect(await store.findPart(id, "prt_z")).toBeNull();
      expect(await store.findPart(id, "%")).toBeNull();
    });

    it("creates and reads a share with its hash, times and version 0", async () => {
      const id = await seed(store);
      expect(await store.getShare(id)).toEqual({
        id,
        sessionId: "ses_1",
        secretHash: "ab".repeat(32),
        createdAt: 1000,
        updatedAt: 1000,
        version: 0,
        bytes: 0,
        deletedAt: null,
        expiresAt: null,
      });
      expect(await store.getShare("nope")).toBeNull();
    });

    it("refuses a second share with the same id", async () => {
      const id = await seed(store);
      await expect(seed(store, id)).rejects.toThrow();
    });

    it("upserts by key, last write wins, bumps the version and lists items sorted by key", async () => {
      const id = await seed(store);
      const a = await store.upsertItems(id, [item("session", { title: "a" }), item("message/m2", { n: 1 })], { now: 2000, maxShareBytes: BIG });
      expect(a.version).toBe(1);
      const b = await store.upsertItems(id, [item("session", { title: "b" }), item("message/m1", { n: 2 })], { now: 3000, maxShareBytes: BIG });
      expect(b.version).toBe(2);
      expect(b.updatedAt).toBe(3000);
      const items = await store.listItems(id);
      expect(items.map((i) => i.key)).toEqual(["message/m1", "message/m2", "session"]);
      expect(JSON.parse(items[2].json).data.title).toBe("b");
      expect(b.bytes).toBe(items.reduce((n, i) => n + Buffer.byteLength(i.json), 0));
    });

    it("sorts keys by code unit, the same on every database", async () => {
      const id = await seed(store);
      const keys = ["part/m/b", "part/m/B", "part/m/_", "part/m/a-1", "part/m/a_1", "model", "message/Z"];
      await store.upsertItems(
        id,
        keys.map((k) => item(k, {})),
        { now: 1, maxShareBytes: BIG },
      );
      expect((await store.listItems(id)).map((i) => i.key)).toEqual([...keys].sort());
    });

    it("keeps unicode and large values byte for byte", async () => {
      const id = await seed(store);
      const text = "héllo 🌍 \u0000-free ".repeat(20_000) + "日本語";
      await store.upsertItems(id, [item("part/m/p", { text })], { now: 1, maxShareBytes: BIG });
      expect(JSON.parse((await store.listItems(id))[0].json).data.text).toBe(text);
    });

    it("two concurrent syncs of one share both land in full", async () => {
      const id = await seed(store);
      const batch = (prefix: string) => Array.from({ length: 200 }, (_, i) => item(`part/${prefix}/${String(i).padStart(3, "0")}`, { i }));
      const [x, y] = await Promise.all([
        store.upsertItems(id, batch("a"), { now: 5, maxShareBytes: BIG }),
        store.upsertItems(id, batch("b"), { now: 5, maxShareBytes: BIG }),
      ]);
      expect([x.version, y.version].sort()).toEqual([1, 2]);
      expect(await store.listItems(id)).toHaveLength(400);
      expect((await store.getShare(id))?.version).toBe(2);
    });

    it("rolls back the whole write when the share would grow past its size limit", async () => {
      const id = await seed(store);
      await store.upsertItems(id, [item("session", { t: "x" })], { now: 1, maxShareBytes: 1000 });
      const before = await store.getShare(id);
      await expect(
        store.upsertItems(id, [item("message/m1", { t: "y".repeat(2000) }), item("session", { t: "changed" })], { now: 2, maxShareBytes: 1000 }),
      ).rejects.toBeInstanceOf(ShareTooLargeError);
      expect(await store.getShare(id)).toEqual(before);
      expect((await store.listItems(id)).map((i) => JSON.parse(i.json).data)).toEqual([{ t: "x" }]);
    });

    it("deleting leaves a tombstone with no conversation data, and refuses later writes", async () => {
      const id = await seed(store);
      await store.upsertItems(id, [item("session", { title: "secret plans" })], { now: 1, maxShareBytes: BIG });
      expect(await store.deleteShare(id, 9000)).toBe(true);
      expect(await store.listItems(id)).toEqual([]);
      const tomb = await store.getShare(id);
      expect(tomb).toMatchObject({ id, createdAt: 1000, deletedAt: 9000, sessionId: "", secretHash: "", bytes: 0 });
      expect(await store.deleteShare(id, 9001)).toBe(false);
      await expect(store.upsertItems(id, [item("session", {})], { now: 2, maxShareBytes: BIG })).rejects.toBeInstanceOf(ShareGoneError);
      expect(await store.deleteShare("never-existed", 1)).toBe(false);
    });

    it("lists expired live shares and sets or clears an expiry", async () => {
      const soon = await seed(store);
      const later = await seed(store);
      const gone = await seed(store);
      await store.setExpiry(soon, 5_000);
      await store.setExpiry(later, 50_000);
      await store.setExpiry(gone, 1_000);
      await store.deleteShare(gone, 2_000);
      const expired = await store.listExpired(10_000, 100);
      expect(expired).toContain(soon);
      expect(expired).not.toContain(later);
      expect(expired).not.toContain(gone);
      await store.setExpiry(soon, null);
      expect(await store.listExpired(10_000, 100)).not.toContain(soon);
    });

    it("lists every share by id in pages, tombstones included", async () => {
      const ids = [await seed(store), await seed(store), await seed(store)].sort();
      await store.deleteShare(ids[1], 5_000);
      const all: string[] = [];
      for (let after: string | undefined; ; ) {
        const page = await store.listShares({ after, limit: 2 });
        all.push(...page.map((s) => s.id));
        if (page.length < 2) break;
        after = page[page.length - 1].id;
      }
      expect(all).toEqual([...all].sort());
      expect(all).toEqual(expect.arrayContaining(ids));
      expect((await store.listShares({ after: ids[0], limit: 1 }))[0]).toMatchObject({ id: ids[1], deletedAt: 5_000 });
    });

    it("imports a share exactly (version, hash, times, items) and a second import replaces the first", async () => {
      const id = newId();
      const share = {
        id,
        sessionId: "ses_x",
        secretHash: "cd".repeat(32),
        createdAt: 10,
        updatedAt: 20,
        version: 7,
        bytes: 0,
        deletedAt: null,
        expiresAt: 99_000,
      };
      const items = [item("session", { t: "x" }), item("message/m1", { n: 1 })].map((i, n) => ({ ...i, updatedAt: 15 + n }));
      share.bytes = items.reduce((n, i) => n + Buffer.byteLength(i.json), 0);
      await store.importShare(share, items);
      await store.importShare(share, items);
      expect(await store.getShare(id)).toEqual(share);
      expect(await store.listItems(id)).toEqual([...items].sort((a, b) => (a.key < b.key ? -1 : 1)));
      const before = await store.getStats(50_000);
      await store.importShare({ ...share, version: 8 }, items.slice(0, 1));
      expect((await store.getShare(id))?.version).toBe(8);
      expect(await store.listItems(id)).toHaveLength(1);
      expect((await store.getStats(50_000)).items).toBe(before.items - 1);
    });

    it("counts live, unshared and expired shares, items and bytes", async () => {
      const before = await store.getStats(100_000);
      const live = await seed(store);
      await store.upsertItems(live, [item("session", { t: "abc" })], { now: 1, maxShareBytes: BIG });
      const expired = await seed(store);
      await store.setExpiry(expired, 50_000);
      await store.deleteShare(await seed(store), 2);
      const after = await store.getStats(100_000);
      expect(after.live - before.live).toBe(1);
      expect(after.expired - before.expired).toBe(1);
      expect(after.unshared - before.unshared).toBe(1);
      expect(after.items - before.items).toBe(1);
      expect(after.bytes - before.bytes).toBe((await store.getShare(live))!.bytes);
    });

    it("rate buckets: a burst of tokens, refused without change when empty, refilled by time, atomic, pruned when full", async () => {
      const key = `create:${newId()}`;
      // 3 per 30 s: one token every 10 s, the bucket may run up to 20 s ahead of now.
      const take = (now: number, k = key) => store.takeRateToken(k, now, 10_000, 20_000);
      expect(await take(1_000_000)).toEqual({ allowed: true });
      expect(await take(1_000_001)).toEqual({ allowed: true });
      expect(await take(1_000_002)).toEqual({ allowed: true });
      // Empty: the next token is due when the first one refills, 10 s after the burst began.
      expect(await take(1_000_003)).toEqual({ allowed: false, retryAfter: 9_997 });
      expect(await take(1_005_000)).toEqual({ allowed: false, retryAfter: 5_000 }); // refusals cost nothing
      expect(await take(1_000_002, `${key}:other`)).toEqual({ allowed: true }); // keys are independent
      expect(await take(1_010_000)).toEqual({ allowed: true });
      expect(await take(1_010_001)).toMatchObject({ allowed: false });
      // Concurrent takes on a fresh key: exactly the burst gets through.
      const fresh = `lookup:${newId()}`;
      const results = await Promise.all(Array.from({ length: 6 }, () => take(2_000_000, fresh)));
      expect(results.filter((r) => r.allowed)).toHaveLength(3);
      // A long pause refills the bucket completely, never beyond its size.
      for (let i = 0; i < 3; i++) expect(await take(3_000_000 + i)).toEqual({ allowed: true });
      expect(await take(3_000_003)).toMatchObject({ allowed: false });
      // Pruning drops the buckets that are full again at that time (`other` and `fresh`), not `key`.
      expect(await store.pruneRateLimits(2_030_000)).toBe(2);
      expect(await store.pruneRateLimits(2_030_000)).toBe(0);
      expect(await take(3_000_004)).toMatchObject({ allowed: false }); // `key` runs to 3_030_000: kept
    });
  });
}

contract("sqlite", createSqliteTestDatabase);

if (postgresTestUrl) contract("postgres", createPostgresTestDatabase);
else if (process.env.CI) {
  describe("store contract: postgres", () => {
    it("needs PARLEY_TEST_DATABASE_URL in CI", () => {
      throw new Error("CI must provide PARLEY_TEST_DATABASE_URL (see .ci/run)");
    });
  });
} else {
  describe.skip("store contract: postgres (set PARLEY_TEST_DATABASE_URL to run against a real server)", () => {
    it("skipped", () => {});
  });
}
