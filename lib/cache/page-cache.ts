// Whole viewer pages, per share version: a warm view of an unchanged share costs a lookup and the
// bytes, not a React render. The proxy (proxy.ts) reads the share state on every request before it
// looks here, so an unshared or expired share answers 410 and a sync (new version, new key) renders
// afresh; unshare and expiry also drop the entries through forgetShare().
//
// The CSP nonce is per request: a page is stored cut at every occurrence of the nonce it was rendered
// with (in `nonce="..."` attributes and inside Next's inline flight payload) and joined with a fresh
// one on every hit. Base64 nonces only hold [A-Za-z0-9+/=], which neither HTML attribute escaping nor
// JSON string escaping changes, so the raw form is the only form.
import { getConfig } from "../config";
import { Lru } from "./lru";
import { processSingleton, registerShareCache } from "./process-cache";
import { ShareLru } from "./share-lru";

export type PageKeyParts = {
  shareId: string;
  version: number;
  /** "/s" or "/share": the path form the page was asked for (its links and flight tree differ). */
  form: string;
  /** The query string, "" or e.g. "?all". */
  search: string;
  /** The origin the page puts in og:url and the share links (lib/http/public-url.ts). */
  publicUrl: string;
};

export type CachedPage = {
  shareId: string;
  version: number;
  /** The page cut at the nonce: join with the fresh nonce between the segments. */
  segments: Buffer[];
  /** Response headers, their values cut at the nonce too (Next's `link` preload header carries it). */
  headers: [string, string[]][];
  bytes: number;
};

export function pageKey(p: PageKeyParts): string {
  return JSON.stringify([p.shareId, p.version, p.form, p.search, p.publicUrl]);
}

/** Cuts a rendered page at every occurrence of the nonce it was rendered with. */
export function cutAtNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce, "utf8");
  const segments: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    segments.push(body.subarray(from, at));
    from = at + needle.length;
  }
  segments.push(body.subarray(from));
  return segments;
}

/** The stored page with `nonce` wherever the original render had its own. */
export function withNonce(page: CachedPage, nonce: string): Buffer {
  const n = Buffer.from(nonce, "utf8");
  const parts: Buffer[] = [];
  page.segments.forEach((s, i) => {
    if (i > 0) parts.push(n);
    parts.push(s);
  });
  return Buffer.concat(parts);
}

/** The stored headers with `nonce` wherever the original response had its own. */
export function headersWithNonce(page: CachedPage, nonce: string): Headers {
  return new Headers(page.headers.map(([k, parts]) => [k, parts.join(nonce)] as [string, string]));
}

export class PageCache {
  private readonly pages: ShareLru<CachedPage>;
  // Pages asked for once, or found too big to keep: see noteView().
  private readonly views = new Lru<string, "once" | "too-big">(10_000);

  constructor(readonly maxBytes: number) {
    this.pages = new ShareLru(maxBytes);
  }

  /**
   * Counts a miss. A page is filled on its second view: the first view after a sync (most shares are
   * read once, right after the client synced) renders straight to the reader, with no copy kept and
   * no detour, so its first byte comes as soon as without a cache. True when this view should fill.
   */
  noteView(key: string): boolean {
    const seen = this.views.get(key);
    if (seen === undefined) this.views.set(key, "once");
    return seen === "once";
  }

  /** A page over the per-page bound: later views render straight away too. */
  markTooBig(key: string): void {
    this.views.set(key, "too-big");
  }

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** A token to hand back to set(): the fill is refused if the share was dropped in between. */
  generation(shareId: string): number {
    return this.pages.generation(shareId);
  }

  /** Stores a page; one larger than a quarter of the bound is not kept (it would evict everything). */
  set(key: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.generation(page.shareId) || page.bytes > this.maxBytes / 4) return false;
    // Pages of older versions of this share can never be asked for again.
    for (const old of this.pages.keysOf(page.shareId)) {
      if (this.pages.peek(old)!.version < page.version) this.pages.delete(old);
    }
    return this.pages.set(key, page.shareId, page, page.bytes, generation);
  }

  /** Forgets every page of a share (unshare, expiry). */
  dropShare(shareId: string): void {
    this.pages.dropShare(shareId);
  }

  get size(): number {
    return this.pages.size;
  }

  get totalBytes(): number {
    return this.pages.bytes;
  }
}

export function getPageCache(): PageCache {
  return processSingleton("pageCache", () => {
    const cache = new PageCache(getConfig().PARLEY_PAGE_CACHE);
    registerShareCache("page", cache);
    return cache;
  });
}
