import { describe, expect, it } from "vitest";
import { decideDemo, demoUrl, localServerUrl, type DemoFacts } from "./demo";

const fresh: DemoFacts = { enabled: true, postgres: false, dataDirChosen: false, existingShares: [], recordedDemo: null };

describe("decideDemo", () => {
  it("makes the demo on the default SQLite database when it is empty", () => {
    expect(decideDemo(fresh)).toEqual({ action: "make" });
  });
  it("reuses the demo it made before, and makes it again when that one was removed from an otherwise empty file", () => {
    expect(decideDemo({ ...fresh, existingShares: ["demo1"], recordedDemo: { id: "demo1" } })).toEqual({ action: "reuse", id: "demo1" });
    expect(decideDemo({ ...fresh, existingShares: [], recordedDemo: { id: "demo1" } })).toEqual({ action: "make" });
  });
  it.each([
    ["PARLEY_DEMO=off", { enabled: false }],
    ["PostgreSQL", { postgres: true }],
    ["a chosen data directory", { dataDirChosen: true }],
    ["a directory that already holds shares", { existingShares: ["abc"] }],
    ["other shares beside an old demo", { existingShares: ["abc", "demo1"], recordedDemo: { id: "demo1" } }],
  ])("never on %s", (_name, change) => {
    expect(decideDemo({ ...fresh, ...change }).action).toBe("skip");
  });
  it("says why it skipped", () => {
    expect(decideDemo({ ...fresh, postgres: true, existingShares: ["x"] })).toEqual({ action: "skip", reason: "the database is PostgreSQL" });
  });
});

describe("demoUrl", () => {
  it("uses PARLEY_PUBLIC_URL when set, else localhost and the port", () => {
    expect(demoUrl("abc", "https://parley.example.com", 3000)).toBe("https://parley.example.com/s/abc");
    expect(demoUrl("abc", undefined, 3100)).toBe("http://localhost:3100/s/abc");
  });
});

describe("localServerUrl", () => {
  it("is loopback for a wildcard address, the address otherwise", () => {
    expect(localServerUrl("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000");
    expect(localServerUrl("::", 3000)).toBe("http://127.0.0.1:3000");
    expect(localServerUrl("10.0.0.5", 80)).toBe("http://10.0.0.5:80");
    expect(localServerUrl("::1", 3000)).toBe("http://[::1]:3000");
  });
});
