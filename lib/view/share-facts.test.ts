import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConversation } from "./conversation";
import type { DataItem } from "../schema";
import { computeShareFacts, describeShare, formatFiles, formatModels } from "./share-facts";
import { formatDate } from "./format";

const fixture = (scenario: string) => path.join(__dirname, "..", "..", "e2e", "fixtures", scenario);
const readData = (scenario: string): DataItem[] => JSON.parse(fs.readFileSync(path.join(fixture(scenario), "share-data.json"), "utf8"));

const session = (extra: Record<string, unknown> = {}) => ({
  type: "session",
  data: { id: "ses_1", title: "T", time: { created: 1_700_000_000_000 }, ...extra },
});
const message = (id: string, role: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  data: { id, sessionID: "ses_1", role, time: { created: Number(id.slice(4)) }, ...extra },
});

describe("computeShareFacts on the recorded fixtures", () => {
  for (const scenario of ["tour", "attachment", "aborted"]) {
    it(`${scenario}: counts what the client counted and names the model from the model item`, () => {
      const meta = JSON.parse(fs.readFileSync(path.join(fixture(scenario), "meta.json"), "utf8"));
      const data = readData(scenario);
      const facts = computeShareFacts(buildConversation(data));
      expect(facts.title).toBe(meta.title);
      expect(facts.messageCount).toBe(meta.client.messages);
      const modelItem = data.find((d) => d.type === "model")!.data as Array<{ name: string }>;
      expect(facts.models).toEqual(modelItem.map((m) => m.name));
    });
  }

  it("tour: files changed come from the user messages' turn diffs (session_diff is empty in 1.18)", () => {
    const data = readData("tour");
    const diffs = data.flatMap((d) => {
      const s = d.data as { role?: string; summary?: { diffs?: Array<{ file: string; additions: number; deletions: number }> } };
      return d.type === "message" && s.role === "user" ? (s.summary?.diffs ?? []) : [];
    });
    expect(diffs.length).toBeGreaterThan(0);
    const facts = computeShareFacts(buildConversation(data));
    expect(facts.files).toEqual({
      count: new Set(diffs.map((d) => d.file)).size,
      additions: diffs.reduce((n, d) => n + d.additions, 0),
      deletions: diffs.reduce((n, d) => n + d.deletions, 0),
    });
  });
});

describe("computeShareFacts on synthetic shares", () => {
  it("prefers session_diff, counts each file once, and orders models by first use", () => {
    const facts = computeShareFacts(
      buildConversation([
        session({ title: "  Fix   the\nparser " }),
        message("msg_1", "user", { model: { providerID: "anthropic", modelID: "claude-sonnet-4.5" } }),
        message("msg_2", "assistant", { providerID: "anthropic", modelID: "claude-sonnet-4.5" }),
        message("msg_3", "assistant", { providerID: "openai", modelID: "gpt-5" }),
        { type: "model", data: [{ id: "gpt-5", providerID: "openai", name: "GPT-5" }] },
        {
          type: "session_diff",
          data: [
            { file: "a.ts", additions: 100, deletions: 5 },
            { path: "b.ts", additions: 20, deletions: 3 },
            { file: "a.ts", additions: 0, deletions: 0 },
          ],
        },
      ]),
    );
    expect(facts).toEqual({
      source: "OpenCode",
      title: "Fix the parser",
      messageCount: 3,
      models: ["claude-sonnet-4.5", "GPT-5"],
      files: { count: 2, additions: 120, deletions: 8 },
      createdAt: 1_700_000_000_000,
    });
    expect(describeShare(facts)).toBe("OpenCode session · 3 messages · claude-sonnet-4.5 & GPT-5 · 2 files changed (+120 −8)");
  });

  it("falls back to the session summary, and leaves files out when nothing changed", () => {
    const withSummary = computeShareFacts(buildConversation([session({ summary: { files: 4, additions: 7, deletions: 1 } })]));
    expect(withSummary.files).toEqual({ count: 4, additions: 7, deletions: 1 });
    const none = computeShareFacts(buildConversation([session({ title: undefined, summary: { files: 0 } }), message("msg_5", "user")]));
    expect(none.files).toBeNull();
    expect(none.title).toBe("");
    expect(none.models).toEqual([]);
    expect(describeShare(none)).toBe("OpenCode session · 1 message");
  });

  it("names the agent a session came from (the parley CLI's session.source)", () => {
    const from = (source: unknown) => describeShare(computeShareFacts(buildConversation([session({ source }), message("msg_5", "user")])));
    expect(from({ agent: "claude-code" })).toBe("Claude Code session · 1 message");
    expect(from({ agent: "codex", version: "0.46.0" })).toBe("Codex session · 1 message");
    expect(from("codex")).toBe("Codex session · 1 message");
    expect(from({ agent: "<script>" })).toBe("OpenCode session · 1 message");
    expect(from(undefined)).toBe("OpenCode session · 1 message");
  });

  it("treats a time that is no valid Date (any finite number passes the schema) as unknown", () => {
    const facts = computeShareFacts(buildConversation([session({ time: { created: 1e308 } })]));
    expect(facts.createdAt).toBeNull();
    expect(formatDate(8.64e15 + 1, { time: false })).toBe("unknown date");
  });

  it("survives a share with no session item", () => {
    const facts = computeShareFacts(buildConversation([message("msg_9", "user")]));
    expect(facts).toMatchObject({ title: "", messageCount: 1, createdAt: 9 });
  });
});

describe("formatting", () => {
  it("names models the way OpenCode's card does", () => {
    expect(formatModels([])).toBe("");
    expect(formatModels(["A"])).toBe("A");
    expect(formatModels(["A", "B"])).toBe("A & B");
    expect(formatModels(["A", "B", "C", "D"])).toBe("A & 3 others");
  });
  it("formats files, plurals, thousands and the date", () => {
    expect(formatFiles({ count: 1, additions: 1200, deletions: 0 })).toBe("1 file changed (+1,200 −0)");
    expect(formatFiles({ count: 2, additions: 3, deletions: 4 }, "-")).toBe("2 files changed (+3 -4)");
    expect(formatDate(Date.UTC(2026, 10, 22, 23, 59), { time: false })).toBe("22 Nov 2026");
  });
});
