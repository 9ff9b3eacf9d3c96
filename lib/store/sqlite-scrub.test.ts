// "Deletion that deletes" on SQLite: after unshare, neither the database file nor its WAL holds a byte
// of the conversation, including values large enough to live in overflow pages.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase, type TestDatabase } from "./test-databases";

let db: TestDatabase;
beforeAll(async () => {
  db = await createSqliteTestDatabase();
});
afterAll(async () => {
  await db.store.close();
  await db.drop();
});

const filesOf = (file: string) => [file, `${file}-wal`].filter((f) => fs.existsSync(f));
const contains = (file: string, canary: string) => fs.readFileSync(file).includes(Buffer.from(canary, "utf8"));

describe("sqlite scrub on delete", () => {
  it("leaves no canary in the database file or the WAL, small or overflowing, while other shares stay", async () => {
    const store = db.store;
    const canary = `CANARY-${Date.now()}-7f3a`;
    const keep = `KEEPME-${Date.now()}-a1b2`;
    await store.createShare({ id: "victim", sessionId: "ses_v", secretHash: "ab".repeat(32), createdAt: 1, expiresAt: null });
    await store.createShare({ id: "bystander", sessionId: "ses_b", secretHash: "ab".repeat(32), createdAt: 1, expiresAt: null });
    const big = `${canary} `.repeat(40_000); // ~1 MB: hundreds of overflow pages
    await store.upsertItems(
      "victim",
      [
        { key: "session", type: "session", json: JSON.stringify({ type: "session", data: { title: canary } }) },
        { key: "part/m/p", type: "part", json: JSON.stringify({ type: "part", data: { text: big } }) },
      ],
      { now: 2, maxShareBytes: 1 << 30 },
    );
    await store.upsertItems("bystander", [{ key: "session", type: "session", json: JSON.stringify({ type: "session", data: { title: keep } }) }], {
      now: 2,
      maxShareBytes: 1 << 30,
    });
    expect(filesOf(db.file!).some((f) => contains(f, canary))).toBe(true); // the search would find it

    expect(await store.deleteShare("victim", 3)).toBe(true);
    for (const f of filesOf(db.file!)) expect(contains(f, canary), f).toBe(false);
    expect(filesOf(db.file!).some((f) => contains(f, keep))).toBe(true);
    expect(JSON.parse((await store.listItems("bystander"))[0].json).data.title).toBe(keep);
  });
});
