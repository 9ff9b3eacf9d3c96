// Parley behind Debian's nginx with TLS, configured from deploy/nginx.conf (e2e/support/nginx.ts):
// share URLs and preview tags carry the public https origin, rate limits see each client's own
// address only when PARLEY_TRUST_PROXY says a proxy is in front, a 64 MiB sync passes, and a forged
// Host never reaches Parley. Clients connect from different loopback addresses (127.0.0.2, .3).
// The live-follow event stream arrives through it at once: nginx does not buffer it.
import http from "node:http";
import https from "node:https";
import { expect, test } from "@playwright/test";
import { startNginx, type Nginx } from "./support/nginx";
import { startServer, type TestServer } from "./support/server";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function request(
  proxy: Nginx,
  method: string,
  path: string,
  options: { body?: string | Buffer; from?: string; headers?: Record<string, string>; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: "127.0.0.1",
        port: proxy.httpsPort,
        method,
        path,
        servername: "localhost",
        ca: proxy.cert, // the self-signed certificate is verified, not ignored
        localAddress: options.from ?? "127.0.0.1",
        headers: { host: options.host ?? `localhost:${proxy.httpsPort}`, "content-type": "application/json", ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const create = (proxy: Nginx, from: string, headers: Record<string, string> = {}) =>
  request(proxy, "POST", "/api/share", { from, headers, body: JSON.stringify({ sessionID: `ses_${Math.random().toString(36).slice(2)}` }) });

test.describe("behind nginx with TLS", () => {
  test.describe.configure({ mode: "serial" });
  let trusted: TestServer;
  let proxy: Nginx;
  test.beforeAll(async () => {
    trusted = await startServer({ env: { PARLEY_TRUST_PROXY: "1", PARLEY_RATE_CREATE: "2/h", PARLEY_REDACT: "off" } });
    proxy = await startNginx(Number(new URL(trusted.baseURL).port));
  });
  test.afterAll(async () => {
    await proxy?.stop();
    await trusted?.stop();
  });

  test("share URLs and preview tags carry the public https origin", async () => {
    const origin = `https://localhost:${proxy.httpsPort}`;
    const res = await create(proxy, "127.0.0.4");
    expect(res.status).toBe(201);
    const share = JSON.parse(res.body);
    expect(share.url).toBe(`${origin}/s/${share.id}`);
    const sync = await request(proxy, "POST", `/api/share/${share.id}/sync`, {
      from: "127.0.0.4",
      body: JSON.stringify({
        secret: share.secret,
        data: [{ type: "session", data: { id: "ses_x", title: "Behind nginx", time: { created: 1, updated: 2 } } }],
      }),
    });
    expect(sync.status).toBe(200);
    const page = await request(proxy, "GET", `/s/${share.id}`, { from: "127.0.0.4", headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta property="og:url" content="${origin}/s/${share.id}"/>`);
    expect(page.body).toMatch(new RegExp(`<meta property="og:image" content="${origin}/s/${share.id}/card\\.png`));
    expect(page.body).not.toContain(`http://localhost:${proxy.httpsPort}`);
    expect(page.body).not.toContain(trusted.baseURL);
  });

  test("rate limits see each client's address through X-Forwarded-For, and a forged entry changes nothing", async () => {
    // 2 shares an hour per address. Client .2 spends its two, then forging X-Forwarded-For does not help.
    expect((await create(proxy, "127.0.0.2")).status).toBe(201);
    expect((await create(proxy, "127.0.0.2", { "x-forwarded-for": "203.0.113.7" })).status).toBe(201);
    const refused = await create(proxy, "127.0.0.2", { "x-forwarded-for": "198.51.100.9" });
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // Another client behind the same proxy has its own bucket.
    expect((await create(proxy, "127.0.0.3")).status).toBe(201);
  });

  test("a 64 MiB sync passes the documented client_max_body_size; a bigger one gets Parley's JSON 413", async () => {
    test.slow();
    const res = await create(proxy, "127.0.0.5");
    const share = JSON.parse(res.body);
    // 15 parts of 4 MiB and one more padded so that the body is exactly 64 MiB (PARLEY_MAX_BODY).
    const limit = 64 * 1024 * 1024;
    const part = (id: string, text: string) => JSON.stringify({ type: "part", data: { id, messageID: "msg_1", sessionID: "ses_x", type: "text", text } });
    const head = `{"secret":${JSON.stringify(share.secret)},"data":[${Array.from({ length: 15 }, (_, i) => part(`prt_${i}`, "x".repeat(4 * 1024 * 1024))).join(",")},`;
    const tail = "]}";
    const pad = limit - Buffer.byteLength(head + part("prt_pad", "") + tail);
    const body = head + part("prt_pad", "y".repeat(pad)) + tail;
    expect(Buffer.byteLength(body)).toBe(limit);
    const sync = await request(proxy, "POST", `/api/share/${share.id}/sync`, { from: "127.0.0.5", body });
    expect(sync.status, sync.body.slice(0, 300)).toBe(200);
    expect(JSON.parse(sync.body)).toMatchObject({ ok: true, stored: 16 });

    const over = await request(proxy, "POST", `/api/share/${share.id}/sync`, { from: "127.0.0.5", body: `${body} ` });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toMatchObject({ error: { code: "too_large" } });
  });

  test("a live-follow event passes through nginx at once, not held in its buffers", async () => {
    const share = JSON.parse((await create(proxy, "127.0.0.6")).body);
    const session = (title: string) => ({ type: "session", data: { id: "ses_live", title, time: { created: 1, updated: 2 } } });
    const syncTitle = (title: string) =>
      request(proxy, "POST", `/api/share/${share.id}/sync`, { from: "127.0.0.6", body: JSON.stringify({ secret: share.secret, data: [session(title)] }) });
    expect((await syncTitle("Before")).status).toBe(200);
    const received: { text: string; at: number }[] = [];
    const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
      https
        .get(
          {
            host: "127.0.0.1",
            port: proxy.httpsPort,
            path: `/api/share/${share.id}/events`,
            servername: "localhost",
            ca: proxy.cert,
            localAddress: "127.0.0.6",
            headers: { host: `localhost:${proxy.httpsPort}`, accept: "text/event-stream" },
            agent: false,
          },
          resolve,
        )
        .on("error", reject);
    });
    try {
      expect(stream.statusCode).toBe(200);
      expect(stream.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => received.push({ text, at: Date.now() }));
      await expect.poll(() => received.some((r) => r.text.includes("event: hello"))).toBe(true);
      const sync = await syncTitle("After");
      expect(sync.status).toBe(200);
      const answered = Date.now();
      await expect.poll(() => received.find((r) => r.text.includes("event: version")), { timeout: 2_000 }).toBeDefined();
      const event = received.find((r) => r.text.includes("event: version"))!;
      expect(event.at - answered).toBeLessThan(1_000);
    } finally {
      stream.destroy();
    }
  });

  test("a forged Host header never reaches Parley, and plain HTTP redirects to https", async () => {
    await expect(request(proxy, "GET", "/api/health", { host: "evil.example" })).rejects.toThrow(/socket hang up|ECONNRESET/);
    const redirect = await new Promise<{ status: number; location?: string }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port: proxy.httpPort, path: "/s/abc", headers: { host: "localhost" } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode!, location: res.headers.location });
        })
        .on("error", reject);
    });
    expect(redirect).toEqual({ status: 301, location: "https://localhost/s/abc" });
  });
});

test("without PARLEY_TRUST_PROXY every client behind nginx is one address to the rate limits", async () => {
  const server = await startServer({ env: { PARLEY_RATE_CREATE: "2/h" } });
  const proxy = await startNginx(Number(new URL(server.baseURL).port));
  try {
    expect((await create(proxy, "127.0.0.2")).status).toBe(201);
    expect((await create(proxy, "127.0.0.2")).status).toBe(201);
    // A different client, but Parley sees only nginx's address (and ignores X-Forwarded-For).
    expect((await create(proxy, "127.0.0.3")).status).toBe(429);
    expect((await create(proxy, "127.0.0.3", { "x-forwarded-for": "203.0.113.8" })).status).toBe(429);
  } finally {
    await proxy.stop();
    await server.stop();
  }
});
