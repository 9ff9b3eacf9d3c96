import { describe, expect, it } from "vitest";
import { cutAtNonce, getPageCache, headersWithNonce, PageCache, pageKey, withNonce, type CachedPage } from "./page-cache";
import { forgetShare } from "./process-cache";

// Base64 nonces carry + / =, which a regex-based substitution would get wrong.
const OLD = "ab+/cd==EF+/gh12Ij3k4Q==";
const NEW = "Zz9/+YyXx==Ww8+/Vv7Uu6A==";

function page(shareId: string, version: number, html: string, nonce = OLD): CachedPage {
  const body = Buffer.from(html, "utf8");
  return { shareId, version, segments: cutAtNonce(body, nonce), headers: [["content-type", ["text/html"]]], bytes: body.length };
}

const parts = { shareId: "s1", version: 1, form: "/s", search: "", publicUrl: "http://a.example" };

describe("pageKey", () => {
  it("differs in each part the page depends on", () => {
    const base = pageKey(parts);
    expect(pageKey({ ...parts })).toBe(base);
    for (const change of [{ shareId: "s2" }, { version: 2 }, { form: "/share" }, { search: "?all" }, { publicUrl: "https://b.example" }]) {
      expect(pageKey({ ...parts, ...change }), JSON.stringify(change)).not.toBe(base);
    }
  });
});

describe("nonce substitution", () => {
  it("puts the fresh nonce in attributes, the JSON-escaped flight payload and headers, and leaves no old one", () => {
    const html =
      `<script nonce="${OLD}">a</script><link nonce="${OLD}" href="/x.css">` +
      `<script nonce="${OLD}">self.__next_f.push([1,"1:[\\"$\\",\\"script\\",null,{\\"nonce\\":\\"${OLD}\\"}]"])</script>ünïcode ${OLD}`;
    const p = page("s1", 1, html);
    p.headers.push(["link", [`</x.css>; rel=preload; nonce="`, `"`]]);
    const out = withNonce(p, NEW).toString("utf8");
    expect(out).not.toContain(OLD);
    expect(out.split(NEW)).toHaveLength(6); // five occurrences
    expect(out).toBe(html.split(OLD).join(NEW));
    expect(headersWithNonce(p, NEW).get("link")).toBe(`</x.css>; rel=preload; nonce="${NEW}"`);
  });

  it("keeps a page without the nonce as it is", () => {
    expect(withNonce(page("s1", 1, "<p>plain</p>"), NEW).toString()).toBe("<p>plain</p>");
  });
});

describe("PageCache", () => {
  it("is bounded in bytes, oldest use out first, and refuses a page over a quarter of the bound", () => {
    const cache = new PageCache(1000);
    const g = (id: string) => cache.generation(id);
    expect(cache.set("a", page("a", 1, "x".repeat(240)), g("a"))).toBe(true);
    expect(cache.set("b", page("b", 1, "x".repeat(240)), g("b"))).toBe(true);
    expect(cache.set("c", page("c", 1, "x".repeat(240)), g("c"))).toBe(true);
    expect(cache.get("a")).toBeDefined(); // a is now the most recently used
    expect(cache.set("d", page("d", 1, "x".repeat(240)), g("d"))).toBe(true);
    expect(cache.set("e", page("e", 1, "x".repeat(240)), g("e"))).toBe(true);
    expect(cache.totalBytes).toBeLessThanOrEqual(1000);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBeDefined();
    expect(cache.get("e")).toBeDefined();
    expect(cache.set("big", page("big", 1, "x".repeat(251)), g("big"))).toBe(false);
    expect(cache.get("big")).toBeUndefined();
  });

  it("drops a share's pages, and a fill started before the drop does not put them back", () => {
    const cache = new PageCache(1 << 20);
    cache.set("k1", page("s1", 1, "one"), cache.generation("s1"));
    cache.set("k2", page("s2", 1, "two"), cache.generation("s2"));
    const before = cache.generation("s1");
    cache.dropShare("s1");
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.get("k2")).toBeDefined();
    expect(cache.set("k1", page("s1", 1, "one"), before)).toBe(false);
    expect(cache.get("k1")).toBeUndefined();
    expect(cache.totalBytes).toBe(3);
  });

  it("forgets the older versions of a share when a newer one is stored", () => {
    const cache = new PageCache(1 << 20);
    cache.set("v1", page("s1", 1, "old"), 0);
    cache.set("v1-all", page("s1", 1, "old all"), 0);
    cache.set("v2", page("s1", 2, "new"), 0);
    expect(cache.get("v1")).toBeUndefined();
    expect(cache.get("v1-all")).toBeUndefined();
    expect(cache.get("v2")).toBeDefined();
    expect(cache.size).toBe(1);
  });

  it("fills a page on its second view, and never one found too big", () => {
    const cache = new PageCache(1 << 20);
    expect(cache.noteView("k")).toBe(false);
    expect(cache.noteView("k")).toBe(true);
    expect(cache.noteView("other")).toBe(false);
    cache.markTooBig("k");
    expect(cache.noteView("k")).toBe(false);
    expect(cache.noteView("k")).toBe(false);
  });

  it("is one per process and emptied by forgetShare (unshare, expiry)", () => {
    const cache = getPageCache();
    expect(getPageCache()).toBe(cache);
    cache.set("kf", page("sf", 1, "page"), cache.generation("sf"));
    expect(cache.get("kf")).toBeDefined();
    forgetShare("sf");
    expect(cache.get("kf")).toBeUndefined();
  });
});
