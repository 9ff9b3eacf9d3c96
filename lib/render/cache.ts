// Render once: markdown and highlighting output per (share, item, content hash), kept in memory
// under a byte bound and evicted least-recently-used first. A second view of an unchanged share is
// all hits; a sync changes the hash of only the parts it touched; unshare drops the share's entries.
import { createHash } from "node:crypto";
import { ShareLru } from "../cache/share-lru";
import { cacheHits, cacheMisses, renderSeconds } from "../ops/metrics";

// The metric label: what was rendered ("md", "code", "lines", "view"), never the content.
const kindOf = (key: string) => key.split(":")[0] || "other";

export type RenderCacheStats = { hits: number; misses: number; renders: number; evictions: number; entries: number; bytes: number; maxBytes: number };

/** Size of a cached value in memory: UTF-16 strings count two bytes a character. */
function defaultSize(value: unknown): number {
  if (typeof value === "string") return value.length * 2;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + defaultSize(v), 64);
  return 1024;
}

export class RenderCache {
  private readonly lru: ShareLru<{ hash: string; value: unknown }>;
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private counters = { hits: 0, misses: 0, renders: 0 };
  private evictionsAtReset = 0;

  constructor(readonly maxBytes: number) {
    this.lru = new ShareLru(maxBytes);
  }

  /** The cached value for this content, or the result of `render()` (cached when it fits). */
  async getOrRender<T>(shareId: string, key: string, contentHash: string, render: () => T | Promise<T>, sizeOf: (v: T) => number = defaultSize): Promise<T> {
    const id = this.entryId(shareId, key);
    const hit = this.lookup<T>(id, contentHash);
    if (hit !== undefined) return hit.value;
    // Two concurrent first views of one part render it once.
    const flightId = `${id}\u0000${contentHash}`;
    const pending = this.inFlight.get(flightId) as Promise<T> | undefined;
    if (pending) return pending;
    const generation = this.lru.generation(shareId);
    const promise = (async () => {
      this.counters.renders++;
      const end = renderSeconds.startTimer({ kind: kindOf(key) });
      const value = await (async () => render())().finally(end);
      this.lru.set(id, shareId, { hash: contentHash, value }, sizeOf(value), generation);
      return value;
    })().finally(() => this.inFlight.delete(flightId));
    this.inFlight.set(flightId, promise);
    return promise;
  }

  /** The synchronous form, for renderers that do not await. */
  getOrRenderSync<T>(shareId: string, key: string, contentHash: string, render: () => T, sizeOf: (v: T) => number = defaultSize): T {
    const id = this.entryId(shareId, key);
    const hit = this.lookup<T>(id, contentHash);
    if (hit !== undefined) return hit.value;
    this.counters.renders++;
    const end = renderSeconds.startTimer({ kind: kindOf(key) });
    let value: T;
    try {
      value = render();
    } finally {
      end();
    }
    this.lru.set(id, shareId, { hash: contentHash, value }, sizeOf(value));
    return value;
  }

  /** Forgets every rendering of a share (unshare, expiry). */
  dropShare(shareId: string): number {
    return this.lru.dropShare(shareId);
  }

  stats(): RenderCacheStats {
    return { ...this.counters, evictions: this.lru.evictions - this.evictionsAtReset, entries: this.lru.size, bytes: this.lru.bytes, maxBytes: this.maxBytes };
  }

  resetStats(): void {
    this.counters = { hits: 0, misses: 0, renders: 0 };
    this.evictionsAtReset = this.lru.evictions;
  }

  clear(): void {
    this.lru.clear();
  }

  private entryId(shareId: string, key: string): string {
    return `${shareId}\u0000${key}`;
  }

  private lookup<T>(id: string, hash: string): { value: T } | undefined {
    // A stale version is not a use: it must not outlive current entries in the eviction order.
    if (this.lru.peek(id)?.hash === hash) {
      this.counters.hits++;
      cacheHits.inc({ cache: "render" });
      return { value: this.lru.get(id)!.value as T };
    }
    this.counters.misses++;
    cacheMisses.inc({ cache: "render" });
    return undefined;
  }
}

/** A stable hash of the content a rendering depends on; include the renderer's version in `parts`. */
export function contentHash(...parts: string[]): string {
  const h = createHash("sha1");
  for (const p of parts) h.update(p, "utf8").update("\u0000");
  return h.digest("base64url");
}

// One cache per process: Next bundles the page and the unshare route separately, and both must see
// the same entries.
