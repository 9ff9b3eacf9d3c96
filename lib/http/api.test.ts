import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, methodNotAllowed, readBody, readJson, toErrorResponse } from "./api";
import { StoreUnavailableError } from "../store/types";

const request = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://x/api", { method: "POST", body, headers, duplex: "half" } as RequestInit);

function streamOf(chunks: number, size: number, onPull?: () => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(120));
    },
  });
}

describe("readBody", () => {
  it("refuses a declared Content-Length over the limit before reading", async () => {
    const err = await readBody(request("x", { "content-length": "2000" }), 1000).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(413);
  });
  it("cuts off an undeclared body as soon as it passes the limit", async () => {
    let pulls = 0;
    const err = await readBody(request(streamOf(100, 512, () => pulls++)), 1024).catch((e) => e);
    expect(err.status).toBe(413);
    expect(err.details).toEqual({ limit: 1024 });
    expect(pulls).toBeLessThan(10); // stopped reading, did not drain the 50 KB
  });
  it("reads a body within the limit", async () => {
    expect(await readBody(request(streamOf(5, 100)), 1000)).toHaveLength(500);
  });
});

describe("readJson and errors", () => {
  const schema = z.object({ data: z.array(z.unknown()) });
  it("400 for malformed JSON, 422 with issues for a wrong shape", async () => {
    expect((await readJson(request("{"), schema, { limit: 100 }).catch((e) => e)).status).toBe(400);
    const invalid = await readJson(request('{"data": 1}'), schema, { limit: 100 }).catch((e) => e);
    expect(invalid.status).toBe(422);
    expect(invalid.details.issues[0].path).toBe("data");
  });
  it("maps errors to the JSON error shape and hides unexpected ones", async () => {
    const known = toErrorResponse(new ApiError("secret_wrong", "nope"));
    expect(known.status).toBe(403);
    expect(await known.json()).toEqual({ error: { code: "secret_wrong", message: "nope" } });
    const original = console.error;
    console.error = () => {};
    const unknown = toErrorResponse(new Error("db password is hunter2"));
    console.error = original;
    expect(unknown.status).toBe(500);
    expect(JSON.stringify(await unknown.json())).not.toContain("hunter2");
  });
});

describe("toErrorResponse for a database that cannot answer now", () => {
  it("is 503 unavailable with Retry-After for down and busy, 507 storage_full for a full disk; never 500", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const reason of ["down", "busy"] as const) {
      const res = toErrorResponse(new StoreUnavailableError(reason, "x"));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await res.json()).error.code).toBe("unavailable");
    }
    const full = toErrorResponse(new StoreUnavailableError("full", "SQLITE_FULL"));
    expect(full.status).toBe(507);
    expect((await full.json()).error).toMatchObject({ code: "storage_full", message: expect.stringContaining("nothing of this request was stored") });
    quiet.mockRestore();
  });

  it("answers unserved methods with 405 JSON and Allow", async () => {
    const res = methodNotAllowed("POST")();
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST, OPTIONS");
    expect((await res.json()).error.code).toBe("method_not_allowed");
  });
});
