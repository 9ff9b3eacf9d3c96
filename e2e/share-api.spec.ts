// The share API as OpenCode and curl users drive it, including every error case.
import { expect, test } from "@playwright/test";

type Share = { id: string; url: string; secret: string };

async function create(baseURL: string, body: unknown = { sessionID: "ses_e2e" }, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseURL}/api/share`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return { res, share: (await res.json()) as Share };
}

const session = (title: string) => ({ type: "session", data: { id: "ses_e2e", title, time: { created: 1, updated: 2 } } });
const message = (id: string) => ({ type: "message", data: { id, sessionID: "ses_e2e", role: "user", time: { created: 3 } } });
const textPart = (id: string, text: string) => ({ type: "part", data: { id, sessionID: "ses_e2e", messageID: "msg_1", type: "text", text } });

async function sync(baseURL: string, id: string, body: unknown, raw?: string) {
  const res = await fetch(`${baseURL}/api/share/${id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: raw ?? JSON.stringify(body),
  });
  return { res, body: await res.json() };
}
const data = async (baseURL: string, id: string) => (await fetch(`${baseURL}/api/share/${id}/data`)).json();

test("POST /api/share returns an unguessable id, a /s/ url and a secret", async ({ baseURL }) => {
  const { res, share } = await create(baseURL!);
  expect(res.status).toBe(201);
  expect(share.id).toMatch(/^[A-Za-z0-9_-]{22,}$/); // >= 128 bits of base64url
  expect(Buffer.from(share.secret, "base64url").length).toBeGreaterThanOrEqual(16);
  expect(share.url).toBe(`${baseURL}/s/${share.id}`);
  expect(res.headers.get("x-robots-tag")).toContain("noindex");
});

test("POST /api/share accepts sessionId and builds the url from forwarded headers", async ({ baseURL }) => {
  const { res, share } = await create(baseURL!, { sessionId: "ses_curl" }, { "x-forwarded-host": "parley.example.com", "x-forwarded-proto": "https" });
  expect(res.status).toBe(201);
  expect(share.url).toBe(`https://parley.example.com/s/${share.id}`);
});

