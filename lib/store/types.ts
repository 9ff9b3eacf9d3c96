// The storage contract. The share service talks only to this interface; adapters return domain
// objects (never driver rows) and translate driver failures into the errors below.

export type ShareRecord = {
  id: string;
  sessionId: string;
  createdAt: number;
  updatedAt: number;
  /** Bumped by every accepted sync; render and preview caches key on it. */
  version: number;
  /** Set when the share was unshared; the row stays as a tombstone. */
  deletedAt: number | null;
  expiresAt: number | null;
  /** Sum of the stored items' JSON sizes. */
  bytes: number;
};

export type StoredShare = ShareRecord & { secretHash: string };

export type NewShare = {
  id: string;
  sessionId: string;
  secretHash: string;
  createdAt: number;
  expiresAt: number | null;
};

export type ItemWrite = { key: string; type: string; json: string };
export type StoredItem = { key: string; type: string; json: string; updatedAt: number };

export type UpsertOptions = {
  now: number;
  /** The share's total stored bytes may not exceed this after the write; the whole write rolls back. */
  maxShareBytes: number;
};

// The errors carry an explicit name: Next can bundle this module into more than one chunk, so
// `instanceof` fails across chunks in production, and class names are minified.
export class ShareGoneError extends Error {
  override readonly name = "ShareGoneError";
  constructor(readonly shareId: string) {
    super(`share ${shareId} is gone`);
  }
}

export class ShareTooLargeError extends Error {
  override readonly name = "ShareTooLargeError";
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`share would hold ${bytes} bytes, over the ${limit} byte limit`);
  }
}

export type UnavailableReason = "down" | "busy" | "full";

/**
 * The database cannot answer right now: unreachable or restarting ("down"), still locked or in a
 * write conflict after bounded retries ("busy"), or out of disk ("full"). Adapters translate their
 * drivers' errors into this (lib/store/errors.ts); the HTTP layer answers 503 (507 for "full"),
 * never 500, because the request can succeed later without any change on the client's side.
 */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  constructor(
    readonly reason: UnavailableReason,
    readonly detail: string,
  ) {
    super(`the database is unavailable (${reason}): ${detail}`);
  }
}

export interface Store {
  readonly kind: "sqlite" | "postgres";
  createShare(share: NewShare): Promise<void>;
  getShare(id: string): Promise<StoredShare | null>;
  /** One transaction: upsert every item by key, bump the version. Throws ShareGoneError / ShareTooLargeError. */
  upsertItems(id: string, items: ItemWrite[], options: UpsertOptions): Promise<ShareRecord>;
  listItems(id: string): Promise<StoredItem[]>;
  /** The item `part/<any messageID>/<partId>` without reading the rest of the share, or null. */
  findPart(id: string, partId: string): Promise<StoredItem | null>;
  /** Deletes every item and leaves a tombstone. Returns false when there was no live share. */
  deleteShare(id: string, now: number): Promise<boolean>;
  setExpiry(id: string, expiresAt: number | null): Promise<void>;
  /** Live shares whose expiry has passed, oldest first. */
  listExpired(now: number, limit: number): Promise<string[]>;
  /**
   * Takes one token from the bucket `key` (GCRA: the bucket is a single "theoretical arrival time").
   * A token is granted when the bucket's time is at most `tolerance` ahead of `now`, and then moves
   * `interval` further. All in one unit of the caller's choosing (integers); `retryAfter` comes back
   * in it too. Atomic on both databases; a refused take changes nothing.
   */
  takeRateToken(key: string, now: number, interval: number, tolerance: number): Promise<RateTake>;
  /** Deletes buckets that are full again at `now` (a missing bucket means the same); returns how many. */
  pruneRateLimits(now: number): Promise<number>;
  /** Every share, tombstones too, ordered by id, `limit` at a time after `after` (operators and migration). */
  listShares(options: { after?: string; limit: number }): Promise<StoredShare[]>;
  /** Counts for operators; `expired` are live shares past their expiry that the sweep has not yet deleted. */
  getStats(now: number): Promise<StoreStats>;
  /**
   * Writes a share exactly as given (id, hash, version, times, tombstone) with its items, replacing any
   * row of that id and its items, in one transaction: the migration's unit, so a rerun can resume.
   */
  importShare(share: StoredShare, items: StoredItem[]): Promise<void>;
  close(): Promise<void>;
}

export type StoreStats = { live: number; unshared: number; expired: number; items: number; bytes: number };

export type RateTake = { allowed: true } | { allowed: false; retryAfter: number };
