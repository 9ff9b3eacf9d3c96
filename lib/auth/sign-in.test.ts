// The whole sign-in round trip against a real OpenID Connect provider (oidc-provider on loopback),
// with lib/auth in front of a stand-in for the share content, on a real Node HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestBrowser } from "../../e2e/support/fetch-browser";
import { ACCOUNTS, startOidcProvider, TEST_CLIENT, type TestProvider } from "../../e2e/support/oidc-provider";
import { parseCidrList } from "./cidr";
import { createAuth, gateRequest, type Auth } from "./index";
import { seal } from "./seal";

const SECRET = "unit-test-session-secret-0123456789abcdef";
const CONTENT = "the share's secret content";
let provider: TestProvider;
let server: http.Server;
let origin: string;
let auth: Auth;

beforeAll(async () => {
  server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = await startOidcProvider(origin);
  auth = createAuth({
    issuer: new URL(provider.issuer),
    clientId: TEST_CLIENT.id,
    clientSecret: TEST_CLIENT.secret,
    publicUrl: origin,
    sessionSecret: SECRET,
    sessionTtlMs: 60 * 60_000,
    policy: { emailDomains: ["example.com"], claim: null, claimValues: [] },
    siteName: "Team Parley",
    secure: false,
  });
  const ingest = parseCidrList(["10.0.0.0/8"]);
  server.on("request", async (req, res) => {
    const address = String(req.headers["x-test-client"] ?? req.socket.remoteAddress);
    if (await gateRequest(req, res, address, auth, ingest)) return;
    res.end(CONTENT);
  });
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await provider?.stop();
});

/** Opens `path` signed out, signs in at the provider as `login`, and follows back to Parley. */
async function signIn(browser: TestBrowser, login: string, path = "/s/abc123") {
  const first = await browser.get(`${origin}${path}`);
  expect(first.status).toBe(302);
  const start = await browser.get(new URL(first.headers.get("location")!, origin).href);
  expect(start.status).toBe(302);
  const callback = await browser.signInAtProvider(start.headers.get("location")!, login, origin);
  return { callback, landed: await browser.get(callback) };
}

