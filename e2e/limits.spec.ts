// The ingest limits: request body (by Content-Length before reading, and while reading), attachment
// (stubbed, the rest of the batch stored), and share total. Each rejection stores nothing.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { readRequests, type DataItem } from "./support/fixtures";
import { startServer, type TestServer } from "./support/server";

type Share = { id: string; url: string; secret: string };
const MiB = 1024 * 1024;

async function createShare(baseURL: string): Promise<Share> {
  const res = await fetch(`${baseURL}/api/share`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sessionID: "ses_limits" }),
  });
  return res.json();
}
const sync = (baseURL: string, share: Share, data: unknown[]) =>
  fetch(`${baseURL}/api/share/${share.id}/sync`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ secret: share.secret, data }),
  });
const storedData = async (baseURL: string, share: Share): Promise<DataItem[]> => (await fetch(`${baseURL}/api/share/${share.id}/data`)).json();
const textPart = (id: string, text: string) => ({ type: "part", data: { id, sessionID: "ses_limits", messageID: "msg_1", type: "text", text } });

/**
 * A request whose Content-Length claims more than it sends (fetch refuses to lie): node:http with
 * the header set by hand, a short body, and no end(), so the answer can only come from the header.
 */
function postWithDeclaredLength(baseURL: string, path: string, declared: number, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseURL}${path}`,
      { method: "POST", headers: { "content-type": "application/json", "content-length": String(declared) } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode!, body: text });
        });
      },
    );
    req.on("error", reject);
    req.write(body);
  });
}

/** A chunked body with no Content-Length, streamed until the server answers. */
function postChunked(baseURL: string, path: string, chunk: string, chunks: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${baseURL}${path}`, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
    });
    req.on("error", (err) => (req.destroyed ? undefined : reject(err)));
    let sent = 0;
    const pump = () => {
      while (sent < chunks && !req.destroyed) {
        sent++;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

test("a Content-Length over PARLEY_MAX_BODY (64 MiB) -> 413 before the body is read; nothing stored", async ({ baseURL }) => {
  const share = await createShare(baseURL!);
  await sync(baseURL!, share, [textPart("prt_1", "kept")]);
  const before = await storedData(baseURL!, share);
  const declared = 64 * MiB + 1;
  const res = await postWithDeclaredLength(
    baseURL!,
    `/api/share/${share.id}/sync`,
    declared,
    JSON.stringify({ secret: share.secret, data: [textPart("prt_2", "never")] }),
  );
  expect(res.status).toBe(413);
  const body = JSON.parse(res.body);
  expect(body.error.code).toBe("too_large");
  expect(body.error.message).toContain("64 MB");
  expect(await storedData(baseURL!, share)).toEqual(before);
});

test.describe("on a server with small limits", () => {
  test.describe.configure({ mode: "serial" });
  let server: TestServer;
  test.beforeAll(async () => {
    server = await startServer({ env: { PARLEY_MAX_ATTACHMENT: "1MiB", PARLEY_MAX_BODY: "6MiB", PARLEY_MAX_SHARE: "2MiB" } });
  });
  test.afterAll(async () => server?.stop());

  test("the attachment recording: the 2.9 MB screenshot becomes a stub, the rest of its batch is stored", async () => {
    const base = server.baseURL;
    const share = await createShare(base);
    const degraded: Array<Record<string, unknown>> = [];
    const sent = new Map<string, DataItem>();
    for (const req of readRequests("attachment")) {
      if (req.method !== "POST" || !/\/sync$/.test(req.url)) continue;
      const data = (req.body as { data: DataItem[] }).data;
      const res = await sync(base, share, data);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.rejected).toEqual([]);
      degraded.push(...body.degraded);
      for (const item of data) if (item.type === "part") sent.set(String(item.data.id), item);
    }
    const screenshot = [...sent.values()].find((i) => i.data.filename === "huge-screenshot.png")!;
    const originalBytes = Buffer.from(String(screenshot.data.url).split(",")[1], "base64").length;
    expect(degraded.length).toBeGreaterThanOrEqual(1); // the client re-sends the part on later syncs
    for (const d of degraded) {
      expect(d).toMatchObject({
        key: `part/${screenshot.data.messageID}/${screenshot.data.id}`,
        path: "data.url",
        filename: "huge-screenshot.png",
        mime: "image/jpeg",
        reason: "too_large",
        originalBytes,
        limitBytes: MiB,
      });
    }

    const stored = await storedData(base, share);
    const stub = stored.find((i) => i.type === "part" && i.data.id === screenshot.data.id)!;
    expect(stub.data).toEqual({ ...screenshot.data, url: "", parley: { omitted: true, reason: "too_large", originalBytes, limitBytes: MiB } });
    for (const item of stored) if (item !== stub && item.type === "part") expect(item).toEqual(sent.get(String(item.data.id)));

    const file = await fetch(`${base}/s/${share.id}/file/${screenshot.data.id}`);
    expect(file.status).toBe(404);
    expect((await file.json()).error).toMatchObject({ code: "not_found", omitted: true, originalBytes, limitBytes: MiB });
    const small = [...sent.values()].find((i) => i.data.filename === "gradient-64.png")!;
    const kept = await fetch(`${base}/s/${share.id}/file/${small.data.id}`);
    expect(kept.status).toBe(200);
    expect(Buffer.from(await kept.arrayBuffer())).toEqual(Buffer.from(String(small.data.url).split(",")[1], "base64"));
  });

  test("a chunked body that passes PARLEY_MAX_BODY while streaming -> 413; nothing stored", async () => {
    const share = await createShare(server.baseURL);
    await sync(server.baseURL, share, [textPart("prt_1", "kept")]);
    const before = await storedData(server.baseURL, share);
    const head = JSON.stringify({ secret: share.secret, data: [textPart("prt_2", "")] }).slice(0, -5);
    const res = await postChunked(server.baseURL, `/api/share/${share.id}/sync`, head + "x".repeat(MiB), 8);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error).toMatchObject({ code: "too_large", limit: 6 * MiB });
    expect(await storedData(server.baseURL, share)).toEqual(before);
  });

  test("a sync that would take the share past PARLEY_MAX_SHARE -> 413 with the sizes; nothing of it stored", async () => {
    const share = await createShare(server.baseURL);
    const big = (id: string) => textPart(id, "y".repeat(900 * 1024));
    expect((await sync(server.baseURL, share, [big("prt_a")])).status).toBe(200);
    expect((await sync(server.baseURL, share, [big("prt_b")])).status).toBe(200);
    const before = await storedData(server.baseURL, share);
    const res = await sync(server.baseURL, share, [textPart("prt_small", "tiny"), big("prt_c")]);
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error.code).toBe("too_large");
    expect(error.limit).toBe(2 * MiB);
    expect(error.bytes).toBeGreaterThan(2 * MiB);
    expect(error.message).toContain("2 MB limit per share");
    expect(await storedData(server.baseURL, share)).toEqual(before);
  });
});
