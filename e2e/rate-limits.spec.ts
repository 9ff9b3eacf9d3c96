// Rate limits against a real server with low limits: per client address as the server sees it
// (forged X-Parley-Peer or X-Forwarded-For headers do not help), 429 with Retry-After, and a live
// link never counts toward the lookup limit, so link-preview bots are never blocked.
import { expect, test } from "@playwright/test";
import { startServer, type TestServer } from "./support/server";

let server: TestServer;
test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  server = await startServer({ env: { PARLEY_RATE_CREATE: "3/1h", PARLEY_RATE_LOOKUP: "3/1m", PARLEY_TRUST_PROXY: "off" } });
});
test.afterAll(async () => server?.stop());

const forged = (i: number) => ({ "x-parley-peer": `198.51.100.${i}`, "x-forwarded-for": `203.0.113.${i}` });
const MISSING = (i: number) => `AAAAAAAAAAAAAAAAAAAAAA${String(i).padStart(2, "0")}`;

test("share creation: the fourth create from one address in the window answers 429, forged headers or not", async () => {
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i < 5; i++) {
    last = await fetch(`${server.baseURL}/api/share`, {
      method: "POST",
      headers: { "content-type": "application/json", ...forged(i) },
      body: JSON.stringify({ sessionID: `ses_rl_${i}` }),
    });
    statuses.push(last.status);
  }
  expect(statuses).toEqual([201, 201, 201, 429, 429]);
  expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await last!.json()).error.code).toBe("rate_limited");
});

test("lookups of unknown ids count, then 429 with Retry-After and noindex, forged headers or not", async () => {
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i < 5; i++) {
    last = await fetch(`${server.baseURL}/s/${MISSING(i)}`, { headers: forged(i) });
    statuses.push(last.status);
  }
  expect(statuses).toEqual([404, 404, 404, 429, 429]);
  expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(last!.headers.get("x-robots-tag")).toContain("noindex");
  expect((await last!.json()).error.code).toBe("rate_limited");
  // The data API is an id lookup too.
  expect((await fetch(`${server.baseURL}/api/share/${MISSING(9)}/data`)).status).toBe(429);
});

test("a live share stays reachable for a client that is over the lookup limit", async () => {
  const other = await startServer({ env: { PARLEY_RATE_LOOKUP: "2/1m" } });
  try {
    const create = await fetch(`${other.baseURL}/api/share`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ sessionID: "ses_live" }),
    });
    const share = await create.json();
    await fetch(`${other.baseURL}/api/share/${share.id}/sync`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ secret: share.secret, data: [{ type: "session", data: { id: "ses_live", title: "Live", time: { created: 1, updated: 2 } } }] }),
    });
    for (let i = 0; i < 3; i++) await fetch(`${other.baseURL}/s/${MISSING(i)}`);
    expect((await fetch(`${other.baseURL}/s/${MISSING(7)}`)).status).toBe(429);
    // Page, card and data of the live share, fetched many times like a crowd of unfurlers.
    for (let i = 0; i < 10; i++) {
      for (const path of [`/s/${share.id}`, `/s/${share.id}/card.png`, `/api/share/${share.id}/data`]) {
        expect((await fetch(`${other.baseURL}${path}`)).status, path).toBe(200);
      }
    }
  } finally {
    await other.stop();
  }
});