describe("sign-in with a real OIDC provider", () => {
  it("an allowed user comes back to the link they opened and reads it", async () => {
    const browser = new TestBrowser();
    const { landed } = await signIn(browser, "alice", "/s/abc123?x=1");
    expect(landed.status).toBe(302);
    expect(landed.headers.get("location")).toBe("/s/abc123?x=1");
    const session = landed.headers.getSetCookie().find((c) => c.startsWith("parley_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Max-Age=3600/);
    expect(session).not.toMatch(/Secure/); // http public URL; Secure behind https (cookies.test.ts)
    const page = await browser.get(`${origin}/s/abc123`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(CONTENT);
  });

  it("the authorization request uses PKCE S256, state and nonce", async () => {
    const browser = new TestBrowser();
    const start = await browser.get(`${origin}/auth/login?return_to=/s/abc123`);
    const url = new URL(start.headers.get("location")!);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toBeTruthy();
    expect(url.searchParams.get("nonce")).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe(`${origin}/auth/callback`);
  });

  it("a user from another domain, or with an unverified email, gets the 403 page naming the account", async () => {
    for (const login of ["bob", "mallory"]) {
      const browser = new TestBrowser();
      await signIn(browser, login);
      const page = await browser.get(`${origin}/s/abc123`);
      expect(page.status).toBe(403);
      const html = await page.text();
      expect(html).toContain(ACCOUNTS[login].email);
      expect(html).toContain("/auth/login?return_to=%2Fs%2Fabc123&amp;prompt=login");
      expect(html).not.toContain(CONTENT);
      const api = await browser.request(`${origin}/api/share/abc123/data`, { headers: { accept: "*/*" } });
      expect(api.status).toBe(403);
      expect((await api.json()).error.code).toBe("not_allowed");
    }
  });

  it("a callback URL replayed after use is refused (state is taken once)", async () => {
    const browser = new TestBrowser();
    const start = await browser.get(`${origin}/auth/login?return_to=/s/abc123`);
    const [loginCookie] = [...browser.cookies].filter(([k]) => k.startsWith("parley_login_"));
    const callback = await browser.signInAtProvider(start.headers.get("location")!, "alice", origin);
    expect((await browser.get(callback)).status).toBe(302);
    // The attacker holds both the callback URL and the transaction cookie.
    const replay = new TestBrowser();
    replay.cookies.set(...loginCookie);
    const res = await replay.get(callback);
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("parley_session=") && !c.startsWith("parley_session=;"))).toBe(false);
  });

  it("a callback whose state does not match the transaction is refused", async () => {
    const browser = new TestBrowser();
    const start = await browser.get(`${origin}/auth/login?return_to=/s/abc123`);
    const callback = new URL(await browser.signInAtProvider(start.headers.get("location")!, "alice", origin));
    // Same first 16 characters, so the transaction cookie is found and openid-client's check refuses it.
    const state = callback.searchParams.get("state")!;
    callback.searchParams.set("state", `${state.slice(0, 16)}forged`);
    const res = await browser.get(callback.href);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("could not be verified");
    expect(browser.cookies.has("parley_session")).toBe(false);
  });

  it("two links opened while signed out: both sign-ins complete, each back to its own link", async () => {
    const browser = new TestBrowser();
    const first = await browser.get(`${origin}/auth/login?return_to=/s/first`);
    const second = await browser.get(`${origin}/auth/login?return_to=/s/second`);
    const secondBack = await browser.signInAtProvider(second.headers.get("location")!, "alice", origin);
    const firstBack = await browser.signInAtProvider(first.headers.get("location")!, "alice", origin);
    expect((await browser.get(firstBack)).headers.get("location")).toBe("/s/first");
    expect((await browser.get(secondBack)).headers.get("location")).toBe("/s/second");
  });

  it("a refusal or cancel at the provider ends on an error page, without a session", async () => {
    const browser = new TestBrowser();
    const res = await browser.get(`${origin}/auth/callback?error=access_denied&state=abc`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("access_denied");
    expect(browser.cookies.has("parley_session")).toBe(false);
  });

  it("a callback without the transaction cookie (another browser) is refused", async () => {
    const browser = new TestBrowser();
    const start = await browser.get(`${origin}/auth/login?return_to=/s/abc123`);
    const callback = await browser.signInAtProvider(start.headers.get("location")!, "alice", origin);
    const res = await new TestBrowser().get(callback);
    expect(res.status).toBe(400);
  });

  it("sign-out ends the session, and a copy of the old cookie is refused afterwards", async () => {
    const browser = new TestBrowser();
    await signIn(browser, "alice");
    const stolen = browser.cookies.get("parley_session")!;
    const out = await browser.get(`${origin}/auth/signout`);
    expect(out.status).toBe(302);
    // RP-initiated logout at the provider, which sends the reader back to /auth/signed-out.
    const end = new URL(out.headers.get("location")!);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${origin}/auth/signed-out`);
    expect(browser.cookies.has("parley_session")).toBe(false);
    const replay = new TestBrowser();
    replay.cookies.set("parley_session", stolen);
    expect((await replay.get(`${origin}/s/abc123`)).status).toBe(302);
  });

  it("a tampered, expired or foreign session cookie is refused", async () => {
    const browser = new TestBrowser();
    await signIn(browser, "alice");
    const good = browser.cookies.get("parley_session")!;
    const who = { sub: "alice", email: "alice@example.com", emailVerified: true, name: null, claim: [] };
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    const cookies = {
      tampered: flip(good, good.length - 30),
      "tampered header": flip(good, 5),
      expired: await seal({ jti: "x", who }, "session", 60_000, SECRET, Date.now() - 120_000),
      "other key": await seal({ jti: "y", who }, "session", 60_000, "another-secret-another-secret-another"),
      "login cookie as session": await seal({ jti: "z", who }, "login", 60_000, SECRET),
    };
    for (const [name, value] of Object.entries(cookies)) {
      const b = new TestBrowser();
      b.cookies.set("parley_session", value);
      expect((await b.get(`${origin}/s/abc123`)).status, name).toBe(302);
      expect((await b.request(`${origin}/api/share/abc123/data`, {})).status, name).toBe(401);
    }
    const b = new TestBrowser();
    b.cookies.set("parley_session", good);
    expect((await b.get(`${origin}/s/abc123`)).status).toBe(200);
  });
});

describe("what each caller sees without a session", () => {
  const locked = [
    "/s/abc123",
    "/share/abc123",
    "/s/abc123/raw/p1",
    "/s/abc123/file/p1",
    "/s/abc123/file/p1/0",
    "/s/abc123/export.md",
    "/share/abc123/anything",
    "/api/share/abc123/data",
  ];

  it.each(locked)("%s: opencode import, curl and fetch get 401 auth_required JSON", async (path) => {
    // The headers `opencode import` sent (e2e/fixtures/basic/share-requests.jsonl, seq 18).
    const res = await fetch(`${origin}${path}`, { headers: { "user-agent": "opencode/1.18.33", accept: "*/*" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe("auth_required");
    expect(body.error.message).toContain(`${origin}/auth/login?return_to=`);
  });

  it.each(locked)("%s: a browser navigation is sent to sign in and back", async (path) => {
    const res = await fetch(`${origin}${path}`, { redirect: "manual", headers: { "sec-fetch-mode": "navigate", accept: "text/html" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/auth/login?return_to=${encodeURIComponent(path)}`);
  });

  it("a link-preview bot gets the generic tags: site name and Sign in to view, noindex", async () => {
    const res = await fetch(`${origin}/s/abc123`, { headers: { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", accept: "*/*" } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta property="og:title" content="Sign in to view">');
    expect(html).toContain('<meta property="og:site_name" content="Team Parley">');
    expect(html).toContain(`<meta property="og:image" content="${origin}/s/abc123/card.png">`);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(res.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(html).not.toContain(CONTENT);
  });

  it("the card passes the gate (its route draws only the Sign in to view card in SSO mode)", async () => {
    expect(await (await fetch(`${origin}/s/abc123/card.png?v=3`)).text()).toBe(CONTENT);
  });

  it("pages outside shares are not gated", async () => {
    for (const path of ["/", "/api/health", "/api/share/abc123"]) expect((await fetch(`${origin}${path}`)).status, path).toBe(200);
  });

  it("the return path after sign-in stays on this server", async () => {
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "/auth/signout"]) {
      const browser = new TestBrowser();
      const start = await browser.get(`${origin}/auth/login?return_to=${encodeURIComponent(bad)}`);
      const callback = await browser.signInAtProvider(start.headers.get("location")!, "alice", origin);
      expect((await browser.get(callback)).headers.get("location"), bad).toBe("/");
    }
  });
});

describe("PARLEY_INGEST_ALLOW", () => {
  it.each([
    ["POST", "/api/share"],
    ["POST", "/api/share/abc123/sync"],
    ["DELETE", "/api/share/abc123"],
    ["PUT", "/api/share/abc123/expiry"],
  ])("%s %s from outside the ranges gets 403 JSON, from inside passes", async (method, path) => {
    const outside = await fetch(`${origin}${path}`, { method, headers: { "x-test-client": "203.0.113.9" } });
    expect(outside.status).toBe(403);
    expect((await outside.json()).error.code).toBe("ingest_not_allowed");
    const inside = await fetch(`${origin}${path}`, { method, headers: { "x-test-client": "::ffff:10.1.2.3" } });
    expect(inside.status).toBe(200);
  });

  it("a write to a path Next would normalise into the share API is checked too (sent byte for byte)", async () => {
    for (const path of ["/./api/share", "/x/../api/share/abc123/sync", "//api/share"]) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(`${origin}${path}`, { method: "POST", headers: { "x-test-client": "203.0.113.9" } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on("error", reject).end();
      });
      expect(status, path).toBe(403);
    }
  });
});

describe("without PARLEY_AUTH", () => {
  it("nothing is gated: share content, the data and /auth/* all pass on untouched", async () => {
    const plain = http.createServer(async (req, res) => {
      if (await gateRequest(req, res, req.socket.remoteAddress ?? "", null, null)) return;
      res.end(CONTENT);
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    try {
      for (const path of ["/s/abc123", "/share/abc123", "/api/share/abc123/data", "/s/abc123/raw/p1", "/auth/login"]) {
        const res = await fetch(`${base}${path}`, { headers: { "user-agent": "opencode/1.18.33" } });
        expect(res.status, path).toBe(200);
        expect(await res.text()).toBe(CONTENT);
      }
      expect((await fetch(`${base}/api/share`, { method: "POST" })).status).toBe(200);
    } finally {
      plain.closeAllConnections();
      await new Promise((r) => plain.close(r));
    }
  });
});
