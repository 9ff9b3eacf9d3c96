import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as logger from "./logger";
import { metricsText } from "./metrics";
import { observeRequest, routeOf } from "./request-log";

describe("routeOf", () => {
  it.each([
    ["/s/AbCdEfGhIjKl", "/s/:id", "AbCdEf…"],
    ["/share/AbCdEfGhIjKl?all", "/share/:id", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/card.png?v=3", "/s/:id/card.png", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/raw/prt_123", "/s/:id/raw/:part", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/file/prt_123/2", "/s/:id/file/:part", "AbCdEf…"],
    ["/api/share/AbCdEfGhIjKl/sync", "/api/share/:id/sync", "AbCdEf…"],
    ["/api/share/AbCdEfGhIjKl/events", "/api/share/:id/events", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/fragments?turns=msg_1", "/s/:id/fragments", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/code/prt_123?fragment", "/s/:id/code/:part", "AbCdEf…"],
    ["/s/AbCdEfGhIjKl/diff/file-src-a.ts", "/s/:id/diff/:file", "AbCdEf…"],
    // A malformed escape (answered 400 before any handler) is logged, not thrown at.
    ["/api/share/%E0%A4%A/sync", "/api/share/:id/sync", "%E0%A4…"],
    ["/api/share/AbCdEfGhIjKl", "/api/share/:id", "AbCdEf…"],
    ["/api/share", "/api/share", undefined],
    ["/api/ready", "/api/ready", undefined],
    ["/_next/static/chunks/x.js", "/_next/*", undefined],
    ["/wp-admin.php", "other", undefined],
  ])("%s -> %s", (url, route, share) => {
    expect(routeOf(url)).toEqual(share ? { route, share } : { route });
  });
});

describe("observeRequest", () => {
  const lines: string[] = [];
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    vi.spyOn(logger, "getLogger").mockReturnValue(logger.createLogger({ level: "info", pretty: false, write: (l) => lines.push(l) }));
    server = http.createServer((req, res) => {
      observeRequest(req, res);
      if (req.url!.startsWith("/s/")) {
        res.setHeader("x-parley-cache", "hit");
        res.write("<p>hello ");
        res.end("wörld</p>");
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { code: "not_found", message: "x" } }));
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("logs one line per request with id, route, status, duration and bytes, never the full id or the query", async () => {
    const res = await fetch(`${base}/s/SecretShareId123456?secret=abc`);
    expect(await res.text()).toBe("<p>hello wörld</p>");
    await fetch(`${base}/api/share/SecretShareId123456/data`);
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    const [page, api] = lines.map((l) => JSON.parse(l));
    expect(page).toMatchObject({ msg: "request", method: "GET", route: "/s/:id", share: "Secret…", status: 200, bytes: 19, cache: "hit" });
    expect(page.id).toBe(res.headers.get("x-request-id"));
    expect(typeof page.ms).toBe("number");
    expect(api).toMatchObject({ route: "/api/share/:id/data", status: 404 });
    expect(lines.join("")).not.toContain("SecretShareId123456");
    expect(lines.join("")).not.toContain("secret=abc");
    const metrics = await metricsText();
    expect(metrics).toContain('parley_http_requests_total{route="/s/:id",status="200"}');
    expect(metrics).toContain('parley_cache_hits_total{cache="page"}');
  });
});
