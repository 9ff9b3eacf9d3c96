// "Not now" from the database becomes StoreUnavailableError (503/507 at the HTTP layer), never a 500:
// a SQLite file locked by another process (retried within the bound first), a PostgreSQL server that
// is not there, and the driver codes the adapters translate.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresTestDatabase, postgresTestUrl } from "./test-databases";
import { unavailableFrom } from "./errors";
import { openPostgresStore } from "./postgres";
import { openSqliteStore } from "./sqlite";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-unavailable-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const codeError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("unavailableFrom", () => {
  it.each([
    ["sqlite", "SQLITE_BUSY", "busy"],
    ["sqlite", "SQLITE_BUSY_SNAPSHOT", "busy"],
    ["sqlite", "SQLITE_LOCKED", "busy"],
    ["sqlite", "SQLITE_FULL", "full"],
    ["sqlite", "SQLITE_IOERR_WRITE", "down"],
    ["sqlite", "SQLITE_READONLY", "down"],
    ["postgres", "ECONNREFUSED", "down"],
    ["postgres", "57P01", "down"],
    ["postgres", "08006", "down"],
    ["postgres", "53100", "full"],
    ["postgres", "53300", "busy"],
    ["postgres", "40001", "busy"],
  ] as const)("%s %s -> %s", (kind, code, reason) => {
    expect(unavailableFrom(kind, codeError(code))?.reason).toBe(reason);
  });

  it("knows pg's uncoded messages for a lost connection, and leaves real bugs alone", () => {
    expect(unavailableFrom("postgres", new Error("Connection terminated unexpectedly"))?.reason).toBe("down");
    expect(unavailableFrom("sqlite", codeError("SQLITE_CONSTRAINT_PRIMARYKEY"))).toBeNull();
    expect(unavailableFrom("postgres", codeError("23505"))).toBeNull();
    expect(unavailableFrom("postgres", new TypeError("x is undefined"))).toBeNull();
  });
});

describe("a SQLite file locked by another process", () => {
  const share = { id: "s1", sessionId: "ses", secretHash: "h", createdAt: 1, expiresAt: null };
  const write = { key: "k", type: "k", json: "{}" };

  it("is retried until the lock goes, within the bound", async () => {
    const file = path.join(dir, "wait.db");
    const store = await openSqliteStore(file, { retryFor: 3_000 });
    await store.createShare(share);
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    setTimeout(() => other.exec("COMMIT"), 400);
    const started = Date.now();
    await expect(store.upsertItems("s1", [write], { now: 2, maxShareBytes: 1e9 })).resolves.toMatchObject({ version: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    other.close();
    await store.close();
  });

  it("gives up after the bound with StoreUnavailableError (busy), and nothing is written", async () => {
    const file = path.join(dir, "give-up.db");
    const store = await openSqliteStore(file, { retryFor: 600 });
    await store.createShare(share);
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    const started = Date.now();
    const err = await store.upsertItems("s1", [write], { now: 2, maxShareBytes: 1e9 }).catch((e) => e);
    const waited = Date.now() - started;
    other.exec("COMMIT");
    other.close();
    expect(err).toMatchObject({ name: "StoreUnavailableError", reason: "busy" });
    expect(waited).toBeGreaterThanOrEqual(500);
    expect(waited).toBeLessThan(3_000);
    expect(await store.listItems("s1")).toEqual([]);
    expect((await store.getShare("s1"))?.version).toBe(0);
    await store.close();
  });
});

it("a PostgreSQL server that is not there: opening the store is StoreUnavailableError (down)", async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
  const err = await openPostgresStore(`postgres://nobody@127.0.0.1:${port}/none`).catch((e) => e);
  expect(err).toMatchObject({ name: "StoreUnavailableError", reason: "down" });
});

describe.skipIf(!postgresTestUrl)("a PostgreSQL row locked by another session", () => {
  it("fails after lock_timeout and the retry bound with StoreUnavailableError (busy), then works once the lock goes", async () => {
    const db = await createPostgresTestDatabase();
    const url = new URL(postgresTestUrl!);
    url.pathname = `/${db.name}`;
    const store = await openPostgresStore(url.toString(), 4, { retryFor: 500 });
    try {
      await store.createShare({ id: "s1", sessionId: "ses", secretHash: "h", createdAt: 1, expiresAt: null });
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      await other.query("BEGIN");
      await other.query("SELECT * FROM shares WHERE id = 's1' FOR UPDATE");
      const started = Date.now();
      const err = await store.upsertItems("s1", [{ key: "k", type: "k", json: "{}" }], { now: 2, maxShareBytes: 1e9 }).catch((e) => e);
      expect(err).toMatchObject({ name: "StoreUnavailableError", reason: "busy" });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
      await other.query("COMMIT");
      await other.end();
      await expect(store.upsertItems("s1", [{ key: "k", type: "k", json: "{}" }], { now: 3, maxShareBytes: 1e9 })).resolves.toMatchObject({ version: 1 });
    } finally {
      await store.close();
      await db.store.close();
      await db.drop();
    }
  }, 30_000);
});
