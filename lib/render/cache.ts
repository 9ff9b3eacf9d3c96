// Render once: markdown and highlighting output per (share, item, content hash), kept in memory
// under a byte bound and evicted least-recently-used first. A second view of an unchanged share is
// all hits; a sync changes the hash of only the parts it touched; unshare drops the share's entries.
import { createHash } from "node:crypto";
import { registerShareCache } from "../process-cache";
import { getConfig } from "../config";

export type RenderCacheStats = { hits: number; misses: number; renders: number; evictions: number; entries: number; bytes: number; maxBytes: number };

type Entry = { shareId: string; hash: string; value: unknown; bytes: number };

/** Size of a cached value in memory: UTF-16 strings count two bytes a character. */
function defaultSize(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + defaultSize(v), 64);
  return 1024;
}

export class RenderCache {
  private readonly entries = new Map<string, Entry>(); // insertion order = least recently used first
  private readonly byShare = new Map<string, Set<string>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private bytes = 0;
  // Bumped by dropShare: a render that started before an unshare must not put the share back.
  private readonly generations = new Map<string, number>();
  private counters = { hits: 0, misses: 0, renders: 0, evictions: 0 };

  constructor(readonly maxBytes: number) {}

  /** The cached value for this content, or the result of `render()` (cached when it fits). */
  async getOrRender<T>(shareId: string, key: string, contentHash: string, render: () => T | Promise<T>, sizeOf: (v: T) => number = defaultSize): Promise<T> {
    const id = this.entryId(shareId, key);
    const hit = this.lookup<T>(id, contentHash);
    if (hit !== undefined) return hit.value;
    // Two concurrent first views of one part render it once.
    const flightId = `${id}\u0000${contentHash}`;
    const pending = this.inFlight.get(flightId) as Promise<T> | undefined;
    if (pending) return pending;
    const generation = this.generations.get(shareId) ?? 0;
    const promise = (async () => {
      this.counters.renders++;
      const value = await render();
      if ((this.generations.get(shareId) ?? 0) === generation) this.store(id, shareId, contentHash, value, sizeOf(value));
      return value;
    })().finally(() => {
      this.inFlight.delete(flightId);
      // Keep a generation only while renders of that share are in flight, so the map stays small.
      const prefix = `${shareId}\u0000`;
      if (![...this.inFlight.keys()].some((k) => k.startsWith(prefix))) this.generations.delete(shareId);
    });
    this.inFlight.set(flightId, promise);
    return promise;
  }

  /** The synchronous form, for renderers that do not await. */
  getOrRenderSync<T>(shareId: string, key: string, contentHash: string, render: () => T, sizeOf: (v: T) => number = defaultSize): T {
    const id = this.entryId(shareId, key);
    const hit = this.lookup<T>(id, contentHash);
    if (hit !== undefined) return hit.value;
    this.counters.renders++;
    const value = render();
    this.store(id, shareId, contentHash, value, sizeOf(value));
    return value;
  }

  /** Forgets every rendering of a share (unshare, expiry). */
  dropShare(shareId: string): number {
    this.generations.set(shareId, (this.generations.get(shareId) ?? 0) + 1);
    const ids = this.byShare.get(shareId);
    if (!ids) return 0;
    const dropped = [...ids];
    for (const id of dropped) this.remove(id);
    this.byShare.delete(shareId);
    return dropped.length;
  }

  stats(): RenderCacheStats {
    return { ...this.counters, entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes };
  }

  resetStats(): void {
    this.counters = { hits: 0, misses: 0, renders: 0, evictions: 0 };
  }

  clear(): void {
    for (const shareId of [...this.byShare.keys()]) this.dropShare(shareId);
  }

  private entryId(shareId: string, key: string): string {
    return `${shareId}\u0000${key}`;
  }

  private lookup<T>(id: string, hash: string): { value: T } | undefined {
    const entry = this.entries.get(id);
    if (entry && entry.hash === hash) {
      this.counters.hits++;
      this.entries.delete(id); // move to the most recently used end
      this.entries.set(id, entry);
      return { value: entry.value as T };
    }
    this.counters.misses++;
    return undefined;
  }

  private store(id: string, shareId: string, hash: string, value: unknown, bytes: number): void {
    this.remove(id); // an older version of the same item
    if (bytes > this.maxBytes) return; // larger than the whole cache: render it every time instead
    this.entries.set(id, { shareId, hash, value, bytes });
    this.bytes += bytes;
    let ids = this.byShare.get(shareId);
    if (!ids) this.byShare.set(shareId, (ids = new Set()));
    ids.add(id);
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
      this.counters.evictions++;
    }
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.bytes;
    const ids = this.byShare.get(entry.shareId);
    ids?.delete(id);
    if (ids?.size === 0) this.byShare.delete(entry.shareId);
  }
}

/** A stable hash of the content a rendering depends on; include the renderer's version in `parts`. */
export function contentHash(...parts: string[]): string {
  const h = createHash("sha1");
  for (const p of parts) h.update(p, "utf8").update("\u0000");
  return h.digest("base64url");
}

// One cache per process, shared through globalThis: Next bundles the page and the unshare route
// separately, and both must see the same entries.
const KEY = Symbol.for("parley.renderCache");
type Holder = { [KEY]?: RenderCache };

export function getRenderCache(): RenderCache {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    holder[KEY] = new RenderCache(getConfig().PARLEY_RENDER_CACHE);
    registerShareCache("render", holder[KEY]);
  }
  return holder[KEY];
}
