// The share service: create, sync, read, unshare. Route handlers stay thin and call only this.
import "server-only";
import { ApiError } from "../http/api";
import { limitAttachments } from "./attachments";
import { hashSecret, newSecret, newShareId, secretMatches, SHARE_ID_PATTERN } from "./ids";
import { MAX_ITEM_DEPTH, nestsDeeperThan, validateItem } from "./items";
import { redactItems } from "../redact";
import type { DataItem, RejectedItem, SyncResult } from "../schema";
import type { ItemWrite, StoredShare } from "../store/types";
import { runtime } from "../runtime";
import { getLogger, shortId } from "../ops/logger";
import {
  redactions as redactionCount,
  sharesCreated,
  sharesExpired,
  sharesUnshared,
  syncBytes,
  syncDegradedItems,
  syncItems,
  syncRejectedItems,
  syncs,
} from "../ops/metrics";

export type ShareState =
  | { status: "live"; share: StoredShare }
  | { status: "gone"; share: StoredShare; since: number; reason: "unshared" | "expired" }
  | { status: "missing" };

/** Where a share stands right now. An expired share is gone from the moment it expires. */
export async function getShareState(id: string, now = Date.now()): Promise<ShareState> {
  if (!SHARE_ID_PATTERN.test(id)) return { status: "missing" };
  const share = await (await runtime().store()).getShare(id);
  if (!share) return { status: "missing" };
  if (share.deletedAt !== null) return { status: "gone", share, since: share.deletedAt, reason: "unshared" };
  if (share.expiresAt !== null && share.expiresAt <= now) return { status: "gone", share, since: share.expiresAt, reason: "expired" };
  return { status: "live", share };
}

/** The live share with this id; ApiError not_found (404) or gone (410, with `since`) otherwise. */
export async function requireLive(id: string): Promise<StoredShare> {
  const state = await getShareState(id);
  if (state.status === "missing") throw new ApiError("not_found", "No share with this id");
  if (state.status === "gone") {
    throw new ApiError("gone", state.reason === "expired" ? "This share has expired" : "This share was unshared", {
      since: new Date(state.since).toISOString(),
    });
  }
  return state.share;
}

function requireSecret(share: StoredShare, secret: string | undefined): void {
  if (!secret) throw new ApiError("secret_missing", "The share secret is required");
  if (!secretMatches(secret, share.secretHash)) throw new ApiError("secret_wrong", "The share secret is wrong");
}

export async function createShare(sessionID: string, publicUrl: string) {
  const config = runtime().config;
  if (config.PARLEY_SHARING === "disabled") throw new ApiError("sharing_disabled", "Sharing is disabled on this server");
  const id = newShareId();
  const secret = newSecret();
  const now = Date.now();
  const expiresAt = config.PARLEY_DEFAULT_TTL === null ? null : now + config.PARLEY_DEFAULT_TTL;
  await (await runtime().store()).createShare({ id, sessionId: sessionID, secretHash: hashSecret(secret), createdAt: now, expiresAt });
  sharesCreated.inc();
  getLogger().info({ share: shortId(id) }, "share created");
  return { id, url: `${publicUrl}/s/${id}`, secret, ...(expiresAt === null ? {} : { expiresAt: new Date(expiresAt).toISOString() }) };
}

export async function syncShare(id: string, secret: string | undefined, data: unknown[]): Promise<SyncResult> {
  try {
    const result = await storeSync(id, secret, data);
    syncs.inc({ outcome: "ok" });
    return result;
  } catch (err) {
    syncs.inc({ outcome: syncOutcome(err) });
    throw err;
  }
}

// Store errors are told apart by name: instanceof fails across Next's chunks (see store/types.ts).
function syncOutcome(err: unknown): string {
  if (err instanceof ApiError) return err.code;
  const name = (err as Error | undefined)?.name;
  return name === "ShareTooLargeError" ? "too_large" : name === "ShareGoneError" ? "gone" : "error";
}

