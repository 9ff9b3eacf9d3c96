import { describe, expect, it } from "vitest";
import { parseConfig, parseDuration, parseSize } from "./config";

describe("parseConfig", () => {
  it("has working defaults", () => {
    const c = parseConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.PARLEY_DATA_DIR).toMatch(/\/data$/);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PARLEY_MAX_BODY).toBe(64 * 1024 ** 2);
    expect(c.PARLEY_MAX_ATTACHMENT).toBe(16 * 1024 ** 2);
    expect(c.PARLEY_MAX_SHARE).toBe(512 * 1024 ** 2);
    expect(c.PARLEY_PAGE_CACHE).toBe(64 * 1024 ** 2);
  });
  it("takes a size or off for the page cache", () => {
    expect(parseConfig({ PARLEY_PAGE_CACHE: "8MiB" }).PARLEY_PAGE_CACHE).toBe(8 * 1024 ** 2);
    expect(parseConfig({ PARLEY_PAGE_CACHE: "off" }).PARLEY_PAGE_CACHE).toBe(0);
    expect(() => parseConfig({ PARLEY_PAGE_CACHE: "lots" })).toThrowError(/PARLEY_PAGE_CACHE/);
  });
  it("normalises the public URL and treats empty values as unset", () => {
    expect(parseConfig({ PARLEY_PUBLIC_URL: "https://p.example.com/" }).PARLEY_PUBLIC_URL).toBe("https://p.example.com");
    expect(parseConfig({ PARLEY_PUBLIC_URL: "", DATABASE_URL: "" }).PARLEY_PUBLIC_URL).toBeUndefined();
  });
  it("names every bad variable in one readable message", () => {
    expect(() => parseConfig({ PORT: "99999", PARLEY_PUBLIC_URL: "ftp://x", DATABASE_URL: "mysql://x", PARLEY_MAX_BODY: "lots" })).toThrowError(
      /PORT[\s\S]*PARLEY_PUBLIC_URL[\s\S]*DATABASE_URL[\s\S]*PARLEY_MAX_BODY/,
    );
  });
});

describe("operations settings", () => {
  it("log level, metrics listener and demo share", () => {
    const c = parseConfig({});
    expect(c.PARLEY_LOG_LEVEL).toBe("info");
    expect(c.PARLEY_METRICS_PORT).toBeUndefined();
    expect(c.PARLEY_METRICS_HOST).toBe("127.0.0.1");
    expect(c.PARLEY_DEMO).toBe(true);
    const d = parseConfig({ PARLEY_LOG_LEVEL: "DEBUG", PARLEY_METRICS_PORT: "9464", PARLEY_METRICS_HOST: "0.0.0.0", PARLEY_DEMO: "off" });
    expect([d.PARLEY_LOG_LEVEL, d.PARLEY_METRICS_PORT, d.PARLEY_METRICS_HOST, d.PARLEY_DEMO]).toEqual(["debug", 9464, "0.0.0.0", false]);
    expect(() => parseConfig({ PARLEY_LOG_LEVEL: "loud", PARLEY_METRICS_PORT: "70000", PARLEY_DEMO: "maybe" })).toThrowError(
      /PARLEY_LOG_LEVEL[\s\S]*PARLEY_METRICS_PORT[\s\S]*PARLEY_DEMO/,
    );
  });
});

describe("sizes and durations", () => {
  it("parses sizes", () => {
    expect(parseSize("64MiB")).toBe(67108864);
    expect(parseSize("16 mb")).toBe(16777216);
    expect(parseSize("1024")).toBe(1024);
    expect(parseSize("1.5KB")).toBe(1536);
    expect(parseSize("ten")).toBeNull();
  });
  it("parses durations", () => {
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
    expect(parseDuration("12h")).toBe(43_200_000);
    expect(parseDuration("soon")).toBeNull();
  });
});
