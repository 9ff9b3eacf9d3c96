// SSO-only shares (issue 12): PARLEY_AUTH=oidc against a real OpenID Connect provider (oidc-provider on
// loopback, e2e/support/oidc-provider.ts). Chromium signs in through the provider's own pages; the
// callers that cannot sign in (opencode import, curl, link-preview bots) are driven with fetch.
import { spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { TestBrowser } from "./support/fetch-browser";
import { readMergedData, replay, type Replayed } from "./support/fixtures";
import { ACCOUNTS, startOidcProvider, TEST_CLIENT, type TestProvider } from "./support/oidc-provider";
import { pngSize, previewTags, tagMap } from "./support/preview";
import { createShare, run, sync } from "./support/live";
import { freePort, startServer, type TestServer } from "./support/server";

test.describe.configure({ mode: "serial", timeout: 90_000 });

const SESSION_SECRET = "e2e-session-secret-not-a-secret-0123456789";
const TOUR_TITLE = "Tour of the greeter project";
type Loose = Record<string, unknown>;
const partOf = (scenario: "tour" | "attachment", find: (d: Loose) => boolean) =>
  String((readMergedData(scenario).find((i) => i.type === "part" && find(i.data as Loose))!.data as Loose).id);

function authEnv(origin: string, issuer: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PARLEY_AUTH: "oidc",
    PARLEY_PUBLIC_URL: origin,
    PARLEY_OIDC_ISSUER: issuer,
    PARLEY_OIDC_CLIENT_ID: TEST_CLIENT.id,
    PARLEY_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    PARLEY_SESSION_SECRET: SESSION_SECRET,
    PARLEY_AUTH_EMAIL_DOMAINS: "example.com",
    // Ingest only from loopback and 10/8; with one trusted proxy hop, X-Forwarded-For names the client.
    PARLEY_INGEST_ALLOW: "127.0.0.0/8,::1/128,10.0.0.0/8",
    PARLEY_TRUST_PROXY: "1",
    PARLEY_RATE_CREATE: "100000/1m",
    PARLEY_RATE_LOOKUP: "100000/1m",
    ...extra,
  };
}

/** Starts a provider and a Parley in SSO mode that know each other's URLs. */
async function startPair(extra: Record<string, string> = {}): Promise<{ provider: TestProvider; server: TestServer; origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider(origin);
  const server = await startServer({ port, env: authEnv(origin, provider.issuer, extra) });
  return { provider, server, origin };
}

let provider: TestProvider;
let server: TestServer;
let origin: string;
let tour: Replayed;
let attachment: Replayed;

test.beforeAll(async () => {
  ({ provider, server, origin } = await startPair());
  // Create and sync stay open to the credential-less OpenCode client (from an allowed network).
  tour = await replay(origin, "tour");
  attachment = await replay(origin, "attachment");
  expect([...tour.statuses, ...attachment.statuses].every((s) => s < 300)).toBe(true);
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.stop();
});

/** On the provider's sign-in page: signs in as `login`, consents if asked, and waits to be back. */
async function signInAtProvider(page: Page, login: string, parley = origin) {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  // By origin: the two servers differ only in their port, and one port may be a prefix of the other.
  const back = () => new URL(page.url()).origin === parley;
  await expect.poll(async () => back() || (await consent.isVisible().catch(() => false))).toBe(true);
  if (!back()) await consent.click();
  await page.waitForURL((u) => u.origin === parley);
}

/** A fetch-driven session for `login`, for the table of sub-resources. */
async function sessionFor(login: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  const start = await browser.get(`${origin}/auth/login?return_to=/`);
  const callback = await browser.signInAtProvider(start.headers.get("location")!, login, origin);
  expect((await browser.get(callback)).status).toBe(302);
  expect(browser.cookies.has("parley_session")).toBe(true);
  return browser;
}

