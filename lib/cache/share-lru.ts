// The bookkeeping both render-once caches share (lib/render/cache.ts for parts, lib/cache/page-cache.ts for
// whole pages): entries that belong to a share, bounded in bytes and evicted least-recently-used
// first, and dropped all at once when the share goes away.
import { LRUCache } from "lru-cache";

type Entry<V> = { shareId: string; value: V; bytes: number };

export class ShareLru<V> {
  // The byte bound and the eviction order are lru-cache's; this class adds the index by share.
  private readonly entries: LRUCache<string, Entry<V>>;
  private readonly byShare = new Map<string, Set<string>>();
  // Bumped by dropShare: work that started before an unshare must not put the share back (see
  // generation()). Bounded: a record matters only while such work is in flight, a few hundred ms.
  // When one is pushed out anyway, `epoch` moves on and every token taken before is refused, so a
  // forgotten drop can never let a fill through.
  private readonly generations = new LRUCache<string, number>({
    max: 10_000,
    dispose: (_value, _key, reason) => {
      if (reason === "evict") this.epoch++;
    },
  });
  private epoch = 0;
  /** Entries pushed out by the byte bound since the cache was made. */
  evictions = 0;

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, Entry<V>>({
      maxSize: Math.max(1, maxBytes),
      // lru-cache counts sizes as positive integers.
      sizeCalculation: (e) => Math.max(1, Math.ceil(e.bytes)),
      dispose: (e, key, reason) => {
        if (reason !== "evict") return; // delete() unindexes itself; set() always deletes first
        this.unindex(key, e.shareId);
        this.evictions++;
      },
    });
  }

  /** The value under `key`, now the most recently used. */
  get(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** The value under `key`, leaving its place in the eviction order alone. */
  peek(key: string): V | undefined {
    return this.entries.peek(key)?.value;
  }

  /** A token for set(): taken before slow work, it refuses the result if the share was dropped meanwhile. */
  generation(shareId: string): number {
    // A share is dropped a handful of times at most, far below 2^20 per epoch.
    return this.epoch * 2 ** 20 + (this.generations.get(shareId) ?? 0);
  }

  /**
   * Stores `value` (replacing what `key` held), then evicts the oldest entries down to the bound.
   * False, with nothing stored, when the share was dropped since `generation` was taken or the value
   * is larger than the whole cache.
   */
  set(key: string, shareId: string, value: V, bytes: number, generation = this.generation(shareId)): boolean {
    if (generation !== this.generation(shareId)) return false;
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    const keys = this.byShare.get(shareId) ?? new Set<string>();
    this.byShare.set(shareId, keys);
    keys.add(key);
    this.entries.set(key, { shareId, value, bytes });
    return true;
  }

  delete(key: string): void {
    const entry = this.entries.peek(key);
    if (!entry) return;
    this.entries.delete(key);
    this.unindex(key, entry.shareId);
  }

  private unindex(key: string, shareId: string): void {
    const keys = this.byShare.get(shareId);
    keys?.delete(key);
    if (keys?.size === 0) this.byShare.delete(shareId);
  }

  /** The keys a share holds now. */
  keysOf(shareId: string): string[] {
    return [...(this.byShare.get(shareId) ?? [])];
  }

  /** Forgets every entry of a share (unshare, expiry) and refuses fills already under way; returns how many went. */
  dropShare(shareId: string): number {
    this.generations.set(shareId, (this.generations.get(shareId) ?? 0) + 1);
    const keys = this.keysOf(shareId);
    for (const key of keys) this.delete(key);
    return keys.length;
  }

  /** Drops every share. */
  clear(): void {
    for (const shareId of [...this.byShare.keys()]) this.dropShare(shareId);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
