import { describe, expect, it } from "vitest";
import { itemKey, validateItem } from "./items";

const part = (extra: Record<string, unknown>) => ({ type: "part", data: { id: "prt_1", sessionID: "ses_1", messageID: "msg_1", ...extra } });

describe("itemKey", () => {
  it("keys items the way the client dedupes them", () => {
    expect(itemKey("session", { id: "ses_1" })).toBe("session");
    expect(itemKey("session_diff", [])).toBe("session_diff");
    expect(itemKey("model", [])).toBe("model");
    expect(itemKey("message", { id: "msg_1" })).toBe("message/msg_1");
    expect(itemKey("part", { id: "prt_1", messageID: "msg_1" })).toBe("part/msg_1/prt_1");
  });
  it("gives unknown types a key of their own, by id when they have one", () => {
    expect(itemKey("messages", { sessionID: "ses_1" })).toBe("messages");
    expect(itemKey("timeline", { id: "t1" })).toBe("timeline/t1");
  });
});

describe("validateItem", () => {
  it("accepts every part type with the fields renderers read, keeping unknown fields", () => {
    const cases = [
      { type: "text", text: "hi", extra: 1 },
      { type: "reasoning", text: "hmm", time: { start: 1 } },
      { type: "file", mime: "image/png", url: "data:image/png;base64,AA==" },
      { type: "tool", callID: "c", tool: "bash", state: { status: "pending", input: {}, raw: "" } },
      { type: "tool", callID: "c", tool: "bash", state: { status: "running", input: {}, time: { start: 1 } } },
      {
        type: "tool",
        callID: "c",
        tool: "bash",
        state: { status: "completed", input: {}, output: "ok", title: "t", metadata: {}, time: { start: 1, end: 2 } },
      },
      { type: "tool", callID: "c", tool: "bash", state: { status: "error", input: {}, error: "boom", time: { start: 1, end: 2 } } },
      { type: "step-start" },
      { type: "step-finish", reason: "stop", cost: 0, tokens: { input: 1, output: 2, reasoning: 0, cache: { read: 0, write: 0 } } },
      { type: "snapshot", snapshot: "abc" },
      { type: "patch", hash: "abc", files: ["/a"] },
      { type: "agent", name: "build" },
      { type: "retry", attempt: 2, error: { name: "APIError" }, time: { created: 1 } },
      { type: "compaction", auto: true },
      { type: "subtask", prompt: "p", description: "d", agent: "general" },
      { type: "future-part", whatever: [1] },
    ];
    for (const c of cases) {
      const r = validateItem(part(c));
      expect(r.ok, JSON.stringify(c)).toBe(true);
      if (r.ok) expect(r.item).toEqual(part(c));
    }
  });

  it("rejects what the viewer cannot render, with the failing path", () => {
    const bad: Array<[unknown, string]> = [
      [part({ type: "text" }), "data.text"],
      [part({ type: "tool", callID: "c", tool: "bash", state: { status: "weird" } }), "data.state.status"],
      [part({ type: "tool", callID: "c", tool: "bash", state: { status: "completed", input: {} } }), "data.state.output"],
      [{ type: "part", data: { type: "text", text: "x", messageID: "m", sessionID: "s" } }, "data.id"],
      [{ type: "message", data: { id: "msg_1", sessionID: "s", time: { created: 1 } } }, "data.role"],
      [{ type: "session", data: { title: "no id", time: { created: 1 } } }, "data.id"],
      [{ type: "model", data: [{ id: "m" }] }, "data.0.providerID"],
      [{ data: {} }, "type"],
      [part({ type: "text", text: "x", id: "p/1" }), "data.id"],
      [{ type: "part", data: { id: "p1", sessionID: "s", messageID: "a/p", type: "text", text: "x" } }, "data.messageID"],
      [{ type: "message", data: { id: "msg\u0000", sessionID: "s", role: "user", time: { created: 1 } } }, "data.id"],
      [{ type: "timeline", data: { id: "t/../x" } }, "data.id"],
      [{ type: "a/b", data: {} }, "type"],
    ];
    for (const [raw, path] of bad) {
      const r = validateItem(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) expect(r.issues.map((i) => i.path)).toContain(path);
    }
  });

  it("accepts all three session_diff shapes", () => {
    for (const diff of [
      { file: "a.ts", before: "", after: "x", additions: 1, deletions: 0 },
      { path: "a.ts", status: "added", additions: 1, deletions: 0, patch: "@@" },
      { file: "a.ts", patch: "Index: a.ts", additions: 2, deletions: 0, status: "added" },
    ]) {
      expect(validateItem({ type: "session_diff", data: [diff] }).ok).toBe(true);
    }
  });
});
