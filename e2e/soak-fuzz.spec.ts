// A fixed-seed sample of `npm run soak`'s fuzzer (soak/fuzz.ts, soak/fuzz-requests.ts): every
// endpoint, method, id, secret, header, body and framing. No 5xx, every API 4xx in the error
// model, no rejected request changes stored data, and the server is still up afterwards.
import { expect, test } from "@playwright/test";
import { runFuzz } from "../soak/fuzz";
import { FUZZ_ENV } from "../soak/fuzz-env";
import { sendRaw } from "../soak/raw-http";
import { SyncClient } from "../soak/sync-clients";
import { startServer } from "./support/server";

test("400 fuzzed requests (seed 13): no 5xx, errors in the model, rejected requests change nothing", async () => {
  test.setTimeout(180_000);
  const server = await startServer({ env: FUZZ_ENV });
  try {
    const f = await runFuzz({ baseURL: server.baseURL, seed: 13, requests: 400, concurrency: 4, chunk: 200 });
    expect(f.failures).toEqual([]);
    expect(f.changedByRejected).toBe(0);
    expect(f.requests).toBe(400);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.baseURL}/api/health`)).status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("unknown API paths and methods answer in the error model (404, 405 with Allow)", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const cases: [string, string, number, string][] = [
    ["GET", "/api/nothing-here", 404, "not_found"],
    ["POST", "/api/share/x/y/z", 404, "not_found"],
    ["GET", "/api/share", 405, "method_not_allowed"],
    ["PUT", "/api/share/abc/sync", 405, "method_not_allowed"],
    ["POST", "/api/health", 405, "method_not_allowed"],
  ];
  for (const [method, path, status, code] of cases) {
    const res = await sendRaw(port, { method, path, headers: [], body: Buffer.alloc(0) });
    expect(res.kind, `${method} ${path}`).toBe("response");
    if (res.kind !== "response") continue;
    expect(res.status, `${method} ${path}`).toBe(status);
    expect(JSON.parse(res.body.toString()).error.code).toBe(code);
    if (status === 405) expect(res.headers.allow).toContain("OPTIONS");
  }
});

// Next fails to decode a malformed percent-escape in a route parameter and answers 500 before any
// handler of ours runs (GET /s/<id>/raw/%, /api/%). Only a server in front of Next can refuse these;
// reported to the lead (issue 13), to be answered 400 by server.ts.
test("a malformed percent-escape after the share id answers 400 JSON, not 500", async ({ baseURL }) => {
  for (const path of ["/api/%", "/api/share/x/%ZZ", "/s/abc/raw/%", "/s/abc/file/%/1"]) {
    const res = await fetch(`${baseURL}${path}`);
    expect(res.status, path).toBe(400);
    expect((await res.json()).error.code, path).toBe("bad_path");
  }
});

test("what Node's own parser refuses is answered in the error model too: bad framing 400, oversized headers 431", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const malformed = await sendRaw(port, { method: "POST", path: "/api/share", headers: [["Transfer-Encoding", "chunked, gzip"]], body: Buffer.from("x") });
  const huge = await sendRaw(port, { method: "GET", path: "/", headers: [["X-Filler", "a".repeat(20_000)]], body: Buffer.alloc(0) });
  for (const [res, status, code] of [
    [malformed, 400, "bad_request"],
    [huge, 431, "headers_too_large"],
  ] as const) {
    expect(res.kind).toBe("response");
    if (res.kind !== "response") continue;
    expect(res.status).toBe(status);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(JSON.parse(res.body.toString()).error.code).toBe(code);
  }
});

test("bytes that fail to parse after a complete request wait for that request's own answer: an unshare is never answered 400", async ({ baseURL }) => {
  const port = Number(new URL(baseURL!).port);
  const created = (await (
    await fetch(`${baseURL}/api/share`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"sessionID":"ses_order"}' })
  ).json()) as {
    id: string;
    secret: string;
  };
  // A body past its Content-Length: the DELETE is complete at the declared length, the rest is not HTTP.
  const body = JSON.stringify({ secret: created.secret });
  const res = await sendRaw(port, {
    method: "DELETE",
    path: `/api/share/${created.id}`,
    headers: [["Content-Type", "application/json"]],
    body: Buffer.from(`${body}\u0001 not a request\r\n\r\n`),
    contentLength: Buffer.byteLength(body),
  });
  expect(res.kind).toBe("response");
  if (res.kind !== "response") return;
  // The first answer on the connection is the DELETE's own, and it was carried out.
  expect(res.status).toBeLessThan(300);
  expect((await fetch(`${baseURL}/api/share/${created.id}/data`)).status).toBe(410);
});

test("a GET sent with a big body gets its whole answer: the body is read before the connection closes", async ({ baseURL }) => {
  // Found by the soak's fuzzer: answered before its body arrived, then closed with the body unread, the
  // connection was reset and the client lost the tail of a big answer (388 of 800 before the fix).
  const port = Number(new URL(baseURL!).port);
  const share = await SyncClient.create(baseURL!, "get-with-body");
  for (let i = 0; i < 20; i++) await share.sync(baseURL!, share.nextBatch(3, 2000));
  const expected = await (await fetch(`${baseURL}/api/share/${share.share.id}/data`)).text();
  const outcomes: string[] = [];
  await Promise.all(
    Array.from({ length: 6 }, async (_, worker) => {
      for (let i = 0; i < 10; i++) {
        const body = Buffer.alloc((((worker + i) % 3) + 1) * 200 * 1024, "x");
        const res = await sendRaw(port, { method: "GET", path: `/api/share/${share.share.id}/data`, headers: [["content-type", "application/json"]], body });
        outcomes.push(res.kind === "response" ? `${res.status} ${res.body.toString() === expected ? "whole" : "different"}` : res.reason);
      }
    }),
  );
  expect(outcomes.filter((o) => o !== "200 whole")).toEqual([]);
});
