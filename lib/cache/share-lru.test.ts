import { describe, expect, it } from "vitest";
import { ShareLru } from "./share-lru";

describe("ShareLru", () => {
  it("stays under its byte bound, least recently used out first; peek does not count as a use", () => {
    const lru = new ShareLru<string>(30);
    lru.set("a", "s1", "A", 10);
    lru.set("b", "s1", "B", 10);
    lru.set("c", "s2", "C", 10);
    expect(lru.get("a")).toBe("A"); // a is now the newest
    expect(lru.peek("b")).toBe("B"); // b stays the oldest
    lru.set("d", "s2", "D", 10);
    expect([lru.peek("a"), lru.peek("b"), lru.peek("c"), lru.peek("d")]).toEqual(["A", undefined, "C", "D"]);
    expect({ size: lru.size, bytes: lru.bytes, evictions: lru.evictions }).toEqual({ size: 3, bytes: 30, evictions: 1 });
    expect(lru.keysOf("s1")).toEqual(["a"]);
  });

  it("replaces a key's old value and refuses one larger than the whole cache", () => {
    const lru = new ShareLru<string>(30);
    lru.set("a", "s1", "old", 20);
    expect(lru.set("a", "s1", "new", 5)).toBe(true);
    expect([lru.get("a"), lru.bytes]).toEqual(["new", 5]);
    expect(lru.set("a", "s1", "huge", 31)).toBe(false);
    expect([lru.get("a"), lru.size, lru.bytes]).toEqual([undefined, 0, 0]);
  });

  it("drops one share's entries, and refuses a fill whose generation was taken before the drop", () => {
    const lru = new ShareLru<string>(100);
    lru.set("a", "gone", "1", 1);
    lru.set("b", "gone", "2", 1);
    lru.set("c", "kept", "3", 1);
    const before = lru.generation("gone");
    expect(lru.dropShare("gone")).toBe(2);
    expect(lru.keysOf("gone")).toEqual([]);
    expect(lru.set("a", "gone", "late", 1, before)).toBe(false);
    expect(lru.get("a")).toBeUndefined();
    expect(lru.set("a", "gone", "fresh", 1, lru.generation("gone"))).toBe(true);
    expect(lru.get("c")).toBe("3");
    lru.clear();
    expect([lru.size, lru.bytes]).toEqual([0, 0]);
  });
});

describe("ShareLru generations", () => {
  it("refuses a fill whose share's drop record was pushed out by 10,000 later drops", () => {
    const lru = new ShareLru<string>(100);
    const token = lru.generation("s1");
    lru.dropShare("s1");
    for (let i = 0; i < 10_000; i++) lru.dropShare(`other-${i}`); // "s1"'s record is the oldest: evicted
    expect(lru.set("k", "s1", "stale", 1, token)).toBe(false);
    expect(lru.set("k", "s1", "fresh", 1, lru.generation("s1"))).toBe(true);
  });
});
