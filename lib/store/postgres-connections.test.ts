// PostgreSQL ends connections on its own side: restarts, failovers, an operator's
// pg_terminate_backend. Parley must log it and carry on with new connections, not crash on an
// unhandled 'error' event (vitest fails the run on one).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPostgresTestDatabase, postgresTestUrl, type TestDatabase } from "./test-databases";

describe.skipIf(!postgresTestUrl)("postgres: connections closed by the server", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    await db?.store.close();
    await db?.drop();
  });

  it("idle connections terminated by the server are logged and replaced; the store keeps working", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Several connections at once, so the pool holds more than one idle client afterwards.
      await Promise.all(Array.from({ length: 4 }, (_, i) => db.store.getShare(`missing-${i}`)));
      const admin = new pg.Client({ connectionString: postgresTestUrl });
      await admin.connect();
      const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()", [db.name]);
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await vi.waitFor(() => expect(logged.mock.calls.filter(([m]) => String(m).includes("closed by the server"))).toHaveLength(killed.rowCount!), { timeout: 5_000 });
      expect(await db.store.getShare("missing-after")).toBeNull();
    } finally {
      logged.mockRestore();
    }
  });
});
