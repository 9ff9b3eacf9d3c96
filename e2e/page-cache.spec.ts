// The page cache (lib/cache/page-cache.ts, lib/page/serve-page.ts): the first view of a share version
// renders and streams it; once it is whole it is compressed once (brotli and gzip) and later views are
// those bytes, the same for every reader, in the encoding the reader accepts. A sync or an unshare
// shows at once: the version is read from the store on every request.
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { replay } from "./support/fixtures";
import { startServer } from "./support/server";

const BROWSER = { "accept-encoding": "gzip, deflate, br" };

/** GETs without decoding (fetch would decode), so the bytes on the wire can be compared. */
function view(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; header: (name: string) => string | null; body: Buffer; html: string; encoding: string | null; cache: string | null }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const body = Buffer.concat(chunks);
            const header = (name: string) => {
              const v = res.headers[name.toLowerCase()];
              return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
            };
            const encoding = header("content-encoding");
            const html = (encoding === "br" ? zlib.brotliDecompressSync(body) : encoding === "gzip" ? zlib.gunzipSync(body) : body).toString("utf8");
            resolve({ status: res.statusCode ?? 0, header, body, html, encoding, cache: header("x-parley-cache") });
          });
          res.on("error", reject);
        })
        .on("error", reject);
    },
  );
}

/** The first view renders; the page is kept once it is compressed, a moment after the response ends. */
async function prime(url: string) {
  const first = await view(url);
  expect(first.status).toBe(200);
  // Rendered for this view, or already kept if the render at ingest finished first (it renders only
  // what the sync changed, so it may); never made to wait for that render ("shared"), which would hold
  // back the first byte.
  expect(["miss", "hit"]).toContain(first.cache);
  await expect.poll(async () => (await view(url)).cache).toBe("hit");
  return first;
}

test("a repeat view is the stored page: the same bytes for every reader, in brotli, gzip or identity, with the same headers", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  const url = `${baseURL}/s/${share.id}`;
  const first = await prime(url);
  const br = await view(url, BROWSER);
  const gzip = await view(url, { "accept-encoding": "gzip" });
  const identity = await view(url, { "accept-encoding": "identity" });
  expect([br.cache, gzip.cache, identity.cache]).toEqual(["hit", "hit", "hit"]);
  expect([br.encoding, gzip.encoding, identity.encoding]).toEqual(["br", "gzip", null]);
  for (const v of [br, gzip, identity]) {
    expect(v.html).toBe(first.html);
    expect(Number(v.header("content-length"))).toBe(v.body.length);
    expect(v.header("vary")).toContain("Accept-Encoding");
  }
  expect(br.body.length).toBeLessThan(gzip.body.length);
  expect(gzip.body.length).toBeLessThan(identity.body.length / 4);
  // Byte-identical across requests, so no per-request nonce: the page's one script is allowed by its hash.
  expect((await view(url, BROWSER)).body.equals(br.body)).toBe(true);
  const csp = br.header("content-security-policy")!;
  expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
  expect(csp).not.toMatch(/nonce|unsafe-eval/);
  for (const h of [
    "cache-control",
    "x-robots-tag",
    "referrer-policy",
    "x-frame-options",
    "x-content-type-options",
    "content-type",
    "permissions-policy",
    "content-security-policy",
  ]) {
    expect(br.header(h), h).toBe(first.header(h));
  }
  expect(br.header("cache-control")).toContain("no-store");
  // The /share form is the same page.
  expect((await view(`${baseURL}/share/${share.id}`, BROWSER)).body.equals(br.body)).toBe(true);
});

test("render at ingest: a synced share's page is rendered and kept before anyone opens it", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  // No view yet: the cache fills in the background, a moment after the last sync was answered.
  await new Promise((r) => setTimeout(r, 1500));
  const first = await view(`${baseURL}/s/${share.id}`, BROWSER);
  expect(first.cache).toBe("hit");
  expect(first.html).toContain("Tour of the greeter project");
});

test("with PARLEY_PRERENDER=off the first view renders and the second is kept", async () => {
  const server = await startServer({ env: { PARLEY_PRERENDER: "off" } });
  try {
    const share = await replay(server.baseURL, "basic");
    await new Promise((r) => setTimeout(r, 1000));
    expect((await view(`${server.baseURL}/s/${share.id}`)).cache).toBe("miss");
    await expect.poll(async () => (await view(`${server.baseURL}/s/${share.id}`)).cache).toBe("hit");
  } finally {
    await server.stop();
  }
});

test("readers who open a version while it renders wait for that render: ten at once, one render, the same page", async () => {
  const server = await startServer({ env: { PARLEY_PRERENDER: "off" } });
  try {
    const share = await replay(server.baseURL, "tour");
    const views = await Promise.all(Array.from({ length: 10 }, () => view(`${server.baseURL}/s/${share.id}`, BROWSER)));
    expect(views.map((v) => v.status)).toEqual(Array(10).fill(200));
    // The first renders (and streams); every other one is sent the bytes that render kept.
    expect(views.filter((v) => v.cache === "miss")).toHaveLength(1);
    expect(views.filter((v) => v.cache === "shared" || v.cache === "hit")).toHaveLength(9);
    for (const v of views) expect(v.html).toBe(views[0].html);
    expect(views[0].html).toContain("Tour of the greeter project");
  } finally {
    await server.stop();
  }
});

test("a cached page works in the browser: its script runs under the CSP, copy works, no console errors", async ({ page, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const share = await replay(baseURL!, "basic");
  await prime(`${baseURL}/s/${share.id}`);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  const res = await page.goto(`/s/${share.id}`);
  expect(res!.headers()["x-parley-cache"]).toBe("hit");
  expect(res!.headers()["content-encoding"]).toBe("br");
  await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
  const block = page.locator(".markdown .code-block").first();
  await block.getByRole("button", { name: "Copy code" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('console.log("hi")');
  expect(errors).toEqual([]);
});

test("a sync is shown on the next view, and an unshare answers 410 at once", async ({ baseURL }) => {
  const share = await replay(baseURL!, "basic");
  const url = `${baseURL}/s/${share.id}`;
  const cached = await prime(url);

  const marker = `synced after caching ${Date.now()}`;
  const data = (await (await fetch(`${baseURL}/api/share/${share.id}/data`)).json()) as { type: string; data: { id: string; sessionID: string } }[];
  const message = data.find((i) => i.type === "message")!.data;
  const part = { type: "part", data: { id: "prt_zzcache", sessionID: message.sessionID, messageID: message.id, type: "text", text: marker } };
  const synced = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data: [part] }),
  });
  expect(synced.status).toBe(200);
  expect(cached.html).not.toContain(marker);
  const after = await view(url, BROWSER);
  expect(after.html).toContain(marker); // a new version: rendered afresh, now or at ingest
  await expect.poll(async () => (await view(url, BROWSER)).cache).toBe("hit");
  expect((await view(url, BROWSER)).html).toContain(marker);

  const removed = await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` } });
  expect(removed.status).toBe(200);
  for (const path of [`/s/${share.id}`, `/share/${share.id}`, `/s/${share.id}?all`]) {
    const gone = await view(`${baseURL}${path}`, BROWSER);
    expect(gone.status, path).toBe(410);
    expect(gone.cache, path).toBeNull();
    expect(gone.html, path).not.toContain(marker);
  }
});