test("an allowed user signs in at the identity provider and reads the share", async ({ page }) => {
  await page.goto(`${origin}/s/${tour.id}`);
  expect(new URL(page.url()).origin).toBe(provider.issuer);
  await signInAtProvider(page, "alice");
  expect(page.url()).toBe(`${origin}/s/${tour.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TOUR_TITLE);
  const cookie = (await page.context().cookies(origin)).find((c) => c.name === "parley_session")!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 11 * 3600); // the 12 h default lifetime
  // Behind sign-in the page is isolated from windows that open it (lib/http/security-headers.ts).
  const again = await page.request.get(`${origin}/s/${tour.id}`, { headers: { accept: "text/html" } });
  expect(again.headers()["cross-origin-opener-policy"]).toBe("same-origin");
});

test("a signed-in reader's page follows the share live: the event stream carries the session", async ({ page }) => {
  const share = await createShare(origin, "ses_sso_live");
  const r = run("ses_sso_live");
  await sync(origin, share, [r.session("Live under SSO"), ...r.user("msg_a", "Before the sync", 1)]);
  await page.goto(`${origin}/s/${share.id}`);
  await signInAtProvider(page, "alice");
  await expect(page.getByText("Before the sync")).toBeVisible();
  await sync(origin, share, [...r.user("msg_b", "Arrived live under SSO", 2)]);
  await expect(page.getByText("Arrived live under SSO")).toBeVisible({ timeout: 2_000 });
});

test("a link opened while signed out comes back after sign-in", async ({ page }) => {
  const link = `${origin}/share/${tour.id}?from=chat#turn-2`;
  await page.goto(link);
  await signInAtProvider(page, "alice");
  expect(page.url()).toBe(`${origin}/share/${tour.id}?from=chat`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TOUR_TITLE);
});

test("a user from another domain gets the 403 page naming the account, and can switch accounts", async ({ page }) => {
  await page.goto(`${origin}/s/${tour.id}`);
  await signInAtProvider(page, "bob");
  await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.bob.email);
  const html = await page.content();
  expect(html).not.toContain(TOUR_TITLE);
  const res = await page.request.get(`${origin}/s/${tour.id}`, { headers: { accept: "text/html" } });
  expect(res.status()).toBe(403);
  await page.getByTestId("switch-account").click();
  // prompt=login: the provider asks again instead of reusing bob's session.
  await signInAtProvider(page, "alice");
  expect(page.url()).toBe(`${origin}/s/${tour.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TOUR_TITLE);
});

test("sign-out ends the session here and at the provider", async ({ page }) => {
  await page.goto(`${origin}/s/${tour.id}`);
  await signInAtProvider(page, "alice");
  await page.goto(`${origin}/auth/signout`);
  // The provider's RP-initiated logout asks first, then sends the reader back.
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await page.waitForURL(`${origin}/auth/signed-out`);
  await expect(page.getByTestId("signed-out")).toBeVisible();
  expect((await page.context().cookies(origin)).some((c) => c.name === "parley_session")).toBe(false);
  await page.goto(`${origin}/s/${tour.id}`);
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(provider.issuer);
});

test("an expired session sends the reader back to sign in", async ({ page }) => {
  const short = await startPair({ PARLEY_SESSION_TTL: "10s" });
  try {
    const share = await replay(short.origin, "basic");
    const data = (cookie: string) => fetch(`${short.origin}/api/share/${share.id}/data`, { headers: { cookie } }).then((r) => r.status);
    await page.goto(`${short.origin}/s/${share.id}`);
    // The session cookie as issued, tried at once (a loaded runner may take seconds to show the page).
    const issued = page
      .waitForResponse((r) => r.url().startsWith(`${short.origin}/auth/callback`))
      .then(async (r) => {
        const setCookie = (await r.headerValues("set-cookie")).find((c) => c.startsWith("parley_session="))!;
        const cookie = setCookie.split(";")[0];
        return { at: Date.now(), setCookie, cookie, status: await data(cookie) };
      });
    await signInAtProvider(page, "alice", short.origin);
    const { at, setCookie, cookie, status } = await issued;
    expect(setCookie).toContain("Max-Age=10");
    expect(status).toBe(200);
    await page.waitForTimeout(Math.max(0, at + 10_500 - Date.now()));
    // The server refuses it, not only the browser: a client that keeps the cookie past its lifetime.
    expect(await data(cookie)).toBe(401);
    // The browser, reloading, goes to the provider again. Its own session is ended here, so that the
    // sign-in form shows instead of an instant round trip.
    await page.context().clearCookies({ name: "_session" });
    await page.reload();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await signInAtProvider(page, "alice", short.origin);
    expect(page.url()).toBe(`${short.origin}/s/${share.id}`);
  } finally {
    await short.server.stop();
    await short.provider.stop();
  }
});

test("a tampered or replayed session cookie is refused", async ({ browser }) => {
  const alice = await sessionFor("alice");
  const good = alice.cookies.get("parley_session")!;
  const data = (cookie: string) => fetch(`${origin}/api/share/${tour.id}/data`, { headers: { cookie: `parley_session=${cookie}` } });
  expect((await data(good)).status).toBe(200);
  const at = good.length - 40;
  const tampered = good.slice(0, at) + (good[at] === "x" ? "y" : "x") + good.slice(at + 1);
  expect((await data(tampered)).status).toBe(401);
  // Chromium with the tampered cookie is sent to sign in.
  const context = await browser.newContext();
  await context.addCookies([{ name: "parley_session", value: tampered, url: origin }]);
  const page = await context.newPage();
  await page.goto(`${origin}/s/${tour.id}`);
  expect(new URL(page.url()).origin).toBe(provider.issuer);
  await context.close();
  // Replayed after sign-out: the copy is refused although it has not expired.
  await alice.get(`${origin}/auth/signout`);
  expect((await data(good)).status).toBe(401);
});

test("a callback whose state does not match is refused, and a used callback cannot be replayed", async () => {
  const browser = new TestBrowser();
  const start = await browser.get(`${origin}/auth/login?return_to=/s/${tour.id}`);
  const callback = new URL(await browser.signInAtProvider(start.headers.get("location")!, "alice", origin));
  const forged = new URL(callback);
  // Same first 16 characters, so the transaction cookie is found and the state check itself refuses.
  forged.searchParams.set("state", `${callback.searchParams.get("state")!.slice(0, 16)}forged`);
  const snapshot = new Map(browser.cookies);
  const refused = await browser.get(forged.href);
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain("Sign-in did not complete");
  expect(browser.cookies.has("parley_session")).toBe(false);
  // The genuine callback with the same transaction cookie: the state was already taken.
  const replay = new TestBrowser();
  for (const [k, v] of snapshot) replay.cookies.set(k, v);
  expect((await replay.get(callback.href)).status).toBe(400);
  expect(replay.cookies.has("parley_session")).toBe(false);
});

test.describe("every way into a share's content is locked", () => {
  const paths = () => {
    const raw = partOf("tour", (d) => d.type === "tool" && String((d.state as Loose).output).includes("line 03218"));
    const image = partOf("attachment", (d) => d.filename === "gradient-64.png");
    const reader = partOf("attachment", (d) => d.type === "tool" && Array.isArray((d.state as Loose).attachments));
    return [
      { what: "the page", path: `/s/${tour.id}` },
      { what: "the /share page", path: `/share/${tour.id}` },
      { what: "the data (opencode import)", path: `/api/share/${tour.id}/data` },
      { what: "the live event stream", path: `/api/share/${tour.id}/events` },
      { what: "live follow's fragments", path: `/s/${tour.id}/fragments` },
      { what: "raw output", path: `/s/${tour.id}/raw/${raw}` },
      { what: "a file", path: `/s/${attachment.id}/file/${image}` },
      { what: "a tool attachment", path: `/s/${attachment.id}/file/${reader}/0` },
      { what: "an export", path: `/s/${tour.id}/export.md`, mayBeMissing: true },
      { what: "anything under /s/<id>", path: `/s/${tour.id}/whatever`, mayBeMissing: true },
    ];
  };

  test("without a session: 401 auth_required JSON for clients, sign-in for browsers", async () => {
    for (const { what, path } of paths()) {
      // The headers `opencode import` sent (e2e/fixtures/basic/share-requests.jsonl, seq 18).
      const res = await fetch(`${origin}${path}`, {
        headers: { "user-agent": "opencode/1.18.33", accept: "*/*", "accept-encoding": "gzip, deflate, br, zstd" },
      });
      expect(res.status, what).toBe(401);
      const body = await res.json();
      expect(body.error.code, what).toBe("auth_required");
      const nav = await fetch(`${origin}${path}`, { redirect: "manual", headers: { accept: "text/html", "sec-fetch-mode": "navigate" } });
      expect(nav.status, what).toBe(302);
      expect(nav.headers.get("location"), what).toBe(`/auth/login?return_to=${encodeURIComponent(path)}`);
    }
  });

  test("signed in but not allowed: 403; allowed: the content", async () => {
    const bob = await sessionFor("bob");
    const alice = await sessionFor("alice");
    for (const { what, path, mayBeMissing } of paths()) {
      const refused = await bob.request(`${origin}${path}`, { headers: { accept: "*/*" } });
      expect(refused.status, what).toBe(403);
      expect((await refused.json()).error.code, what).toBe("not_allowed");
      const allowed = await alice.request(`${origin}${path}`, { headers: { accept: "*/*" } });
      if (mayBeMissing) expect([200, 404], what).toContain(allowed.status);
      else expect(allowed.status, what).toBe(200);
      await allowed.body?.cancel(); // the event stream would stay open
    }
  });

  test("the page cache never serves a cached page to someone not signed in", async () => {
    const alice = await sessionFor("alice");
    // Views two and three come from the page cache (it fills on the second view).
    for (let i = 0; i < 3; i++) expect(await (await alice.get(`${origin}/s/${tour.id}`)).text()).toContain(TOUR_TITLE);
    const anonymous = await fetch(`${origin}/s/${tour.id}`, { headers: { accept: "*/*" } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(TOUR_TITLE);
    const bob = await sessionFor("bob");
    const refused = await bob.get(`${origin}/s/${tour.id}`);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain(TOUR_TITLE);
  });
});

test("paths that Next would normalise into a share path never reach the content without a session", async () => {
  // Sent byte for byte (fetch would resolve the dot segments itself).
  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${origin}${path}`, { headers: { accept: "*/*" } }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject).end();
    });
  const id = tour.id;
  for (const path of [
    `/./s/${id}`,
    `/x/../s/${id}`,
    `//s/${id}`,
    `/%73/${id}`,
    `/s%2F${id}`,
    `/api//share/${id}/data`,
    `/api/share/${id}/%64ata`,
    `/s/${id}/card.png/../`,
    `/_next/static/../../s/${id}`,
    `/s/${id}/.`,
  ]) {
    const res = await raw(path);
    expect(res.status, path).toBe(401);
    expect(res.body, path).not.toContain(TOUR_TITLE);
  }
});

