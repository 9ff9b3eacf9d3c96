// The page cache (lib/cache/page-cache.ts, lib/cache/page-serve.ts): a repeat view of an unchanged share is the
// stored page with a fresh nonce that matches its CSP; a sync or an unshare shows at once. The first
// view of a version renders straight through, the second fills the cache, later ones are hits.
import { expect, test } from "@playwright/test";
import { replay } from "./support/fixtures";

const cspNonce = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];

/** Every nonce the page carries: script/link attributes and the copies inside the flight payload. */
function noncesIn(html: string): string[] {
  const attrs = [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
  const flight = [...html.matchAll(/\\"nonce\\":\\"([^"\\]+)\\"/g)].map((m) => m[1]);
  return [...attrs, ...flight];
}

/** The first two views of a page version: rendered, then rendered and kept. */
async function prime(url: string) {
  const first = await view(url);
  expect(first.res.status).toBe(200);
  expect(first.cache).toBeNull();
  const second = await view(url);
  expect(second.cache).toBe("miss");
  return second;
}

async function view(url: string) {
  const res = await fetch(url);
  const html = await res.text();
  return { res, html, nonce: cspNonce(res)!, cache: res.headers.get("x-parley-cache") };
}

test("a repeat view is served from the cache with a fresh nonce that matches its CSP everywhere", async ({ baseURL }) => {
  const share = await replay(baseURL!, "tour");
  const first = await prime(`${baseURL}/s/${share.id}`);
  const second = await view(`${baseURL}/s/${share.id}`);
  expect(second.res.status).toBe(200);
  expect(second.cache).toBe("hit");

  expect(second.nonce).toBeTruthy();
  expect(second.nonce).not.toBe(first.nonce);
  const nonces = noncesIn(second.html);
  expect(nonces.length).toBeGreaterThan(3);
  expect(new Set(nonces)).toEqual(new Set([second.nonce]));
  expect(second.html).not.toContain(first.nonce);
  expect(second.res.headers.get("link") ?? "").not.toContain(first.nonce);
  // The same page apart from the nonce, and the same headers a rendered page gets.
  expect(second.html.split(second.nonce).join("N")).toBe(first.html.split(first.nonce).join("N"));
  for (const h of ["cache-control", "x-robots-tag", "referrer-policy", "x-frame-options", "x-content-type-options", "content-type", "permissions-policy"]) {
    expect(second.res.headers.get(h), h).toBe(first.res.headers.get(h));
  }
  expect(second.res.headers.get("cache-control")).toContain("no-store");

  // The /share form and the no-JavaScript `?all` page are pages of their own.
  await prime(`${baseURL}/share/${share.id}`);
  expect((await view(`${baseURL}/share/${share.id}`)).cache).toBe("hit");
  const all = await prime(`${baseURL}/s/${share.id}?all`);
  expect(all.html).not.toBe(first.html);
  expect((await view(`${baseURL}/s/${share.id}?all`)).cache).toBe("hit");
});

test("a cached page hydrates in the browser: scripts carry the CSP nonce, copy works, no console errors", async ({ page, baseURL, context }) => {
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
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()["content-security-policy"])?.[1];
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  const block = page.locator(".markdown .code-block").first();
  await block.getByRole("button", { name: "Copy code" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('console.log("hi")');
  expect(errors).toEqual([]);
});

test("a sync is shown on the next view, and an unshare answers 410 at once", async ({ baseURL }) => {
  const share = await replay(baseURL!, "basic");
  await prime(`${baseURL}/s/${share.id}`);
  const cached = await view(`${baseURL}/s/${share.id}`);
  expect(cached.cache).toBe("hit");

  const marker = `synced after caching ${Date.now()}`;
  const data = (await (await fetch(`${baseURL}/api/share/${share.id}/data`)).json()) as { type: string; data: { id: string; sessionID: string } }[];
  const message = data.find((i) => i.type === "message")!.data;
  const part = { type: "part", data: { id: "prt_zzcache", sessionID: message.sessionID, messageID: message.id, type: "text", text: marker } };
  const synced = await fetch(`${baseURL}/api/share/${share.id}/sync`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ secret: share.secret, data: [part] }) });
  expect(synced.status).toBe(200);
  expect(cached.html).not.toContain(marker);
  const after = await view(`${baseURL}/s/${share.id}`);
  expect(after.cache).toBeNull(); // a new version: rendered afresh
  expect(after.html).toContain(marker);
  expect((await view(`${baseURL}/s/${share.id}`)).cache).toBe("miss");
  const again = await view(`${baseURL}/s/${share.id}`);
  expect(again.cache).toBe("hit");
  expect(again.html).toContain(marker);

  const removed = await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` } });
  expect(removed.status).toBe(200);
  for (const path of [`/s/${share.id}`, `/share/${share.id}`, `/s/${share.id}?all`]) {
    const gone = await fetch(`${baseURL}${path}`);
    expect(gone.status, path).toBe(410);
    expect(gone.headers.get("x-parley-cache"), path).toBeNull();
    expect(await gone.text(), path).not.toContain(marker);
  }
});
