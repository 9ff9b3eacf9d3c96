import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildConversation } from "./conversation";
import type { DataItem } from "../schema";
import { changedFiles, filesChangedTotals } from "./changed-files";
import { computeShareFacts, describeShare } from "./share-facts";
import { sessionStats } from "./session-stats";

const readData = (scenario: string): DataItem[] =>
  JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "e2e", "fixtures", scenario, "share-data.json"), "utf8"));
const session = (extra: Record<string, unknown> = {}) => ({ type: "session", data: { id: "ses_1", title: "T", time: { created: 1 }, ...extra } });
const user = (id: string, diffs: unknown[]) => ({ type: "message", data: { id, sessionID: "ses_1", role: "user", time: { created: 1 }, summary: { diffs } } });
const patch = (file: string, lines: string[]) =>
  `Index: ${file}\n===\n--- ${file}\n+++ ${file}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join("\n")}\n`;

describe("the header and the card count the same files", () => {
  for (const scenario of ["tour", "attachment", "aborted"]) {
    it(`${scenario}: the header's list adds up to the card's totals`, () => {
      const c = buildConversation(readData(scenario));
      const files = sessionStats(c).files;
      const totals = computeShareFacts(c).files;
      if (files.length === 0) return expect(totals).toBeNull();
      expect(totals).toEqual({
        count: files.length,
        additions: files.reduce((n, f) => n + f.additions, 0),
        deletions: files.reduce((n, f) => n + f.deletions, 0),
      });
    });
  }

  it("tour: 2 files changed (+16 −0), as the preview description says", () => {
    const c = buildConversation(readData("tour"));
    expect(sessionStats(c).files.map((f) => [f.path, f.additions, f.deletions])).toEqual([
      ["notes/PLAN.md", 9, 0],
      ["src/greet.ts", 7, 0],
    ]);
    expect(describeShare(computeShareFacts(c))).toContain("2 files changed (+16 −0)");
  });
});

describe("changedFiles", () => {
  it("a file changed in two turns is one entry: its counts add up and both turns' patches are shown", () => {
    const c = buildConversation([
      session(),
      user("msg_1", [{ file: "a.ts", additions: 2, deletions: 0, status: "added", patch: patch("a.ts", ["one", "two"]) }]),
      user("msg_3", [
        { file: "a.ts", additions: 1, deletions: 0, status: "modified", patch: patch("a.ts", ["three"]) },
        { file: "b.ts", additions: 4, deletions: 1 },
      ]),
    ]);
    const files = changedFiles(c);
    expect(files.map((f) => [f.path, f.additions, f.deletions, f.status])).toEqual([
      ["a.ts", 3, 0, "modified"],
      ["b.ts", 4, 1, undefined],
    ]);
    expect(files[0].patch).toContain("+two\n");
    expect(files[0].patch).toContain("+three");
    expect(filesChangedTotals(c)).toEqual({ count: 2, additions: 7, deletions: 1 });
  });

  it("counts from the patch when the diff carries none, and leaves out a diff with no path", () => {
    const c = buildConversation([
      session(),
      {
        type: "session_diff",
        data: [
          { path: "x.md", patch: patch("x.md", ["a", "b", "c"]) },
          { additions: 9, deletions: 9 },
        ],
      },
    ]);
    expect(changedFiles(c).map((f) => [f.path, f.additions])).toEqual([["x.md", 3]]);
    expect(filesChangedTotals(c)).toEqual({ count: 1, additions: 3, deletions: 0 });
  });

  it("session_diff, then the session summary's diffs, then the user turns", () => {
    const turns = user("msg_1", [{ file: "turn.ts", additions: 1 }]);
    const summary = session({ summary: { diffs: [{ file: "summary.ts", additions: 2 }] } });
    expect(changedFiles(buildConversation([summary, turns])).map((f) => f.path)).toEqual(["summary.ts"]);
    expect(changedFiles(buildConversation([summary, turns, { type: "session_diff", data: [{ file: "s.ts" }] }])).map((f) => f.path)).toEqual(["s.ts"]);
    expect(changedFiles(buildConversation([session(), turns])).map((f) => f.path)).toEqual(["turn.ts"]);
  });
});
