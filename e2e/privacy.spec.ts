// Privacy and lifecycle (issue 4): never indexed, 410 tombstones, deletion that deletes, expiry,
// redaction at ingest, headers on viewer pages, the operator's admin token.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_DATA_DIR } from "../playwright.config";
import { readMergedData, replay, type DataItem } from "./support/fixtures";

type Share = { id: string; url: string; secret: string };
const MISSING = "AAAAAAAAAAAAAAAAAAAAAAAA";

async function create(baseURL: string): Promise<Share> {
  const res = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_priv" }),
  });
  expect(res.status).toBe(201);
  return res.json();
}
const session = (title: string) => ({ type: "session", data: { id: "ses_priv", title, time: { created: 1, updated: 2 } } });
const message = { type: "message", data: { id: "msg_1", sessionID: "ses_priv", role: "user", time: { created: 3 } } };
const text = (id: string, t: string) => ({ type: "part", data: { id, sessionID: "ses_priv", messageID: "msg_1", type: "text", text: t } });
async function sync(baseURL: string, share: Share, data: unknown[]) {
  const res = await fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data }),
  });
  expect(res.status).toBe(200);
  return res.json();
}
const unshare = (baseURL: string, share: Share, token = share.secret) =>
  fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });

test("every response under /s, /share and /api/share is noindex: page, 404, 410, sub-paths, API errors", async ({ baseURL }) => {
  const share = await create(baseURL!);
  await sync(baseURL!, share, [session("Indexed? never"), message, text("prt_1", "hi")]);
  const gone = await create(baseURL!);
  expect((await unshare(baseURL!, gone)).status).toBe(200);
  const urls = [
    `/s/${share.id}`,
    `/share/${share.id}`,
    `/s/${MISSING}`,
    `/share/${MISSING}`,
    `/s/${gone.id}`,
    `/share/${gone.id}`,
    `/s/${gone.id}/opengraph-image`,
    `/s/${share.id}/no-such-sub-path`,
    `/api/share/${share.id}/data`,
    `/api/share/${MISSING}/data`,
    `/api/share/${gone.id}/data`,
  ];
  for (const url of urls) {
    const res = await fetch(`${baseURL}${url}`);
    expect(res.headers.get("x-robots-tag"), url).toBe("noindex, nofollow");
  }
});

