// Every store call goes through here: driver errors that mean "not now" become
// StoreUnavailableError, and a busy or locked database is retried for a bounded time first.
import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { unavailableFrom } from "./errors";
import type { Store } from "./types";

/** How long a call keeps retrying a busy or locked database before it gives up with "busy" (503). */
export const BUSY_RETRY_MS = 5_000;

type Options = { retryFor?: number };

/**
 * Wraps a store. Each retry of a busy call reruns the whole call: every write is one transaction
 * that the driver rolled back, so a rerun cannot apply anything twice. Retries wait on timers, not
 * inside the driver, so other requests run in between (better-sqlite3's own busy wait blocks the
 * event loop).
 */
export function guardStore<S extends Store>(store: S, options: Options = {}): Store {
  const retryFor = options.retryFor ?? BUSY_RETRY_MS;
  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    const deadline = Date.now() + retryFor;
    for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
      try {
        return await fn();
      } catch (err) {
        const unavailable = unavailableFrom(store.kind, err);
        if (!unavailable) throw err;
        if (unavailable.reason !== "busy" || Date.now() + wait > deadline) throw unavailable;
        await sleep(wait);
      }
    }
  };
  return {
    kind: store.kind,
    createShare: (share) => call(() => store.createShare(share)),
    getShare: (id) => call(() => store.getShare(id)),
    upsertItems: (id, items, opts) => call(() => store.upsertItems(id, items, opts)),
    listItems: (id) => call(() => store.listItems(id)),
    findPart: (id, partId) => call(() => store.findPart(id, partId)),
    deleteShare: (id, now) => call(() => store.deleteShare(id, now)),
    setExpiry: (id, expiresAt) => call(() => store.setExpiry(id, expiresAt)),
    listExpired: (now, limit) => call(() => store.listExpired(now, limit)),
    takeRateToken: (key, now, interval, tolerance) => call(() => store.takeRateToken(key, now, interval, tolerance)),
    pruneRateLimits: (now) => call(() => store.pruneRateLimits(now)),
    listShares: (options) => call(() => store.listShares(options)),
    getStats: (now) => call(() => store.getStats(now)),
    importShare: (share, items) => call(() => store.importShare(share, items)),
    close: () => store.close(),
  };
}