async function storeSync(id: string, secret: string | undefined, data: unknown[]): Promise<SyncResult> {
  const share = await requireLive(id);
  requireSecret(share, secret);
  // Too deep to walk safely: rejected here, before any recursive step sees it.
  const deep = new Set(data.flatMap((item, index) => (nestsDeeperThan(item, MAX_ITEM_DEPTH) ? [index] : [])));
  if (deep.size) data = data.map((item, index) => (deep.has(index) ? null : item));
  const { data: limited, degraded } = limitAttachments(data, runtime().config.PARLEY_MAX_ATTACHMENT);
  const { items: clean, redactions } = runtime().config.PARLEY_REDACT ? await redactItems(limited) : { items: limited, redactions: 0 };

  // Last write wins inside one batch too: a later item with the same key replaces an earlier one.
  const writes = new Map<string, ItemWrite>();
  const rejected: RejectedItem[] = [];
  clean.forEach((raw, index) => {
    if (deep.has(index)) {
      rejected.push({ index, type: null, issues: [{ path: "data", message: `items may nest at most ${MAX_ITEM_DEPTH} levels deep` }] });
      return;
    }
    const result = validateItem(raw);
    if (!result.ok) rejected.push({ index, type: result.type, issues: result.issues });
    else writes.set(result.key, { key: result.key, type: result.type, json: JSON.stringify(result.item) });
  });

  if (data.length > 0 && writes.size === 0) {
    throw new ApiError("invalid", `All ${data.length} items failed validation; nothing was stored`, { stored: 0, rejected });
  }
  const record = await (await runtime().store()).upsertItems(id, [...writes.values()], {
    now: Date.now(),
    maxShareBytes: runtime().config.PARLEY_MAX_SHARE,
  });
  const stored = [...writes.values()];
  syncItems.inc(stored.length);
  syncBytes.inc(stored.reduce((n, w) => n + Buffer.byteLength(w.json, "utf8"), 0));
  syncRejectedItems.inc(rejected.length);
  syncDegradedItems.inc(degraded.length);
  redactionCount.inc(redactions);
  getLogger().debug({ share: shortId(id), version: record.version, stored: stored.length, rejected: rejected.length, redactions }, "share synced");
  return {
    ok: true,
    version: record.version,
    stored: writes.size,
    rejected,
    degraded: degraded.filter((d) => !rejected.some((r) => r.index === d.index)),
    redactions,
  };
}

/** The merged Data[], sorted by key, each item exactly as the client sent it. */
export async function getShareData(id: string): Promise<DataItem[]> {
  await requireLive(id);
  const items = await (await runtime().store()).listItems(id);
  return items.map((item) => JSON.parse(item.json) as DataItem);
}

/** The operator's token unshares any share (lost sessions, moderation); compared in constant time. */
export function isAdminToken(token: string | undefined): boolean {
  const admin = runtime().config.PARLEY_ADMIN_TOKEN;
  return Boolean(admin && token && secretMatches(token, hashSecret(admin)));
}

export type Unshared = { ok: true; id: string; unsharedAt: string };

export async function unshare(id: string, secret: string | undefined): Promise<Unshared> {
  const share = await requireLive(id);
  if (!isAdminToken(secret)) requireSecret(share, secret);
  return removeShare(id);
}

/**
 * The one deletion behind every unshare (owner, admin token, `npm run admin -- unshare`): every item
 * deleted (securely, see the store), a tombstone left, this process's caches dropped. The caller has
 * already decided it may. 404/410 as ApiError.
 */
export async function removeShare(id: string): Promise<Unshared> {
  await requireLive(id);
  const now = Date.now();
  if (!(await (await runtime().store()).deleteShare(id, now))) throw new ApiError("gone", "This share was unshared");
  runtime().forgetShare(id);
  sharesUnshared.inc();
  getLogger().info({ share: shortId(id) }, "share unshared");
  return { ok: true, id, unsharedAt: new Date(now).toISOString() };
}

// Far enough for any real use, near enough that the time is a valid Date and fits every column type.
const MAX_EXPIRY_MS = 100 * 365 * 86_400_000;

/** Sets (a time) or clears (null) a live share's expiry; the owner's secret is required. */
export async function setShareExpiry(id: string, secret: string | undefined, expiresAt: number | null) {
  const share = await requireLive(id);
  if (!isAdminToken(secret)) requireSecret(share, secret);
  if (expiresAt !== null && !(Number.isFinite(expiresAt) && expiresAt <= Date.now() + MAX_EXPIRY_MS)) {
    throw new ApiError("invalid", "The expiry must be a time within the next 100 years");
  }
  if (expiresAt !== null && expiresAt <= Date.now()) throw new ApiError("invalid", "The expiry must be in the future; unshare to remove a share now");
  await (await runtime().store()).setExpiry(id, expiresAt);
  return { ok: true as const, id, expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() };
}

/** Deletes the data of every share whose expiry has passed; returns how many. Pages already answer 410. */
export async function sweepExpired(now = Date.now()): Promise<number> {
  const store = await runtime().store();
  let swept = 0;
  for (;;) {
    const ids = await store.listExpired(now, 100);
    for (const id of ids) {
      // The tombstone keeps the moment the share expired, not the moment the sweep ran.
      const expiresAt = (await store.getShare(id))?.expiresAt ?? now;
      if (await store.deleteShare(id, Math.min(expiresAt, now))) {
        runtime().forgetShare(id);
        sharesExpired.inc();
        swept++;
      }
    }
    if (ids.length < 100) break;
  }
  return swept;
}
