import { describe, expect, it } from "vitest";
import { settingsFromConfig } from "./auth/settings";
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

describe("live follow settings", () => {
  it("has defaults, takes numbers and durations, and refuses bad values by name", () => {
    const c = parseConfig({});
    expect([c.PARLEY_EVENTS_MAX, c.PARLEY_EVENTS_PER_SHARE, c.PARLEY_EVENTS_PER_CLIENT]).toEqual([1000, 200, 20]);
    expect([c.PARLEY_EVENTS_HEARTBEAT, c.PARLEY_EVENTS_IDLE]).toEqual([15_000, 20_000]);
    const set = parseConfig({ PARLEY_EVENTS_MAX: "50", PARLEY_EVENTS_PER_CLIENT: "2", PARLEY_EVENTS_HEARTBEAT: "1s", PARLEY_EVENTS_IDLE: "3s" });
    expect([set.PARLEY_EVENTS_MAX, set.PARLEY_EVENTS_PER_CLIENT, set.PARLEY_EVENTS_HEARTBEAT, set.PARLEY_EVENTS_IDLE]).toEqual([50, 2, 1000, 3000]);
    expect(() => parseConfig({ PARLEY_EVENTS_MAX: "0", PARLEY_EVENTS_PER_SHARE: "many", PARLEY_EVENTS_HEARTBEAT: "soon" })).toThrowError(
      /PARLEY_EVENTS_MAX[\s\S]*PARLEY_EVENTS_PER_SHARE[\s\S]*PARLEY_EVENTS_HEARTBEAT/,
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

describe("SSO configuration (PARLEY_AUTH=oidc)", () => {
  const complete = {
    PARLEY_AUTH: "oidc",
    PARLEY_PUBLIC_URL: "https://parley.example.com",
    PARLEY_OIDC_ISSUER: "https://sso.example.com/realms/acme",
    PARLEY_OIDC_CLIENT_ID: "parley",
    PARLEY_OIDC_CLIENT_SECRET: "s3cret",
    PARLEY_SESSION_SECRET: "a".repeat(32),
    PARLEY_AUTH_EMAIL_DOMAINS: "Example.com, @example.org",
  };
  it("is off by default, and then nothing about it is required", () => {
    expect(parseConfig({}).PARLEY_AUTH).toBeNull();
    expect(parseConfig({ PARLEY_AUTH: "off" }).PARLEY_AUTH).toBeNull();
  });
  it("parses a complete configuration", () => {
    const c = parseConfig(complete);
    expect(c.PARLEY_AUTH).toBe("oidc");
    expect(c.PARLEY_AUTH_EMAIL_DOMAINS).toEqual(["example.com", "example.org"]);
    expect(c.PARLEY_SESSION_TTL).toBe(12 * 3_600_000);
    expect(
      parseConfig({ ...complete, PARLEY_AUTH_EMAIL_DOMAINS: "", PARLEY_AUTH_CLAIM: "groups", PARLEY_AUTH_CLAIM_VALUES: "eng,ops" }).PARLEY_AUTH_CLAIM_VALUES,
    ).toEqual(["eng", "ops"]);
  });
  it.each(["PARLEY_OIDC_ISSUER", "PARLEY_OIDC_CLIENT_ID", "PARLEY_OIDC_CLIENT_SECRET", "PARLEY_SESSION_SECRET", "PARLEY_PUBLIC_URL"])(
    "refuses to start without %s, naming it",
    (name) => {
      expect(() => parseConfig({ ...complete, [name]: "" })).toThrowError(new RegExp(`${name}: .*required when PARLEY_AUTH=oidc`));
    },
  );
  it("refuses a configuration without any policy, half a claim rule, a short secret or a plain-http issuer", () => {
    expect(() => parseConfig({ ...complete, PARLEY_AUTH_EMAIL_DOMAINS: "" })).toThrowError(/every account at the provider/);
    expect(() => parseConfig({ ...complete, PARLEY_AUTH_CLAIM: "groups" })).toThrowError(
      /PARLEY_AUTH_CLAIM_VALUES: PARLEY_AUTH_CLAIM and PARLEY_AUTH_CLAIM_VALUES go together/,
    );
    expect(() => parseConfig({ ...complete, PARLEY_SESSION_SECRET: "short" })).toThrowError(/PARLEY_SESSION_SECRET: must be at least 32/);
    expect(() => parseConfig({ ...complete, PARLEY_OIDC_ISSUER: "http://sso.example.com" })).toThrowError(/PARLEY_OIDC_ISSUER: must be https/);
    expect(parseConfig({ ...complete, PARLEY_OIDC_ISSUER: "http://127.0.0.1:4000" }).PARLEY_OIDC_ISSUER).toBe("http://127.0.0.1:4000");
    expect(() => parseConfig({ ...complete, PARLEY_AUTH: "saml" })).toThrowError(/PARLEY_AUTH/);
  });
  it("marks cookies Secure when the public URL is https (behind a TLS proxy too), not on plain http", () => {
    expect(settingsFromConfig(parseConfig(complete))?.secure).toBe(true);
    expect(settingsFromConfig(parseConfig({ ...complete, PARLEY_PUBLIC_URL: "http://127.0.0.1:3000" }))?.secure).toBe(false);
    expect(settingsFromConfig(parseConfig({}))).toBeNull();
  });
  it("takes PARLEY_INGEST_ALLOW ranges and refuses a bad one", () => {
    expect(parseConfig({}).PARLEY_INGEST_ALLOW).toBeNull();
    expect(parseConfig({ PARLEY_INGEST_ALLOW: "10.0.0.0/8, fd00::/8" }).PARLEY_INGEST_ALLOW?.contains("10.9.9.9")).toBe(true);
    expect(() => parseConfig({ PARLEY_INGEST_ALLOW: "10.0.0.0/8,office" })).toThrowError(/PARLEY_INGEST_ALLOW: "office" is not an IP address/);
  });
});
