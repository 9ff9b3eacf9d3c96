import { describe, expect, it } from "vitest";
import { fileBody, OPEN_LINES, PREVIEW_LINES, previewOf } from "./file-body";

const read = (output: string, extra: Record<string, unknown> = {}) => ({ status: "completed", input: { filePath: "/w/a.ts" }, output, ...extra });

describe("the file a read or write shows", () => {
  it("reads today's numbered <content> and older clients' <file> with 00001| prefixes alike", () => {
    expect(fileBody("read", read("<content>\n7: const a = 1;\n8: const b = 2;\n\n(End of file - total 8 lines)\n</content>"))).toEqual({
      text: "const a = 1;\nconst b = 2;",
      start: 7,
      path: "/w/a.ts",
      full: undefined,
    });
    expect(fileBody("read", read("<file>\n00012| let x\n00013| x = 2\n</file>"))?.text).toBe("let x\nx = 2");
    expect(fileBody("read", read("<file>\n00012| let x\n00013| x = 2\n</file>"))?.start).toBe(12);
  });

  it("prefers the client's display text, and keeps unnumbered text as it is", () => {
    expect(fileBody("read", read("ignored", { metadata: { display: { text: "shown", lineStart: 40 } } }))).toMatchObject({ text: "shown", start: 40 });
    expect(fileBody("read", read("<content>\nno numbers here\n</content>"))?.text).toBe("no numbers here");
  });

  it("a write shows its content from line 1; other tools and unfinished reads show no file", () => {
    expect(fileBody("write", { status: "completed", input: { filePath: "/w/b.py", content: "print(1)\n" } })).toEqual({
      text: "print(1)\n",
      start: 1,
      path: "/w/b.py",
    });
    expect(fileBody("read", { status: "running", input: {} })).toBeNull();
    expect(fileBody("bash", read("x"))).toBeNull();
  });

  it("a long body is previewed by its first lines; a short one is shown whole", () => {
    const long = Array.from({ length: OPEN_LINES + 1 }, (_, i) => `line ${i + 1}`).join("\n");
    expect(previewOf(long)).toEqual({ text: long.split("\n").slice(0, PREVIEW_LINES).join("\n"), lines: OPEN_LINES + 1 });
    expect(previewOf(long.split("\n").slice(0, OPEN_LINES).join("\n") + "\n")).toBeNull();
  });
});
