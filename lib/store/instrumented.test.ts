import { describe, expect, it } from "vitest";
import { metricsText } from "../ops/metrics";
import { instrumentStore } from "./instrumented";
import { createSqliteTestDatabase } from "./test-databases";
import { ShareGoneError } from "./types";

describe("instrumentStore", () => {
  it("counts failed operations by name, but not the contract's own answers (gone, too large)", async () => {
    const db = await createSqliteTestDatabase();
    const store = instrumentStore(db.store);
    expect(store.kind).toBe("sqlite");
    await expect(store.upsertItems("missing", [], { now: 1, maxShareBytes: 1 })).rejects.toBeInstanceOf(ShareGoneError);
    await store.createShare({ id: "x", sessionId: "s", secretHash: "h", createdAt: 1, expiresAt: null });
    await expect(store.createShare({ id: "x", sessionId: "s", secretHash: "h", createdAt: 1, expiresAt: null })).rejects.toThrow();
    const text = await metricsText();
    expect(text).toMatch(/^parley_db_errors_total\{op="createShare"\} 1$/m);
    expect(text).not.toContain('op="upsertItems"');
    await store.close();
    await db.drop();
  });
});
