// Per-client rate limits, kept in the database (no extra server; shared by every instance on one
// database). "N per window" is a token bucket: a burst of N, refilled evenly over the window, so a
// client never gets through at twice the limit across a window edge, and whether a request passes
// does not depend on where the clock's minute happens to fall. Over the limit: 429 with Retry-After.
import "server-only";
import { ApiError } from "../http/api";
import type { RateLimit } from "../config";
import { runtime } from "../runtime";
import { rateLimited } from "../ops/metrics";

export type LimitName = "create" | "lookup";

const LIMITS: Record<LimitName, () => RateLimit> = {
  create: () => runtime().config.PARLEY_RATE_CREATE,
  lookup: () => runtime().config.PARLEY_RATE_LOOKUP,
};

/**
 * Spends one token of bucket `key` under `limit`; null when it had one, else the milliseconds until
 * it will. Times are kept in microseconds so that N need not divide the window: 7/m is a token every
 * 8,571,429 µs and a burst of exactly 7.
 */
export async function takeToken(limit: NonNullable<RateLimit>, key: string, now = Date.now()): Promise<number | null> {
  const interval = Math.ceil((limit.windowMs * 1000) / limit.limit);
  const take = await (await runtime().store()).takeRateToken(key, now * 1000, interval, (limit.limit - 1) * interval);
  return take.allowed ? null : take.retryAfter / 1000;
}

/** Spends one token of `client`'s bucket; throws ApiError("rate_limited") with Retry-After when empty. */
export async function enforceRateLimit(name: LimitName, client: string, now = Date.now()): Promise<void> {
  const limit = LIMITS[name]();
  if (!limit) return;
  const waitMs = await takeToken(limit, `${name}:${client}`, now);
  if (waitMs === null) return;
  rateLimited.inc({ limit: name });
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
  throw new ApiError(
    "rate_limited",
    name === "create" ? "Too many shares created from this address; try again later" : "Too many requests for shares that do not exist; try again later",
    { retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** Drops buckets that have refilled; run by the background sweep. */
export async function pruneRateLimits(now = Date.now()): Promise<number> {
  return (await runtime().store()).pruneRateLimits(now * 1000);
}
