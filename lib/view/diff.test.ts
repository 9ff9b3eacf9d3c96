import { describe, expect, it } from "vitest";
import { diffCounts, parseUnifiedDiff } from "./diff";

const EDIT = `Index: /home/dev/proj/hello.txt
===================================================================
--- /home/dev/proj/hello.txt
+++ /home/dev/proj/hello.txt
@@ -1,2 +1,2 @@
-hi there
+hello world
 second line
`;

describe("parseUnifiedDiff", () => {
  it("parses OpenCode's edit diff with paths, line numbers and counts", () => {
    const [file] = parseUnifiedDiff(EDIT);
    expect(file.oldPath).toBe("/home/dev/proj/hello.txt");
    expect(file.additions).toBe(1);
    expect(file.deletions).toBe(1);
    expect(file.hunks[0].lines).toEqual([
      { kind: "del", text: "hi there", oldNo: 1 },
      { kind: "add", text: "hello world", newNo: 1 },
      { kind: "ctx", text: "second line", oldNo: 2, newNo: 2 },
    ]);
  });

  it("handles new files (/dev/null, tab suffixes) and multiple files", () => {
    const text = `--- /dev/null\n+++ b/a.ts\t\n@@ -0,0 +1,2 @@\n+one\n+two\ndiff --git a/b.ts b/b.ts\n--- a/b.ts\n+++ b/b.ts\n@@ -3 +3 @@\n-x\n+y\n\\ No newline at end of file\n`;
    const files = parseUnifiedDiff(text);
    expect(files).toHaveLength(2);
    expect(files[0]).toMatchObject({ oldPath: undefined, newPath: "a.ts", additions: 2, deletions: 0 });
    expect(files[1].hunks[0].lines.map((l) => l.kind)).toEqual(["del", "add", "note"]);
    expect(files[1].hunks[0].lines[0].oldNo).toBe(3);
  });

  it("treats '--- ' inside a hunk as a deleted line, not a new header", () => {
    const text = `--- a/x.md\n+++ b/x.md\n@@ -1,2 +1,2 @@\n--- old rule\n+++ new rule\n same\n`;
    const [file] = parseUnifiedDiff(text);
    expect(file.hunks[0].lines.map((l) => [l.kind, l.text])).toEqual([
      ["del", "-- old rule"],
      ["add", "++ new rule"],
      ["ctx", "same"],
    ]);
  });

  it("returns nothing for text that is not a diff", () => {
    expect(parseUnifiedDiff("just some text\n")).toEqual([]);
  });
});

describe("diffCounts", () => {
  const patch = `--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n-a\n+b\n+c\n ctx\n`;
  it("takes the stated counts, else counts the patch, else 0", () => {
    expect(diffCounts({ additions: 5, deletions: 1 }, patch)).toEqual({ additions: 5, deletions: 1 });
    expect(diffCounts({}, patch)).toEqual({ additions: 2, deletions: 1 });
    expect(diffCounts({ additions: 0 }, patch)).toEqual({ additions: 0, deletions: 1 });
    expect(diffCounts({ additions: "7" })).toEqual({ additions: 0, deletions: 0 });
  });
});
