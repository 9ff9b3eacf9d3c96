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

  test("two instances on one database: a sync or an unshare on one shows on the other's very next view", async () => {
    test.slow(); // a second server to start
    const other = await startServer({ env: { DATABASE_URL: databaseUrl } });
    try {
      const share = await replay(server.baseURL, "basic");
      const view = async (base: string) => {
        const res = await fetch(`${base}/s/${share.id}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
        return { status: res.status, html: await res.text(), cache: res.headers.get("x-parley-cache") };
      };
      // Both have the page in their caches.
      for (const base of [server.baseURL, other.baseURL]) {
        expect((await view(base)).status).toBe(200);
        await expect.poll(async () => (await view(base)).cache).toBe("hit");
      }
      const marker = `synced through the other instance ${Date.now()}`;
      const data = (await (await fetch(`${other.baseURL}/api/share/${share.id}/data`)).json()) as { type: string; data: { id: string; sessionID: string } }[];
      const message = data.find((i) => i.type === "message")!.data;
      const part = { type: "part", data: { id: "prt_zzother", sessionID: message.sessionID, messageID: message.id, type: "text", text: marker } };
      const synced = await fetch(`${other.baseURL}/api/share/${share.id}/sync`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ secret: share.secret, data: [part] }),
      });
      expect(synced.status).toBe(200);
      const after = await view(server.baseURL);
      expect(after.cache).toBe("miss");
      expect(after.html).toContain(marker);

      const removed = await fetch(`${server.baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` } });
      expect(removed.status).toBe(200);
      const gone = await view(other.baseURL);
      expect(gone.status).toBe(410);
      expect(gone.html).not.toContain(marker);
    } finally {
      await other.stop();
    }
  });
});
