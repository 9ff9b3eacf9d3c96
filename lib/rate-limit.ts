// Fixed-window rate limits per client, counted in the database (no extra server; shared by every
// instance on one database). Over the limit: 429 with Retry-After.
import { ApiError } from "./api";
import { getConfig, type RateLimit } from "./config";
import { getStore } from "./store";

export type LimitName = "create" | "lookup";

const LIMITS: Record<LimitName, () => RateLimit> = {
  create: () => getConfig().PARLEY_RATE_CREATE,
  lookup: () => getConfig().PARLEY_RATE_LOOKUP,
};

/** Counts one hit for `client`; throws ApiError("rate_limited") with Retry-After when over the limit. */
export async function enforceRateLimit(name: LimitName, client: string, now = Date.now()): Promise<void> {
  const limit = LIMITS[name]();
  if (!limit) return;
  const windowStart = now - (now % limit.windowMs);
  const count = await (await getStore()).hitRateLimit(`${name}:${client}`, windowStart);
  if (count <= limit.limit) return;
  const retryAfter = Math.max(1, Math.ceil((windowStart + limit.windowMs - now) / 1000));
  throw new ApiError(
    "rate_limited",
    name === "create" ? "Too many shares created from this address; try again later" : "Too many requests for shares that do not exist; try again later",
    { retryAfter },
    { "Retry-After": String(retryAfter) },
  );
}

/** Drops counters of windows that have ended; run by the background sweep. */
export async function pruneRateLimits(now = Date.now()): Promise<void> {
  const longest = Math.max(...Object.values(LIMITS).map((l) => l()?.windowMs ?? 0));
  if (longest > 0) await (await getStore()).pruneRateLimits(now - longest);
}
