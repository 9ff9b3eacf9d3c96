import { describe, expect, it } from "vitest";
import { ApiError, readBody } from "./api";

const streamOf = (chunks: number[], onPull?: () => void) => {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (i < chunks.length) controller.enqueue(new Uint8Array(chunks[i++]).fill(120));
      else controller.close();
    },
  });
};
const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request("http://parley.test/api/share/x/sync", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBody", () => {
  it("reads a body at the limit", async () => {
    expect(await readBody(post(streamOf([600, 424])), 1024)).toBe("x".repeat(1024));
  });

  it("cuts off a body without Content-Length as soon as it passes the limit", async () => {
    let pulls = 0;
    const err = await readBody(post(streamOf(Array(100).fill(512), () => pulls++)), 1024).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(413);
    expect(err.details).toEqual({ limit: 1024 });
    expect(pulls).toBeLessThan(10); // stopped reading, did not drain the 50 KB
  });
});
