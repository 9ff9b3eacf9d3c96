import { describe, expect, it } from "vitest";
import { hashSecret, newSecret, newShareId, secretMatches } from "./ids";

describe("ids and secrets", () => {
  it("share ids are URL-safe with at least 128 random bits, and unique", () => {
    const ids = new Set(Array.from({ length: 2000 }, newShareId));
    expect(ids.size).toBe(2000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(id, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    }
  });
  it("secrets are stored as hashes and compared against them", () => {
    const secret = newSecret();
    expect(Buffer.from(secret, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const hash = hashSecret(secret);
    expect(hash).not.toContain(secret);
    expect(secretMatches(secret, hash)).toBe(true);
    expect(secretMatches(secret + "x", hash)).toBe(false);
    expect(secretMatches(secret, "")).toBe(false);
  });
});
