// Share ids and write secrets. Both carry well over 128 random bits; secrets are stored only as hashes.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 18 random bytes = 144 bits, 24 URL-safe characters. */
export const newShareId = () => randomBytes(18).toString("base64url");
/** 32 random bytes = 256 bits. */
export const newSecret = () => randomBytes(32).toString("base64url");

// A fast hash is right here: the secret is 256 random bits, so there is nothing to brute-force;
// the hash only keeps a leaked database from handing out working secrets.
export const hashSecret = (secret: string) => createHash("sha256").update(secret, "utf8").digest("hex");

/** Constant-time comparison of a presented secret against a stored hash. */
export function secretMatches(presented: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export const SHARE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
