// The process's runtime singletons, in one module: its configuration, its store, and the caches that
// hold shares' data. Code asks runtime() for them; a test makes its own with `new Runtime(config)` and
// setRuntime(). Each module graph has one (server.ts's and Next's route bundles: see
// docs/architecture.md), and none relies on sharing memory with another: decisions read the store.
import "server-only";
import { LRUCache } from "lru-cache";
import { getConfig, type Config } from "./config";
import { PageCache } from "./cache/page-cache";
import { RenderSlots } from "./page/render-slots";
import { CardRenderer, cardWorkerFile } from "./og/card-renderer";
import { RenderCache } from "./render/cache";
import { openStore, type Store } from "./store";
import type { ShareFacts } from "./view/share-facts";

type ShareScoped = { dropShare(shareId: string): void };

export class Runtime {
  private storePromise?: Promise<Store>;
  private readonly caches = new Map<string, ShareScoped>();
  private slots?: RenderSlots;
  private cardThread?: CardRenderer;

  constructor(readonly config: Config) {}

  /** The store, opened (and migrated) on first use; a failed open is retried on the next call. */
  store(): Promise<Store> {
    this.storePromise ??= openStore({ databaseUrl: this.config.DATABASE_URL, dataDir: this.config.PARLEY_DATA_DIR }).catch((err) => {
      this.storePromise = undefined;
      throw err;
    });
    return this.storePromise;
  }

  /** Markdown, highlighted code and built conversations, per share and content (PARLEY_RENDER_CACHE). */
  get renderCache(): RenderCache {
    return this.cache("render", () => new RenderCache(this.config.PARLEY_RENDER_CACHE));
  }

  /** Whole share pages per version, compressed (PARLEY_PAGE_CACHE). */
  get pageCache(): PageCache {
    return this.cache("pages", () => new PageCache(this.config.PARLEY_PAGE_CACHE));
  }

  /**
   * Share pages rendered at once (lib/page/render-slots.ts). Two: one can wait on the store or on a
   * slow reader while the other uses the thread; more only interleaves on the one event loop.
   */
  get pageRenders(): RenderSlots {
    this.slots ??= new RenderSlots(2);
    return this.slots;
  }

  /** Renders preview cards, one at a time, in a worker thread when the build has one. */
  get cardRenderer(): CardRenderer {
    this.cardThread ??= new CardRenderer(cardWorkerFile());
    return this.cardThread;
  }

  /** Preview facts per share version. */
  get facts(): LRUCache<string, { version: number; facts: ShareFacts }> {
    return this.lru("facts", () => new LRUCache({ max: 1000 }));
  }

  /** Preview card PNGs per share, with what they show (`key`): about 40-60 KB each, 32 MiB at most. */
  get cards(): LRUCache<string, { version: number; key: string; png: Buffer }> {
    return this.lru("cards", () => new LRUCache({ max: 500, maxSize: 32 * 1024 * 1024, sizeCalculation: (v) => Math.max(1, v.png.length) }));
  }

  /** Drops everything this runtime's caches hold for a share: on unshare and expiry. */
  forgetShare(shareId: string): void {
    for (const cache of this.caches.values()) cache.dropShare(shareId);
  }

  private cache<T extends ShareScoped>(name: string, create: () => T): T {
    if (!this.caches.has(name)) this.caches.set(name, create());
    return this.caches.get(name) as T;
  }

  private lru<V extends object>(name: string, create: () => LRUCache<string, V>): LRUCache<string, V> {
    const holder = this.cache(name, () => {
      const lru = create();
      return { lru, dropShare: (id: string) => void lru.delete(id) };
    });
    return holder.lru;
  }
}

let current: Runtime | undefined;

export function runtime(): Runtime {
  current ??= new Runtime(getConfig());
  return current;
}

/** Puts a runtime in place (tests); returns the one it replaced. */
export function setRuntime(next: Runtime | undefined): Runtime | undefined {
  const previous = current;
  current = next;
  return previous;
}
