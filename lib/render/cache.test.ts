import { describe, expect, it } from "vitest";
import { contentHash, RenderCache } from "./cache";

const html = (n: number) => "x".repeat(n); // n characters = 2n bytes

describe("RenderCache", () => {
  it("renders once per content hash: a second view is all hits", async () => {
    const cache = new RenderCache(1024 * 1024);
    let work = 0;
    const render = (text: string) => () => {
      work++;
      return `<p>${text}</p>`;
    };
    const view = () => Promise.all(["a", "b", "c"].map((t) => cache.getOrRender("s1", `part/${t}`, contentHash(t), render(t))));
    expect(await view()).toEqual(["<p>a</p>", "<p>b</p>", "<p>c</p>"]);
    expect(cache.stats()).toMatchObject({ misses: 3, renders: 3, hits: 0, entries: 3 });
    cache.resetStats();
    expect(await view()).toEqual(["<p>a</p>", "<p>b</p>", "<p>c</p>"]);
    expect(cache.stats()).toMatchObject({ hits: 3, misses: 0, renders: 0 });
    expect(work).toBe(3);
  });

  it("a changed part re-renders alone and replaces its old version", async () => {
    const cache = new RenderCache(1024 * 1024);
    await cache.getOrRender("s1", "part/a", "h1", () => "old");
    await cache.getOrRender("s1", "part/b", "h1", () => "b");
    cache.resetStats();
    expect(await cache.getOrRender("s1", "part/a", "h2", () => "new")).toBe("new");
    expect(await cache.getOrRender("s1", "part/b", "h1", () => "never")).toBe("b");
    expect(cache.stats()).toMatchObject({ renders: 1, hits: 1, entries: 2, bytes: 2 * ("new".length + "b".length) });
  });

  it("evicts least recently used entries to stay under its byte bound", async () => {
    const cache = new RenderCache(300); // room for three 100-byte entries
    for (const k of ["a", "b", "c"]) await cache.getOrRender("s", k, "h", () => html(50));
    await cache.getOrRender("s", "a", "h", () => "unused"); // touch a: b is now the oldest
    await cache.getOrRender("s", "d", "h", () => html(50));
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 300, evictions: 1 });
    cache.resetStats();
    await cache.getOrRender("s", "a", "h", () => "re-rendered");
    await cache.getOrRender("s", "b", "h", () => html(50));
    expect(cache.stats()).toMatchObject({ hits: 1, renders: 1 });
  });

  it("does not keep a value larger than the whole cache", async () => {
    const cache = new RenderCache(100);
    await cache.getOrRender("s", "big", "h", () => html(51));
    await cache.getOrRender("s", "big", "h", () => html(51));
    expect(cache.stats()).toMatchObject({ renders: 2, entries: 0, bytes: 0 });
  });

  it("dropShare forgets one share's renderings and nothing else", async () => {
    const cache = new RenderCache(1024 * 1024);
    await cache.getOrRender("gone", "a", "h", () => "1");
    await cache.getOrRender("gone", "b", "h", () => "2");
    await cache.getOrRender("kept", "a", "h", () => "3");
    expect(cache.dropShare("gone")).toBe(2);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 2 });
    cache.resetStats();
    expect(await cache.getOrRender("gone", "a", "h", () => "fresh")).toBe("fresh");
    expect(await cache.getOrRender("kept", "a", "h", () => "never")).toBe("3");
    expect(cache.stats()).toMatchObject({ renders: 1, hits: 1 });
    expect(cache.dropShare("unknown")).toBe(0);
  });

  it("a render that finishes after an unshare does not put the share back", async () => {
    const cache = new RenderCache(1 << 20);
    let finish: (v: string) => void = () => {};
    const pending = cache.getOrRender("s1", "part/a", "h", () => new Promise<string>((r) => (finish = r)));
    cache.dropShare("s1");
    finish("<p>secret</p>");
    expect(await pending).toBe("<p>secret</p>");
    expect(cache.stats().entries).toBe(0);
    expect(await cache.getOrRender("s1", "part/a", "h", () => "fresh")).toBe("fresh");
    expect(cache.stats().entries).toBe(1);
  });

  it("two concurrent first views render once", async () => {
    const cache = new RenderCache(1024);
    let work = 0;
    const slow = async () => {
      work++;
      await new Promise((r) => setTimeout(r, 10));
      return "done";
    };
    expect(await Promise.all([cache.getOrRender("s", "k", "h", slow), cache.getOrRender("s", "k", "h", slow)])).toEqual(["done", "done"]);
    expect(work).toBe(1);
  });

  it("has a synchronous form with the same accounting", () => {
    const cache = new RenderCache(1024);
    expect(cache.getOrRenderSync("s", "k", "h", () => "v")).toBe("v");
    expect(cache.getOrRenderSync("s", "k", "h", () => "other")).toBe("v");
    expect(cache.stats()).toMatchObject({ renders: 1, hits: 1, misses: 1 });
  });

  it("contentHash separates its arguments", () => {
    expect(contentHash("ab", "c")).not.toBe(contentHash("a", "bc"));
    expect(contentHash("x")).toBe(contentHash("x"));
  });
});