test("create -> sync -> page shows the title -> unshare -> data answers 410", async ({ baseURL, page }) => {
  const { share } = await create(baseURL!);
  const synced = await sync(baseURL!, share.id, {
    secret: share.secret,
    data: [session("Fixing the flaky test"), message("msg_1"), textPart("prt_1", "hello there")],
  });
  expect(synced.res.status).toBe(200);
  expect(synced.body).toMatchObject({ ok: true, stored: 3, rejected: [], version: 1 });

  await page.goto(`/s/${share.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fixing the flaky test");
  await expect(page.getByText("hello there")).toBeVisible();

  const del = await fetch(`${baseURL}/api/share/${share.id}`, {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret }),
  });
  expect(del.status).toBe(200);
  const gone = await fetch(`${baseURL}/api/share/${share.id}/data`);
  expect(gone.status).toBe(410);
  expect((await gone.json()).error.code).toBe("gone");
});

test("DELETE accepts the secret as a Bearer token", async ({ baseURL }) => {
  const { share } = await create(baseURL!);
  const del = await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", headers: { authorization: `Bearer ${share.secret}` }, body: "not json" });
  expect(del.status).toBe(200);
  expect((await fetch(`${baseURL}/api/share/${share.id}/data`)).status).toBe(410);
});

test("a batch with invalid items stores the valid ones and reports the rest by index", async ({ baseURL }) => {
  const { share } = await create(baseURL!);
  const badTool = {
    type: "part",
    data: { id: "prt_2", sessionID: "ses_e2e", messageID: "msg_1", type: "tool", callID: "c", tool: "bash", state: { status: "exploded" } },
  };
  const future = { type: "timeline", data: { id: "tl_1", events: [1, 2, 3] } };
  const futurePart = { type: "part", data: { id: "prt_3", sessionID: "ses_e2e", messageID: "msg_1", type: "hologram", beams: 3 } };
  const { res, body } = await sync(baseURL!, share.id, {
    secret: share.secret,
    data: [session("t"), badTool, { type: "message", data: { id: "msg_x" } }, future, futurePart, { nonsense: true }],
  });
  expect(res.status).toBe(200);
  expect(body.stored).toBe(3);
  expect(body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 5]);
  expect(body.rejected[0].issues[0].path).toBe("data.state.status");
  const stored = await data(baseURL!, share.id);
  expect(stored).toContainEqual(future);
  expect(stored).toContainEqual(futurePart);
  expect(stored.map((i: { type: string }) => i.type).sort()).toEqual(["part", "session", "timeline"]);
});

test("unknown fields are kept verbatim", async ({ baseURL }) => {
  const { share } = await create(baseURL!);
  const item = { type: "session", data: { ...session("x").data, brandNewField: { nested: [1, "two"] } }, envelopeExtra: 1 };
  await sync(baseURL!, share.id, { secret: share.secret, data: [item] });
  expect(await data(baseURL!, share.id)).toEqual([item]);
});

test.describe("request-level faults reject everything and store nothing", () => {
  const cases: Array<{ name: string; status: number; code: string; body?: (s: Share) => unknown; raw?: string; id?: (s: Share) => string }> = [
    { name: "malformed JSON", status: 400, code: "bad_json", raw: '{"secret": "x", "data": [' },
    { name: "no data array", status: 422, code: "invalid", body: (s) => ({ secret: s.secret }) },
    { name: "data not an array", status: 422, code: "invalid", body: (s) => ({ secret: s.secret, data: { type: "session" } }) },
    { name: "missing secret", status: 401, code: "secret_missing", body: () => ({ data: [session("evil")] }) },
    { name: "wrong secret", status: 403, code: "secret_wrong", body: () => ({ secret: "nope", data: [session("evil")] }) },
    { name: "unknown id", status: 404, code: "not_found", body: (s) => ({ secret: s.secret, data: [session("evil")] }), id: () => "AAAAAAAAAAAAAAAAAAAAAAAA" },
    { name: "all items invalid", status: 422, code: "invalid", body: (s) => ({ secret: s.secret, data: [{ type: "session", data: { title: "no id" } }] }) },
  ];
  for (const c of cases) {
    test(`${c.name} -> ${c.status} ${c.code}`, async ({ baseURL }) => {
      const { share } = await create(baseURL!);
      await sync(baseURL!, share.id, { secret: share.secret, data: [session("original")] });
      const before = await data(baseURL!, share.id);
      const { res, body } = await sync(baseURL!, c.id ? c.id(share) : share.id, c.body?.(share), c.raw);
      expect(res.status).toBe(c.status);
      expect(body.error.code).toBe(c.code);
      expect(typeof body.error.message).toBe("string");
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await data(baseURL!, share.id)).toEqual(before);
    });
  }

  test("sync of an unshared share -> 410 and nothing stored", async ({ baseURL }) => {
    const { share } = await create(baseURL!);
    await fetch(`${baseURL}/api/share/${share.id}`, { method: "DELETE", body: JSON.stringify({ secret: share.secret }) });
    const { res, body } = await sync(baseURL!, share.id, { secret: share.secret, data: [session("x")] });
    expect(res.status).toBe(410);
    expect(body.error.code).toBe("gone");
  });
});

test("DELETE errors: missing secret 401, wrong secret 403, unknown 404, twice 410", async ({ baseURL }) => {
  const { share } = await create(baseURL!);
  const del = (id: string, init: RequestInit = {}) => fetch(`${baseURL}/api/share/${id}`, { method: "DELETE", ...init });
  expect((await del(share.id)).status).toBe(401);
  expect((await del(share.id, { body: JSON.stringify({ secret: "wrong" }) })).status).toBe(403);
  expect((await del("AAAAAAAAAAAAAAAAAAAAAAAA", { body: JSON.stringify({ secret: share.secret }) })).status).toBe(404);
  expect((await del(share.id, { body: JSON.stringify({ secret: share.secret }) })).status).toBe(200);
  expect((await del(share.id, { body: JSON.stringify({ secret: share.secret }) })).status).toBe(410);
});

test("GET data of an unknown id -> 404 JSON error", async ({ baseURL }) => {
  const res = await fetch(`${baseURL}/api/share/AAAAAAAAAAAAAAAAAAAAAAAA/data`);
  expect(res.status).toBe(404);
  expect((await res.json()).error.code).toBe("not_found");
});

test("two concurrent syncs of one share both land in full", async ({ baseURL }) => {
  const { share } = await create(baseURL!);
  const parts = (prefix: string) => Array.from({ length: 100 }, (_, i) => textPart(`prt_${prefix}_${String(i).padStart(3, "0")}`, `${prefix}${i}`));
  const [a, b] = await Promise.all([
    sync(baseURL!, share.id, { secret: share.secret, data: parts("a") }),
    sync(baseURL!, share.id, { secret: share.secret, data: parts("b") }),
  ]);
  expect([a.res.status, b.res.status]).toEqual([200, 200]);
  expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
  expect(await data(baseURL!, share.id)).toHaveLength(200);
});

test("an unknown share id shows the 404 page", async ({ page }) => {
  const res = await page.goto("/s/AAAAAAAAAAAAAAAAAAAAAAAA");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});

test("a malformed percent-escape in an id answers a JSON 404 that says noindex, not a 500", async ({ baseURL }) => {
  for (const path of ["/s/%E0%A4%A", "/share/%E0", "/api/share/%E0/data", "/s/%E0/card.png"]) {
    const res = await fetch(`${baseURL}${path}`);
    expect(res.status, path).toBe(404);
    expect(res.headers.get("x-robots-tag"), path).toContain("noindex");
    expect((await res.json()).error.code, path).toBe("not_found");
  }
});
