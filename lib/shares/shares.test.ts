// The share service over a real SQLite file: the attachment limit at sync, and unshare dropping the
// share's cached renderings.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "../config";
import { Runtime, setRuntime } from "../runtime";
import * as shares from "./shares";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-shares-test-"));
type Item = { type: string; data: Record<string, any> };
const fixture: Item[] = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", "attachment", "share-data.json"), "utf8"));

// This file's own runtime: its configuration given as a value, its own SQLite file.
const rt = new Runtime(parseConfig({ PARLEY_DATA_DIR: dir, PARLEY_MAX_ATTACHMENT: "1MiB" }));
setRuntime(rt);
afterAll(async () => {
  await (await rt.store()).close();
  setRuntime(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("syncShare with items nested too deep to walk", () => {
  it("rejects that item (every later step recurses: the stack overflowed, a 500) and stores the rest", async () => {
    const { id, secret } = await shares.createShare("ses_deep", "http://parley.test");
    const deep = JSON.parse(`{"type":"x","data":${"[".repeat(20_000)}${"]".repeat(20_000)}}`);
    const ok = { type: "message", data: { id: "msg_1", sessionID: "ses_deep", role: "user", time: { created: 1 } } };
    const result = await shares.syncShare(id, secret, [deep, ok]);
    expect(result.stored).toBe(1);
    expect(result.rejected).toEqual([{ index: 0, type: null, issues: [{ path: "data", message: "items may nest at most 64 levels deep" }] }]);
    await expect(shares.syncShare(id, secret, [deep])).rejects.toMatchObject({ code: "invalid" });
    expect(await shares.getShareData(id)).toEqual([ok]);
  });
});

describe("syncShare with PARLEY_MAX_ATTACHMENT=1MiB", () => {
  it("stores the whole recorded session, the 2.9 MB screenshot as a stub, and reports it", async () => {
    const { id, secret } = await shares.createShare("ses_test", "http://parley.test");
    const result = await shares.syncShare(id, secret, fixture);
    expect(result.stored).toBe(fixture.length);
    expect(result.rejected).toEqual([]);
    expect(result.degraded.map((d) => d.filename)).toEqual(["huge-screenshot.png"]);
    const stored = (await shares.getShareData(id)) as Item[];
    const stub = stored.find((i) => i.data.filename === "huge-screenshot.png")!;
    expect(stub.data.url).toBe("");
    expect(stub.data.parley).toMatchObject({ omitted: true, reason: "too_large", limitBytes: 1024 * 1024 });
    expect(stored.find((i) => i.data.filename === "gradient-64.png")!.data.url).toMatch(/^data:image\/png;base64,/);
  });

  it("does not report as degraded an item that was rejected", async () => {
    const { id, secret } = await shares.createShare("ses_test", "http://parley.test");
    const big = `data:image/png;base64,${"A".repeat(2 * 1024 * 1024)}`;
    const noMessage = { type: "part", data: { id: "prt_x", sessionID: "s", type: "file", mime: "image/png", url: big } };
    const result = await shares.syncShare(id, secret, [fixture[0], noMessage]);
    expect(result.rejected.map((r) => r.index)).toEqual([1]);
    expect(result.degraded).toEqual([]);
  });
});

describe("unshare", () => {
  it("drops every cached rendering of the share", async () => {
    const { id, secret } = await shares.createShare("ses_test", "http://parley.test");
    const renderCache = rt.renderCache;
    await renderCache.getOrRender(id, "part/a", "h", () => "<p>a</p>");
    await renderCache.getOrRender("other-share", "part/a", "h", () => "<p>other</p>");
    await shares.unshare(id, secret);
    renderCache.resetStats();
    expect(await renderCache.getOrRender(id, "part/a", "h", () => "re-rendered")).toBe("re-rendered");
    expect(await renderCache.getOrRender("other-share", "part/a", "h", () => "never")).toBe("<p>other</p>");
    expect(renderCache.stats()).toMatchObject({ renders: 1, hits: 1 });
  });
});

describe("unshare and expiry empty the preview caches too", () => {
  it("drops the share's cached facts and card, keeping other shares'", async () => {
    const preview = await import("./preview");
    const facts = rt.facts;
    const a = await shares.createShare("ses_a", "http://parley.test");
    const b = await shares.createShare("ses_b", "http://parley.test");
    await shares.syncShare(a.id, a.secret, fixture.slice(0, 5));
    await shares.syncShare(b.id, b.secret, fixture.slice(0, 5));
    expect((await preview.getSharePreview(a.id)).status).toBe("live");
    expect((await preview.getSharePreview(b.id)).status).toBe("live");
    expect(facts.get(a.id)).toBeDefined();
    await shares.unshare(a.id, a.secret);
    expect(facts.get(a.id)).toBeUndefined();
    expect(facts.get(b.id)).toBeDefined();
  });

  it("refuses an expiry that is not a real time, leaving the stored one", async () => {
    const { id, secret } = await shares.createShare("ses_e", "http://parley.test");
    const inAnHour = Date.now() + 3_600_000;
    await shares.setShareExpiry(id, secret, inAnHour);
    for (const bad of [Number.NaN, 8_640_000_000_000_001, Date.now() + 200 * 365 * 86_400_000]) {
      await expect(shares.setShareExpiry(id, secret, bad)).rejects.toMatchObject({ code: "invalid" });
    }
    const state = await shares.getShareState(id);
    expect(state.status === "live" && state.share.expiresAt).toBe(inAnHour);
  });
});
