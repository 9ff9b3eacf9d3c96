import { describe, expect, it } from "vitest";
import { groupTurns, isPartVisible, visibleMessages } from "./visible-parts";
import type { ConversationMessage } from "./conversation";

const base = { sessionID: "ses_1", messageID: "msg_a" };
const part = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ id, type, ...base, ...extra }) as never;
const msg = (id: string, role: string, parts: unknown[], extra: Record<string, unknown> = {}): ConversationMessage =>
  ({ info: { id, sessionID: "ses_1", role, time: { created: 1 }, providerID: "mock", modelID: "m1", ...extra }, parts }) as never;
const on = { modelChanged: true, firstStep: true };

describe("isPartVisible", () => {
  it("hides snapshots, empty text/reasoning, synthetic and ignored text", () => {
    expect(isPartVisible(part("p", "snapshot", { snapshot: "abc" }), on)).toBe(false);
    expect(isPartVisible(part("p", "text", { text: "  \n" }), on)).toBe(false);
    expect(isPartVisible(part("p", "reasoning", { text: "" }), on)).toBe(false);
    expect(isPartVisible(part("p", "text", { text: "file body", synthetic: true }), on)).toBe(false);
    expect(isPartVisible(part("p", "text", { text: "x", ignored: true }), on)).toBe(false);
    expect(isPartVisible(part("p", "text", { text: "hello" }), on)).toBe(true);
  });

  it("shows step-start only as the first step where the model changed", () => {
    expect(isPartVisible(part("p", "step-start"), on)).toBe(true);
    expect(isPartVisible(part("p", "step-start"), { modelChanged: false, firstStep: true })).toBe(false);
    expect(isPartVisible(part("p", "step-start"), { modelChanged: true, firstStep: false })).toBe(false);
  });

  it("shows tools in every state, step-finish, patch and unknown part types", () => {
    for (const status of ["pending", "running", "completed", "error"])
      expect(isPartVisible(part("p", "tool", { tool: "bash", state: { status } }), on)).toBe(true);
    for (const type of ["step-finish", "patch", "compaction", "retry", "agent", "subtask", "file", "from-the-future"])
      expect(isPartVisible(part("p", type), on)).toBe(true);
  });
});

describe("visibleMessages", () => {
  it("marks the model only when it changes between assistant messages", () => {
    const out = visibleMessages([
      msg("m1", "user", [part("a", "text", { text: "hi" })]),
      msg("m2", "assistant", [part("b", "step-start"), part("c", "text", { text: "x" }), part("d", "step-start")]),
      msg("m3", "assistant", [part("e", "step-start"), part("f", "text", { text: "y" })]),
      msg("m4", "assistant", [part("g", "step-start"), part("h", "text", { text: "z" })], { modelID: "m2" }),
    ]);
    expect(out.map((m) => m.parts.map((p) => p.id))).toEqual([["a"], ["b", "c"], ["f"], ["g", "h"]]);
  });

  it("drops messages with nothing to show and no error, keeps empty ones with an error", () => {
    const out = visibleMessages([
      msg("m1", "assistant", []),
      msg("m2", "assistant", [part("a", "step-start"), part("b", "text", { text: "" }), part("c", "step-finish")]),
      msg("m3", "assistant", [], { error: { name: "APIError", data: { message: "400" } } }),
    ]);
    expect(out.map((m) => m.info.id)).toEqual(["m3"]);
  });

  it("groups messages into turns starting at each user message", () => {
    const turns = groupTurns(
      visibleMessages([
        msg("m1", "user", [part("a", "text", { text: "q1" })]),
        msg("m2", "assistant", [part("b", "text", { text: "a1" })]),
        msg("m3", "assistant", [part("c", "text", { text: "a2" })]),
        msg("m4", "user", [part("d", "compaction", { auto: true })]),
        msg("m5", "assistant", [part("e", "text", { text: "sum" })]),
      ]),
    );
    expect(turns.map((t) => [t.user?.info.id, t.steps.map((s) => s.info.id)])).toEqual([
      ["m1", ["m2", "m3"]],
      ["m4", ["m5"]],
    ]);
  });
});
