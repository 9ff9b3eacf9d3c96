import { describe, expect, it } from "vitest";
import { Lru } from "./lru";

describe("Lru", () => {
  it("evicts the least recently used entry past the entry bound", () => {
    const lru = new Lru<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1); // a is now the most recent
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("evicts by total size and refuses a value larger than the whole budget", () => {
    const lru = new Lru<string, string>(100, 10, (v) => v.length);
    lru.set("a", "12345");
    lru.set("b", "12345");
    lru.set("c", "123");
    expect(lru.get("a")).toBeUndefined();
    expect(lru.totalSize).toBe(8);
    lru.set("huge", "x".repeat(11));
    expect(lru.get("huge")).toBeUndefined();
    expect(lru.size).toBe(2);
  });

  it("replacing a key keeps the size accounting right", () => {
    const lru = new Lru<string, string>(10, 100, (v) => v.length);
    lru.set("a", "1234");
    lru.set("a", "12");
    lru.delete("missing");
    expect(lru.totalSize).toBe(2);
    lru.delete("a");
    expect(lru.totalSize).toBe(0);
    expect(lru.size).toBe(0);
  });
});
