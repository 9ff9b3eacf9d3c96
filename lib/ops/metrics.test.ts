import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { cacheHits, rateLimited, sharesCreated, startMetricsServer, syncs } from "./metrics";

describe("metrics", () => {
  let server: http.Server | undefined;
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  it("serves every issue-15 metric at GET /metrics on its own loopback listener, and nothing else", async () => {
    server = await startMetricsServer({ port: 0 });
    const { address, port } = server.address() as AddressInfo;
    expect(address).toBe("127.0.0.1");
    sharesCreated.inc();
    syncs.inc({ outcome: "ok" });
    cacheHits.inc({ cache: "render" });
    rateLimited.inc({ limit: "create" });
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    for (const name of [
      "parley_shares_created_total 1",
      "parley_shares_unshared_total",
      'parley_syncs_total{outcome="ok"} 1',
      "parley_sync_items_total",
      "parley_sync_bytes_total",
      "parley_sync_rejected_items_total",
      "parley_redactions_total",
      "parley_render_seconds",
      "parley_card_render_seconds",
      'parley_cache_hits_total{cache="render"} 1',
      'parley_rate_limited_total{limit="create"} 1',
      "parley_db_errors_total",
      "parley_event_streams_open",
      "parley_http_requests_total",
      "parley_process_resident_memory_bytes",
    ]) {
      expect(text).toContain(name);
    }
    const other = await fetch(`http://127.0.0.1:${port}/`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("a second evaluation of the module (another Next bundle) reuses the registered metrics", async () => {
    vi.resetModules();
    const again = await import("./metrics");
    expect(again.sharesCreated).toBe(sharesCreated);
  });
});
