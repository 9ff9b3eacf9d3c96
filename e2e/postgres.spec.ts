// The whole server on PostgreSQL: every recorded scenario round-trips, and unshare deletes the rows.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { byKey, readMergedData, replay, SCENARIOS } from "./support/fixtures";
import { startServer, type TestServer } from "./support/server";

const ADMIN_URL = process.env.PARLEY_TEST_DATABASE_URL;

test.describe("a Parley server on PostgreSQL", () => {
  test.skip(!ADMIN_URL && !process.env.CI, "set PARLEY_TEST_DATABASE_URL to run against PostgreSQL");
  test.describe.configure({ mode: "serial" });

  let server: TestServer;
  let databaseUrl: string;
  const name = `parley_e2e_${process.pid}`;

  test.beforeAll(async () => {
    if (!ADMIN_URL) throw new Error("CI must provide PARLEY_TEST_DATABASE_URL");
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    server = await startServer({ env: { DATABASE_URL: databaseUrl } });
  });

  test.afterAll(async () => {
    await server?.stop();
    if (!ADMIN_URL) return;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test("reports the postgres store", async () => {
    expect(await (await fetch(`${server.baseURL}/api/health`)).json()).toMatchObject({ ok: true, store: "postgres" });
  });

  for (const scenario of SCENARIOS) {
    test(`replaying ${scenario} round-trips every key`, async () => {
      const share = await replay(server.baseURL, scenario);
      const data = await (await fetch(`${server.baseURL}/api/share/${share.id}/data`)).json();
      const want = byKey(readMergedData(scenario));
      const have = byKey(data);
      expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [key, item] of want) expect(have.get(key), key).toEqual(item);
    });
  }

  test("unshare deletes every row of the share", async () => {
    const share = await replay(server.baseURL, "aborted");
    const del = await fetch(`${server.baseURL}/api/share/${share.id}`, { method: "DELETE", body: JSON.stringify({ secret: share.secret }) });
    expect(del.status).toBe(200);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const items = await client.query("select count(*)::int as n from share_items where share_id = $1", [share.id]);
    const tomb = await client.query("select session_id, secret_hash, deleted_at from shares where id = $1", [share.id]);
    await client.end();
    expect(items.rows[0].n).toBe(0);
    expect(tomb.rows[0]).toMatchObject({ session_id: "", secret_hash: "" });
    expect(tomb.rows[0].deleted_at).not.toBeNull();
  });
});
