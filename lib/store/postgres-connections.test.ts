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
      // Only this store's own connections (not autovacuum or other background workers).
      const killed = await admin.query<{ n: string }>(
        "select count(*) filter (where pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and backend_type = 'client backend' and pid <> pg_backend_pid()",
        [db.name],
      );
      await admin.end();
      const n = Number(killed.rows[0].n);
      expect(n).toBeGreaterThan(0);
      await vi.waitFor(() => expect(logged.mock.calls.filter(([m]) => String(m).includes("PostgreSQL connection failed")).length).toBeGreaterThanOrEqual(n), {
        timeout: 5_000,
      });
      expect(await db.store.getShare("missing-after")).toBeNull();
    } finally {
      logged.mockRestore();
    }
  });
});
