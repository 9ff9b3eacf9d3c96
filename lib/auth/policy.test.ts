import { describe, expect, it } from "vitest";
import { parseCidrList } from "./cidr";
import { needsSession } from "./gate";
import { clearCookieHeader, cookieHeader } from "./cookies";
import { identityFrom, isAllowed, readClaim, type Policy } from "./policy";
import { safeReturnTo } from "./routes";
import { seal, unseal } from "./seal";

const domains: Policy = { emailDomains: ["example.com", "example.org"], claim: null, claimValues: [] };
const groups: Policy = { emailDomains: [], claim: "groups", claimValues: ["engineering", "support"] };
const both: Policy = { emailDomains: ["example.com"], claim: "groups", claimValues: ["engineering"] };

describe("the access policy", () => {
  it.each([
    [domains, { sub: "a", email: "a@example.com", email_verified: true }, true],
    [domains, { sub: "a", email: "a@EXAMPLE.org", email_verified: "true" }, true],
    [domains, { sub: "a", email: "a@example.com", email_verified: false }, false],
    [domains, { sub: "a", email: "a@example.com" }, false],
    [domains, { sub: "a", email: "a@evil-example.com", email_verified: true }, false],
    [domains, { sub: "a", email: "a@sub.example.com", email_verified: true }, false],
    [domains, { sub: "a", email: "a@example.com.evil.test", email_verified: true }, false],
    [domains, { sub: "a", email: "example.com", email_verified: true }, false],
    [groups, { sub: "a", groups: ["support"] }, true],
    [groups, { sub: "a", groups: "engineering" }, true],
    [groups, { sub: "a", groups: ["sales"] }, false],
    [groups, { sub: "a", email: "a@example.com", email_verified: true }, false],
    [both, { sub: "a", email: "a@other.test", email_verified: true, groups: ["engineering"] }, true],
    [both, { sub: "a", email: "a@example.com", email_verified: true, groups: [] }, true],
    [both, { sub: "a", email: "a@other.test", email_verified: true, groups: ["sales"] }, false],
  ] as const)("%# allows %j: %s", (policy, claims, allowed) => {
    expect(isAllowed(identityFrom(claims, policy), policy)).toBe(allowed);
  });

  it("keeps only the listed values of the claim in the session (the cookie stays small)", () => {
    const many = Array.from({ length: 500 }, (_, i) => `group-${i}`);
    expect(identityFrom({ sub: "a", groups: [...many, "support"] }, groups).claim).toEqual(["support"]);
  });

  it("reads nested claims such as Keycloak's realm_access.roles", () => {
    expect(readClaim({ realm_access: { roles: ["parley", "x"] } }, "realm_access.roles")).toEqual(["parley", "x"]);
    expect(readClaim({ "realm_access.roles": "flat" }, "realm_access.roles")).toEqual(["flat"]);
    expect(readClaim({}, "groups")).toEqual([]);
  });
});

describe("sealed cookies", () => {
  const secret = "policy-test-secret-0123456789abcdefgh";
  it("round-trip, and refuse tampering, expiry, another purpose and another key", async () => {
    const token = await seal({ jti: "1", n: 5 }, "session", 60_000, secret);
    expect(token.split(".")).toHaveLength(5); // JWE compact serialisation: the JWS inside is not readable
    expect(await unseal(token, "session", secret)).toMatchObject({ jti: "1", n: 5, aud: "parley:session" });
    // One character of the authentication tag changed. Its first character, not its last: the last one of
    // a base64url segment carries unused bits, and a change there may decode to the same bytes.
    const parts = token.split(".");
    parts[4] = (parts[4][0] === "A" ? "B" : "A") + parts[4].slice(1);
    expect(await unseal(parts.join("."), "session", secret)).toBeNull();
    expect(await unseal(token, "login", secret)).toBeNull();
    expect(await unseal(token, "session", `${secret}x`)).toBeNull();
    expect(await unseal(token, "session", secret, Date.now() + 61_000)).toBeNull();
  });
});

describe("cookies", () => {
  it("are httpOnly and SameSite=Lax, Secure behind https, and cleared with Max-Age=0", () => {
    expect(cookieHeader("s", "v", { maxAgeMs: 3_600_000, secure: true })).toBe("s=v; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure");
    expect(cookieHeader("s", "v", { maxAgeMs: 1000, secure: false })).not.toContain("Secure");
    expect(clearCookieHeader("s", true, "/auth")).toBe("s=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
  });
});

describe("the return path after sign-in", () => {
  it.each([
    ["/s/abc", "/s/abc"],
    ["/s/abc?x=1#frag", "/s/abc?x=1"],
    ["/share/a%2Fb", "/share/a%2Fb"],
    ["https://evil.example/s/abc", "/"],
    ["//evil.example/s/abc", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["javascript:alert(1)", "/"],
    ["/auth/signout", "/"],
    ["", "/"],
    [null, "/"],
  ])("%j -> %j", (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe("ingest ranges", () => {
  const list = parseCidrList(["10.0.0.0/8", "192.168.1.7", "fd00::/8"]);
  it.each([
    ["10.200.0.1", true],
    ["::ffff:10.0.0.1", true],
    ["192.168.1.7", true],
    ["192.168.1.8", false],
    ["fd12::1", true],
    ["[fd12::1]", true],
    ["2001:db8::1", false],
    ["unknown", false],
  ])("%s -> %s", (address, inside) => {
    expect(list.contains(address)).toBe(inside);
  });
  it("refuses what is not a range", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0/8", "example.com", "10.0.0.0/8/1", "fd00::/129", "10.0.0.0/x"]) {
      expect(() => parseCidrList([bad]), bad).toThrow(/not an IP address or CIDR range/);
    }
  });
});

describe("which paths need a session in SSO mode", () => {
  it.each([
    ["/s/abc", true],
    ["/s/abc/", true],
    ["/share/abc?x=1", true],
    ["/s/abc/raw/prt_1", true],
    ["/s/abc/file/prt_1/0", true],
    ["/s/abc/export.md", true],
    ["/api/share/abc/data", true],
    ["/api/share/abc/data?x", true],
    ["/api/share/abc/events", true],
    ["/s/abc/fragments?turns=msg_1", true],
    ["/s/abc/card.png", false],
    ["/s/abc/card.png?v=3", false],
    ["/", false],
    ["/api/health", false],
    ["/api/share", false],
    ["/api/share/abc/sync", false],
    ["/api/share/abc", false],
    ["/_next/static/chunks/a.js", false],
    // Anything Next would normalise into a share path first.
    ["/./s/abc", true],
    ["/x/../s/abc", true],
    ["//s/abc", true],
    ["/%73/abc", true],
    ["/api/share/abc/%64ata", true],
    ["/s/abc/card.png/..", true],
    ["/s/abc/card.png/../", true],
    ["/s/abc%2Fcard.png", true],
    ["/_next/static/../../s/abc", true],
    ["/\\s/abc", true],
  ])("%s -> %s", (url, gated) => {
    expect(needsSession(url)).toBe(gated);
  });
});
