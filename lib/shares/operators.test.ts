// Operator controls at the handler level, with low limits in this process's own configuration:
// per-client create limit (429 + Retry-After), X-Forwarded-For ignored unless trusted, lookups of
// unknown ids limited while live ids never count.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-ops-"));
Object.assign(process.env, { PARLEY_DATA_DIR: dir, PARLEY_RATE_CREATE: "3/1h", PARLEY_RATE_LOOKUP: "2/1m", PARLEY_TRUST_PROXY: "off" });

const { POST } = await import("@/app/api/share/route");
const { enforceRateLimit, takeToken } = await import("./rate-limit");
const { clientAddress, clientIp, limitKey } = await import("../http/client-ip");
const { parseConfig } = await import("../config");

const createFrom = (peer: string, xff?: string) =>
  POST(
    new Request("http://localhost/api/share", {
      method: "POST",
      headers: { "content-type": "application/json", "x-parley-client": clientAddress(peer, xff, 0), ...(xff ? { "x-forwarded-for": xff } : {}) },
      body: JSON.stringify({ sessionID: "ses_ops" }),
    }),
  );

describe("operator controls", () => {
  it("limits share creation per client address, with a JSON 429 and Retry-After; a spoofed X-Forwarded-For does not help", async () => {
    for (let i = 0; i < 3; i++) expect((await createFrom("10.0.0.1")).status).toBe(201);
    const limited = await createFrom("10.0.0.1", "1.2.3.4");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe("rate_limited");
    expect((await createFrom("10.0.0.2")).status).toBe(201);
  });

  it("limits lookups per client as a token bucket: 2/1m is a burst of 2, then one every 30 s", async () => {
    const t = Date.now();
    await enforceRateLimit("lookup", "10.0.0.9", t);
    await enforceRateLimit("lookup", "10.0.0.9", t + 1);
    await expect(enforceRateLimit("lookup", "10.0.0.9", t + 2)).rejects.toMatchObject({ code: "rate_limited", details: { retryAfter: 30 } });
    await expect(enforceRateLimit("lookup", "10.0.0.10", t + 2)).resolves.toBeUndefined();
    // Whatever the clock's minute does, the next token comes 30 s after the first, not at a window edge.
    await expect(enforceRateLimit("lookup", "10.0.0.9", t + 29_999)).rejects.toMatchObject({ details: { retryAfter: 1 } });
    await expect(enforceRateLimit("lookup", "10.0.0.9", t + 30_000)).resolves.toBeUndefined();
    await expect(enforceRateLimit("lookup", "10.0.0.9", t + 30_001)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("gives a burst of exactly N when N does not divide the window, and refills at N per window", async () => {
    for (const [limit, windowMs] of [
      [7, 60_000],
      [3, 1_000],
      [1, 60_000],
      [600, 3_600_000],
    ]) {
      const key = `test:${limit}/${windowMs}`;
      const t = Date.now();
      for (let i = 0; i < limit; i++) expect(await takeToken({ limit, windowMs }, key, t), `${limit}/${windowMs} #${i + 1}`).toBeNull();
      const wait = await takeToken({ limit, windowMs }, key, t);
      expect(wait, `${limit}/${windowMs} over`).toBeCloseTo(windowMs / limit, 0);
      // Over the next window, N more tokens come, one every window/N, and no more (the interval is
      // rounded up to a whole microsecond, so the last one is due a hair after the window).
      let granted = 0;
      const probes = Array.from({ length: limit * 4 }, (_, k) => t + Math.floor(((k + 1) * windowMs) / (limit * 4)));
      for (const at of [...probes, t + windowMs + 1]) if ((await takeToken({ limit, windowMs }, key, at)) === null) granted++;
      expect(granted, `${limit}/${windowMs} refill`).toBe(limit);
    }
  });

  it("believes X-Forwarded-For only when told how many proxies to trust", () => {
    const xff = "6.6.6.6, 203.0.113.7";
    expect(clientAddress("127.0.0.1", xff, 0)).toBe("127.0.0.1");
    expect(parseConfig({ PARLEY_TRUST_PROXY: "1" }).PARLEY_TRUST_PROXY).toBe(1);
    // One trusted proxy appended the address it saw: the rightmost entry is the client.
    expect(clientAddress("127.0.0.1", xff, 1)).toBe("203.0.113.7");
    // Two trusted proxies: the first one's entry is the client; the rest was sent by the client.
    expect(clientAddress("127.0.0.1", xff, 2)).toBe("6.6.6.6");
    // Several X-Forwarded-For headers count as one list, in order.
    expect(clientAddress("127.0.0.1", ["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
    // Fewer entries than configured proxies: the first entry, never the proxy's own address.
    expect(clientAddress("10.0.0.1", "198.51.100.4", 2)).toBe("198.51.100.4");
    // No chain at all, or an entry that is no address: the socket's.
    expect(clientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", "not-an-ip", 1)).toBe("10.0.0.1");
  });

  it("reads the client from the header only Parley's server sets, and refuses to guess without it", () => {
    expect(clientIp(new Headers({ "x-parley-client": "2001:db8:1:2::7" }))).toBe("2001:db8:1:2::/64");
    expect(() => clientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }))).toThrow(/x-parley-client/);
  });

  it("limits IPv6 clients per /64", () => {
    expect(limitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(limitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKey("[::1]")).toBe("0:0:0:0::/64");
    expect(limitKey("::ffff:192.0.2.8")).toBe("192.0.2.8");
    expect(limitKey("192.0.2.8")).toBe("192.0.2.8");
  });

  it("parses the privacy settings and rejects bad ones", () => {
    const c = parseConfig({ PARLEY_DEFAULT_TTL: "30d", PARLEY_SHARING: "disabled", PARLEY_REDACT: "off" });
    expect(c).toMatchObject({ PARLEY_DEFAULT_TTL: 30 * 86_400_000, PARLEY_SHARING: "disabled", PARLEY_REDACT: false });
    expect(parseConfig({})).toMatchObject({
      PARLEY_DEFAULT_TTL: null,
      PARLEY_SHARING: "enabled",
      PARLEY_REDACT: true,
      PARLEY_RATE_CREATE: { limit: 600, windowMs: 3_600_000 },
    });
    expect(() => parseConfig({ PARLEY_RATE_LOOKUP: "lots" })).toThrow(/PARLEY_RATE_LOOKUP/);
    expect(() => parseConfig({ PARLEY_ADMIN_TOKEN: "short" })).toThrow(/PARLEY_ADMIN_TOKEN/);
  });
});
