// Cookie values that the reader holds but cannot read or change: a JWT signed with HS256, then
// encrypted (JWE, dir + A256GCM). Both keys come from PARLEY_SESSION_SECRET through HKDF, one per
// use, and the purpose ("session", "login") is the audience, so one kind can never pass for another.
import "server-only";
import { hkdfSync } from "node:crypto";
import { compactDecrypt, CompactEncrypt, jwtVerify, SignJWT, type JWTPayload } from "jose";

export type Purpose = "session" | "login";

type Keys = { sign: Uint8Array; encrypt: Uint8Array };
const derived = new Map<string, Keys>();

function keysFor(secret: string): Keys {
  let keys = derived.get(secret);
  if (!keys) {
    const derive = (info: string) => new Uint8Array(hkdfSync("sha256", secret, "parley-cookie", info, 32));
    keys = { sign: derive("sign v1"), encrypt: derive("encrypt v1") };
    derived.set(secret, keys);
  }
  return keys;
}

export async function seal(payload: JWTPayload, purpose: Purpose, ttlMs: number, secret: string, now = Date.now()): Promise<string> {
  const { sign, encrypt } = keysFor(secret);
  const iat = Math.floor(now / 1000);
  const jws = await new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(`parley:${purpose}`)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.max(1, Math.round(ttlMs / 1000)))
    .sign(sign);
  return new CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: "dir", enc: "A256GCM", cty: "JWT" }).encrypt(encrypt);
}

/** The payload, or null for anything tampered, expired, of another purpose or under another key. */
export async function unseal<T extends JWTPayload>(token: string, purpose: Purpose, secret: string, now = Date.now()): Promise<T | null> {
  try {
    const { sign, encrypt } = keysFor(secret);
    const { plaintext } = await compactDecrypt(token, encrypt, { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] });
    const { payload } = await jwtVerify<T>(new TextDecoder().decode(plaintext), sign, {
      algorithms: ["HS256"],
      audience: `parley:${purpose}`,
      currentDate: new Date(now),
      clockTolerance: 0,
    });
    return payload;
  } catch {
    return null;
  }
}