test("a link-preview bot gets the generic tags and card: site name and Sign in to view, never the title", async () => {
  const bot = { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" };
  const res = await fetch(`${origin}/s/${tour.id}`, { headers: bot });
  expect(res.status).toBe(200);
  const body = Buffer.from(await res.arrayBuffer());
  const tags = tagMap(previewTags(body));
  expect(tags["og:title"]).toBe("Sign in to view");
  expect(tags["og:site_name"]).toBe("Parley");
  expect(tags.robots).toBe("noindex, nofollow");
  expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
  const text = body.toString("utf8");
  for (const leak of [TOUR_TITLE, "greeter", "messages", "mock-1", "Mock Model"]) expect(text, leak).not.toContain(leak);
  expect(tags["og:image"]).toBe(`${origin}/s/${tour.id}/card.png`);
  expect(tags.canonical).toBe(`${origin}/s/${tour.id}`);

  const card = await fetch(tags["og:image"], { headers: bot });
  expect(card.status).toBe(200);
  const png = Buffer.from(await card.arrayBuffer());
  expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  // The same bytes for two different shares: nothing of either conversation is drawn.
  const other = Buffer.from(await (await fetch(`${origin}/s/${attachment.id}/card.png?v=9`, { headers: bot })).arrayBuffer());
  expect(other.equals(png)).toBe(true);
});

test("create, sync and unshare stay open to clients inside PARLEY_INGEST_ALLOW and get 403 JSON outside", async () => {
  const create = (forwardedFor: string) =>
    fetch(`${origin}/api/share`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ sessionID: `ses_sso_${forwardedFor}` }),
    });
  const outside = await create("203.0.113.7");
  expect(outside.status).toBe(403);
  expect((await outside.json()).error.code).toBe("ingest_not_allowed");
  const inside = await create("10.20.30.40");
  expect(inside.status).toBeLessThan(300);
  const share = (await inside.json()) as { id: string; secret: string };
  const unshareFrom = (forwardedFor: string) =>
    fetch(`${origin}/api/share/${share.id}`, {
      method: "DELETE",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ secret: share.secret }),
    });
  expect((await unshareFrom("198.51.100.1")).status).toBe(403);
  expect((await unshareFrom("10.0.0.1")).status).toBe(200);
});

test("Parley refuses to start, naming every missing piece, when PARLEY_AUTH=oidc is incomplete", async () => {
  const child = spawn(process.execPath, [path.join(__dirname, "..", "dist", "server.js")], {
    env: { ...process.env, PARLEY_AUTH: "oidc", PARLEY_OIDC_ISSUER: provider.issuer, PORT: String(await freePort()), HOST: "127.0.0.1", PARLEY_PUBLIC_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(1);
  for (const name of ["PARLEY_OIDC_CLIENT_ID", "PARLEY_OIDC_CLIENT_SECRET", "PARLEY_SESSION_SECRET", "PARLEY_PUBLIC_URL", "PARLEY_AUTH_EMAIL_DOMAINS"]) {
    expect(output).toContain(`  ${name}: `);
  }
  expect(output).toContain("Parley cannot start: bad configuration");
  expect(output).not.toContain("listening");
});