test("the viewer page carries the robots meta tag, no-store, and the security headers; its CSP allows only the page's own script, by hash", async ({
  baseURL,
  page,
}) => {
  const share = await create(baseURL!);
  await sync(baseURL!, share, [session("Headers"), message, text("prt_1", "hello")]);
  const res = await page.goto(`/s/${share.id}`);
  expect(res!.status()).toBe(200);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex, nofollow/);
  const h = res!.headers();
  expect(h["cache-control"]).toContain("no-store");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["permissions-policy"]).toContain("camera=()");
  // A public page sends no COOP: it would cost every reader a new browser process (lib/http/security-headers.ts).
  expect(h["cross-origin-opener-policy"]).toBeUndefined();
  const csp = h["content-security-policy"];
  for (const d of ["img-src 'self' data:", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
  const scriptSrc = /script-src ([^;]*)/.exec(csp)![1].trim().split(/\s+/);
  expect(scriptSrc).toHaveLength(1);
  expect(scriptSrc[0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  // Every script with code on the page is the one the hash allows, and it ran (the copy controls are
  // live). A long page also has empty parser breaks, which run nothing (components/conversation/turn-runs.tsx).
  const scripts = await page
    .locator("script:not(:empty)")
    .evaluateAll((els) => els.map((e) => ({ src: (e as HTMLScriptElement).src, text: e.textContent ?? "" })));
  expect(scripts).toHaveLength(1);
  expect(scripts[0].src).toBe("");
  expect(`'sha256-${createHash("sha256").update(scripts[0].text).digest("base64")}'`).toBe(scriptSrc[0]);
  await expect(page.locator("html")).toHaveAttribute("data-copy-ready", "");
});

test("robots.txt does not disallow shares and there is no sitemap", async ({ baseURL }) => {
  const robots = await (await fetch(`${baseURL}/robots.txt`)).text();
  expect(robots).toMatch(/Allow: \//);
  expect(robots).not.toMatch(/Disallow:\s*\/(s|share|api)/);
  expect(robots).not.toMatch(/Sitemap/i);
  expect((await fetch(`${baseURL}/sitemap.xml`)).status).toBe(404);
});

test("DELETE /api/share/:id then /s and /share answer 410 with a tombstone, sub-paths 410, unknown ids 404", async ({ baseURL, page }) => {
  const share = await create(baseURL!);
  await sync(baseURL!, share, [session("Secret plans"), message, text("prt_1", "the body")]);
  expect((await unshare(baseURL!, share)).status).toBe(200);
  for (const prefix of ["s", "share"]) {
    const res = await page.goto(`/${prefix}/${share.id}`);
    expect(res!.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This conversation is no longer shared");
    await expect(page.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    const html = await page.content();
    expect(html).not.toContain("Secret plans");
    expect(html).not.toContain("the body");
  }
  for (const sub of ["opengraph-image", "raw/part/msg_1/prt_1", "attachments/x.png"]) {
    expect((await fetch(`${baseURL}/s/${share.id}/${sub}`)).status, sub).toBe(410);
  }
  const missing = await page.goto(`/s/${MISSING}`);
  expect(missing!.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("unshare leaves no byte of the conversation in the SQLite file or its WAL", async ({ baseURL }) => {
  const canary = `canary-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const share = await create(baseURL!);
  const big = `${canary} `.repeat(30_000); // overflow pages too
  await sync(baseURL!, share, [session(canary), message, text("prt_1", canary), text("prt_2", big)]);
  const files = ["parley.db", "parley.db-wal"].map((f) => path.join(E2E_DATA_DIR, f)).filter((f) => fs.existsSync(f));
  const found = () => files.filter((f) => fs.readFileSync(f).includes(Buffer.from(canary)));
  expect(found().length).toBeGreaterThan(0); // the search does find it while shared
  expect((await unshare(baseURL!, share)).status).toBe(200);
  expect(found()).toEqual([]);
});

test("per-share expiry: set with the secret, 410 from the moment it expires, the sweep deletes the data", async ({ baseURL }) => {
  const canary = `expiring-${Date.now()}`;
  const share = await create(baseURL!);
  await sync(baseURL!, share, [session(canary), message]);
  const put = (body: unknown) =>
    fetch(`${baseURL}/api/share/${share.id}/expiry`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await put({ expiresAt: null })).status).toBe(401);
  expect((await put({ secret: "wrong", ttl: "1d" })).status).toBe(403);
  expect((await put({ secret: share.secret, ttl: "soon" })).status).toBe(422);
  const set = await put({ secret: share.secret, ttl: "1d" });
  expect(set.status).toBe(200);
  expect(Date.parse((await set.json()).expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
  expect(await (await put({ secret: share.secret, expiresAt: null })).json()).toMatchObject({ ok: true, expiresAt: null });

  // Far enough ahead that a busy server still answers the PUT and the first GET before it.
  const at = Date.now() + 5000;
  expect((await put({ secret: share.secret, expiresAt: new Date(at).toISOString() })).status).toBe(200);
  expect((await fetch(`${baseURL}/s/${share.id}`)).status).toBe(200);
  await new Promise((r) => setTimeout(r, Math.max(0, at - Date.now()) + 100));
  expect((await fetch(`${baseURL}/s/${share.id}`)).status).toBe(410);
  expect((await fetch(`${baseURL}/api/share/${share.id}/data`)).status).toBe(410);
  // The sweep runs every second in this suite; afterwards the database no longer holds the canary.
  const files = ["parley.db", "parley.db-wal"].map((f) => path.join(E2E_DATA_DIR, f)).filter((f) => fs.existsSync(f));
  await expect.poll(() => files.some((f) => fs.readFileSync(f).includes(Buffer.from(canary))), { timeout: 20_000 }).toBe(false);
});

test("the admin token unshares any share without its secret; a wrong token does not", async ({ baseURL }) => {
  const share = await create(baseURL!);
  expect((await unshare(baseURL!, share, "x".repeat(40))).status).toBe(403);
  const res = await unshare(baseURL!, share, E2E_ADMIN_TOKEN);
  expect(res.status).toBe(200);
  expect((await fetch(`${baseURL}/s/${share.id}`)).status).toBe(410);
});

test("credentials are redacted before storage and the sync result counts them", async ({ baseURL, page }) => {
  const share = await create(baseURL!);
  const key = "ghp_" + "Zq9".repeat(12);
  const result = await sync(baseURL!, share, [
    session("Deploy"),
    message,
    text("prt_1", `use ${key} and postgres://app:S3cretPassw0rd@db/x`),
    { type: "model", data: [{ id: "m", providerID: "p", headers: { Authorization: "Bearer abc" }, options: { apiKey: "k" } }] },
  ]);
  expect(result.redactions).toBe(4);
  const stored = JSON.stringify(await (await fetch(`${baseURL}/api/share/${share.id}/data`)).json());
  expect(stored).not.toContain(key);
  expect(stored).not.toContain("S3cretPassw0rd");
  expect(stored).toContain("[REDACTED:github-token]");
  expect(stored).toContain("postgres://app:[REDACTED:url-password]@db/x");
  await page.goto(`/s/${share.id}`);
  await expect(page.getByText("[REDACTED:github-token]", { exact: false })).toBeVisible();
});

test("a text attachment is decoded and redacted: the served file has the markers, not the credentials", async ({ baseURL }) => {
  // The real attachment session, then an `.env` attached to it the way OpenCode attaches the meeting notes.
  const share = await replay(baseURL!, "attachment");
  const notes = readMergedData("attachment").find((i: DataItem) => i.type === "part" && (i.data as { filename?: string }).filename === "meeting-notes.txt")!;
  const gh = "ghp_" + "Rt5".repeat(12);
  const aws = "AKIAZXCVBNMASDFGHJKL";
  const env = `GITHUB_TOKEN=${gh}\nAWS_ACCESS_KEY_ID=${aws}\nLOG_LEVEL=debug\n`;
  const file = (id: string, filename: string, url: string) => ({ ...notes, data: { ...notes.data, id, filename, url } });
  const result = await sync(baseURL!, share, [
    file("prt_zzenv", ".env", `data:text/plain;base64,${Buffer.from(env).toString("base64")}`),
    file("prt_zzpct", "token.txt", `data:text/plain,${encodeURIComponent(`token=${gh}`)}`),
  ]);
  expect(result.redactions).toBe(3);

  const served = await fetch(`${baseURL}/s/${share.id}/file/prt_zzenv`);
  expect(served.status).toBe(200);
  expect(await served.text()).toBe("GITHUB_TOKEN=[REDACTED:github-token]\nAWS_ACCESS_KEY_ID=[REDACTED:aws-access-key-id]\nLOG_LEVEL=debug\n");
  expect(await (await fetch(`${baseURL}/s/${share.id}/file/prt_zzpct`)).text()).toBe("token=[REDACTED:github-token]");

  const stored = JSON.stringify(await (await fetch(`${baseURL}/api/share/${share.id}/data`)).json());
  expect(stored).not.toContain(gh);
  expect(stored).not.toContain(Buffer.from(env).toString("base64").slice(0, 24));
  // The recorded meeting notes themselves are served byte for byte as sent.
  const original = await fetch(`${baseURL}/s/${share.id}/file/${(notes.data as { id: string }).id}`);
  expect(Buffer.from(await original.arrayBuffer())).toEqual(Buffer.from(String((notes.data as { url: string }).url).split(",")[1], "base64"));
});
