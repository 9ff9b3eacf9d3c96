import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { Runtime } from "../runtime";
import { acceptedEncodings, compressPage, PageCache, pageKey, pickEncoding, type CachedPage } from "./page-cache";

/** A stored page of `n` bytes in total (identity only, for the byte bound). */
const page = (text: string): CachedPage => ({ identity: Buffer.from(text), br: Buffer.alloc(0), gzip: Buffer.alloc(0) });

describe("pageKey", () => {
  it("differs in each part the page depends on", () => {
    const base = pageKey("s1", 3, "http://a");
    expect(pageKey("s2", 3, "http://a")).not.toBe(base);
    expect(pageKey("s1", 4, "http://a")).not.toBe(base);
    expect(pageKey("s1", 3, "https://a")).not.toBe(base);
    expect(pageKey("s1", 3, "http://a")).toBe(base);
  });
});

describe("encodings", () => {
  it("stores brotli and gzip that decode to the very bytes rendered", async () => {
    const html = Buffer.from("<!DOCTYPE html><p>héllo</p>".repeat(500));
    const stored = await compressPage(html);
    expect(stored.identity).toBe(html);
    expect(zlib.brotliDecompressSync(stored.br).equals(html)).toBe(true);
    expect(zlib.gunzipSync(stored.gzip).equals(html)).toBe(true);
    expect(stored.br.length).toBeLessThan(stored.gzip.length);
  });

  it("picks brotli, then gzip, then identity from what the client accepts", () => {
    const pick = (h: string | undefined) => pickEncoding(acceptedEncodings(h));
    expect(pick("gzip, deflate, br")).toBe("br");
    expect(pick("gzip, deflate, br;q=0")).toBe("gzip");
    expect(pick("deflate")).toBe("identity");
    expect(pick(undefined)).toBe("identity");
    expect(pick("*")).toBe("br");
    expect(pick("*, br;q=0")).toBe("gzip");
    expect(pick(" GZIP ;q=0.5")).toBe("gzip");
    expect(acceptedEncodings("br").has("gzip")).toBe(false);
  });
});

describe("PageCache", () => {
  it("is bounded in bytes, oldest use out first, and refuses a page over a quarter of the bound", () => {
    const cache = new PageCache(1000);
    const set = (id: string, bytes: number) => cache.set(id, id, 1, page("x".repeat(bytes)), cache.generation(id));
    expect(set("a", 240)).toBe(true);
    expect(set("b", 240)).toBe(true);
    expect(set("c", 240)).toBe(true);
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    expect(set("d", 240)).toBe(true);
    expect(set("e", 240)).toBe(true);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("e")).toBeDefined();
    expect(cache.size).toBe(4);
    expect(set("big", 251)).toBe(false);
    expect(cache.get("big")).toBeUndefined();
  });

  it("drops a share's pages, and a fill started before the drop does not put them back", () => {
    const cache = new PageCache(1 << 20);
    cache.set("k1", "s1", 1, page("one"), cache.generation("s1"));
    cache.set("k2", "s2", 1, page("two"), cache.generation("s2"));
    const before = cache.generation("s1");
    cache.dropShare("s1");
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k2")).toBeDefined();
    expect(cache.set("k1", "s1", 1, page("one"), before)).toBe(false);
    expect(cache.get("k1")).toBeUndefined();
  });

  it("forgets the older versions of a share when a newer one is stored", () => {
    const cache = new PageCache(1 << 20);
    cache.set("v1", "s1", 1, page("old"), cache.generation("s1"));
    cache.set("v1-other-origin", "s1", 1, page("old"), cache.generation("s1"));
    cache.set("v2", "s1", 2, page("new"), cache.generation("s1"));
    expect(cache.get("v1")).toBeUndefined();
    expect(cache.get("v1-other-origin")).toBeUndefined();
    expect(cache.get("v2")).toBeDefined();
    expect(cache.size).toBe(1);
  });

  it("finds a share's newest kept page, or render in progress, at a version or later, for the same origin only", async () => {
    const cache = new PageCache(1 << 20);
    cache.set(pageKey("s1", 3, "http://a"), "s1", 3, page("v3"), cache.generation("s1"), "http://a");
    expect(cache.newest("s1", "http://a", 2)?.identity.toString()).toBe("v3");
    expect(cache.newest("s1", "http://a", 3)?.identity.toString()).toBe("v3");
    expect(cache.newest("s1", "http://a", 4)).toBeUndefined();
    expect(cache.newest("s1", "http://b", 1)).toBeUndefined();

    let finish: (p: CachedPage | undefined) => void = () => {};
    const rendering = new Promise<CachedPage | undefined>((resolve) => (finish = resolve));
    cache.renderingNow("s1", "http://a", 5, rendering);
    expect(cache.rendering("s1", "http://a", 4)).toBe(rendering);
    expect(cache.rendering("s1", "http://a", 5)).toBe(rendering);
    expect(cache.rendering("s1", "http://a", 6)).toBeUndefined();
    expect(cache.rendering("s1", "http://b", 5)).toBeUndefined();
    expect(cache.rendering("s2", "http://a", 1)).toBeUndefined();
    finish(undefined);
    await rendering;
    await Promise.resolve();
    expect(cache.rendering("s1", "http://a", 4)).toBeUndefined();
  });

  it("is one per runtime, sized by PARLEY_PAGE_CACHE, and emptied by forgetShare (unshare, expiry)", () => {
    const rt = new Runtime(parseConfig({ PARLEY_PAGE_CACHE: "1MiB" }));
    const cache = rt.pageCache;
    expect(rt.pageCache).toBe(cache);
    expect(cache.maxBytes).toBe(1024 * 1024);
    cache.set("kf", "sf", 1, page("page"), cache.generation("sf"));
    expect(cache.get("kf")).toBeDefined();
    rt.forgetShare("sf");
    expect(cache.get("kf")).toBeUndefined();
  });
});
