// What the operator sees: one JSON log line per request (no full share id, no secret, no content) and
// Prometheus metrics on their own loopback listener, never on the public port.
import { expect, test } from "@playwright/test";
import { replay } from "./support/fixtures";
import { freePort, startServer } from "./support/server";

test("request logs and the metrics listener", async () => {
  const metricsPort = await freePort();
  const server = await startServer({ env: { PARLEY_METRICS_PORT: String(metricsPort), PARLEY_LOG_LEVEL: "info" } });
  try {
    const share = await replay(server.baseURL, "tour");
    // Each body read to its end: a page still streaming when the unshare below lands would be logged
    // as the client's hang-up (499), which is what it would be.
    for (const path of [`/s/${share.id}`, `/s/${share.id}/card.png`]) {
      const res = await fetch(`${server.baseURL}${path}`);
      expect(res.status, path).toBe(200);
      await res.arrayBuffer();
    }
    await fetch(`${server.baseURL}/api/share/${share.id}`, { method: "DELETE", body: JSON.stringify({ secret: share.secret }) });

    // Each line is written when its response has finished, not in the order the client saw the ends.
    await expect.poll(() => ['"route":"/api/share/:id"', '"route":"/s/:id"'].every((r) => server.output().includes(r))).toBe(true);
    const lines = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    const requests = lines.filter((l) => l.msg === "request");
    const page = requests.find((l) => l.route === "/s/:id");
    expect(page).toMatchObject({ method: "GET", status: 200, share: `${share.id.slice(0, 6)}…` });
    expect(page.bytes).toBeGreaterThan(1000);
    expect(typeof page.ms).toBe("number");
    expect(typeof page.id).toBe("string");
    expect(requests.filter((l) => l.route === "/api/share/:id/sync").length).toBeGreaterThan(5);
    const text = server.output();
    expect(text).not.toContain(share.id);
    expect(text).not.toContain(share.secret);
    expect(text).not.toContain("greeter"); // the tour's conversation

    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/^parley_shares_created_total 1$/m);
    expect(metrics).toMatch(/^parley_shares_unshared_total 1$/m);
    expect(metrics).toMatch(/^parley_syncs_total\{outcome="ok"\} \d+$/m);
    expect(metrics).toMatch(/^parley_sync_items_total [1-9]\d*$/m);
    expect(metrics).toMatch(/^parley_card_render_seconds_count 1$/m);
    expect(metrics).toMatch(/^parley_render_seconds_count\{kind="md"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^parley_http_requests_total\{route="\/s\/:id",status="200"\} 1$/m);
    expect((await fetch(`${server.baseURL}/metrics`)).status).toBe(404);
  } finally {
    await server.stop();
  }
});
