// /api/ready answers 503 while the database is unreachable and 200 again once it is back; /api/health
// is the liveness check beside it. PostgreSQL is reached through a TCP relay the test can cut.
import net from "node:net";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { startServer } from "./support/server";

const ADMIN_URL = process.env.PARLEY_TEST_DATABASE_URL;

/** A loopback relay to PostgreSQL that can drop every connection and refuse new ones. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let open = true;
  const server = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      open = false;
      for (const s of sockets) s.destroy();
    },
    restore() {
      open = true;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test("GET /api/ready: 200 with the store, 503 JSON while PostgreSQL is unreachable, 200 when it is back", async () => {
  test.skip(!ADMIN_URL && !process.env.CI, "set PARLEY_TEST_DATABASE_URL to run against PostgreSQL");
  if (!ADMIN_URL) throw new Error("CI must provide PARLEY_TEST_DATABASE_URL");
  const name = `parley_ready_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(ADMIN_URL);
  const gate = await relay(target);
  const url = new URL(ADMIN_URL);
  url.host = `127.0.0.1:${gate.port}`;
  url.pathname = `/${name}`;
  const server = await startServer({ env: { DATABASE_URL: url.toString() } });
  try {
    const ready = await fetch(`${server.baseURL}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, store: "postgres" });

    gate.cut();
    const down = await fetch(`${server.baseURL}/api/ready`);
    expect(down.status).toBe(503);
    expect(down.headers.get("content-type")).toContain("application/json");
    expect(await down.json()).toEqual({ error: { code: "not_ready", message: "The database is unreachable" } });

    gate.restore();
    await expect.poll(async () => (await fetch(`${server.baseURL}/api/ready`)).status, { timeout: 10_000 }).toBe(200);
    expect(server.output()).not.toMatch(/unhandled|uncaught/i);
  } finally {
    await server.stop();
    await gate.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});

test("GET /api/ready and /api/health on SQLite", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ok: true, store: "sqlite" });
  expect((await request.get("/api/health")).status()).toBe(200);
});
