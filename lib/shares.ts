// The share service: create, sync, read, unshare. Route handlers stay thin and call only this.
import { ApiError } from "./api";
import { limitAttachments } from "./attachments";
import { getConfig } from "./config";
import { hashSecret, newSecret, newShareId, secretMatches, SHARE_ID_PATTERN } from "./ids";
import { validateItem } from "./items";
import { getRenderCache } from "./render/cache";
import type { DataItem, RejectedItem, SyncResult } from "./schema";
import { getStore } from "./store";
import type { ItemWrite, StoredShare } from "./store/types";

export type ShareState =
  | { status: "live"; share: StoredShare }
  | { status: "gone"; share: StoredShare; since: number; reason: "unshared" | "expired" }
  | { status: "missing" };

/** Where a share stands right now. An expired share is gone from the moment it expires. */
export async function getShareState(id: string, now = Date.now()): Promise<ShareState> {
  if (!SHARE_ID_PATTERN.test(id)) return { status: "missing" };
  const share = await (await getStore()).getShare(id);
  if (!share) return { status: "missing" };
  if (share.deletedAt !== null) return { status: "gone", share, since: share.deletedAt, reason: "unshared" };
  if (share.expiresAt !== null && share.expiresAt <= now) return { status: "gone", share, since: share.expiresAt, reason: "expired" };
  return { status: "live", share };
}

async function requireLive(id: string): Promise<StoredShare> {
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
  const id = newShareId();
  const secret = newSecret();
  const now = Date.now();
  await (await getStore()).createShare({ id, sessionId: sessionID, secretHash: hashSecret(secret), createdAt: now, expiresAt: null });
  return { id, url: `${publicUrl}/s/${id}`, secret };
}

export async function syncShare(id: string, secret: string | undefined, data: unknown[]): Promise<SyncResult> {
  const share = await requireLive(id);
  requireSecret(share, secret);
  const { data: limited, degraded } = limitAttachments(data, getConfig().PARLEY_MAX_ATTACHMENT);

  // Last write wins inside one batch too: a later item with the same key replaces an earlier one.
  const writes = new Map<string, ItemWrite>();
  const rejected: RejectedItem[] = [];
  limited.forEach((raw, index) => {
    const result = validateItem(raw);
    if (!result.ok) rejected.push({ index, type: result.type, issues: result.issues });
    else writes.set(result.key, { key: result.key, type: result.type, json: JSON.stringify(result.item) });
  });

  if (data.length > 0 && writes.size === 0) {
    throw new ApiError("invalid", `All ${data.length} items failed validation; nothing was stored`, { stored: 0, rejected });
  }
  const record = await (await getStore()).upsertItems(id, [...writes.values()], {
    now: Date.now(),
    maxShareBytes: getConfig().PARLEY_MAX_SHARE,
  });
  return { ok: true, version: record.version, stored: writes.size, rejected, degraded: degraded.filter((d) => !rejected.some((r) => r.index === d.index)) };
}

/** The merged Data[], sorted by key, each item exactly as the client sent it. */
export async function getShareData(id: string): Promise<DataItem[]> {
  await requireLive(id);
  const items = await (await getStore()).listItems(id);
  return items.map((item) => JSON.parse(item.json) as DataItem);
}

export async function unshare(id: string, secret: string | undefined): Promise<{ ok: true; id: string; unsharedAt: string }> {
  const share = await requireLive(id);
  requireSecret(share, secret);
  const now = Date.now();
  if (!(await (await getStore()).deleteShare(id, now))) throw new ApiError("gone", "This share was unshared");
  getRenderCache().dropShare(id);
  return { ok: true, id, unsharedAt: new Date(now).toISOString() };
}
