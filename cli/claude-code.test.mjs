// The Claude Code mapping, on the recorded-format fixture in e2e/fixtures/claude-code/ and on small cases.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertClaudeCode } from "./claude-code.mjs";
import { convertText } from "./convert.mjs";

const dir = path.join(__dirname, "..", "e2e", "fixtures", "claude-code");
const fixture = fs.readFileSync(
  path.join(
    dir,
    fs.readdirSync(dir).find((f) => f.endsWith(".jsonl")),
  ),
  "utf8",
);
const converted = convertClaudeCode(fixture);
const of = (type) => converted.items.filter((i) => i.type === type).map((i) => i.data);
const parts = of("part");
const tools = parts.filter((p) => p.type === "tool");
const tool = (name) => tools.filter((p) => p.tool === name);

const line = (o) => JSON.stringify({ sessionId: "s-1", cwd: "/w", timestamp: "2026-01-01T00:00:00Z", uuid: `u${Math.random()}`, ...o });

describe("Claude Code session -> OpenCode session", () => {
  it("is recognised and carries its source, directory, version and title (the summary line)", () => {
    expect(convertText(fixture).format).toBe("claude-code");
    const [session] = of("session");
    expect(session.source).toMatchObject({ agent: "claude-code", version: "2.0.14" });
    expect(session.directory).toBe("/home/dev/greeter");
    expect(session.title).toBe("Greeter: add greet() helper and wire it in");
    expect(session.id).toMatch(/^ses_/);
  });

  it("maps user and assistant text, thinking to reasoning, and images to file parts", () => {
    const user = of("message").find((m) => m.role === "user");
    const userParts = parts.filter((p) => p.messageID === user.id);
    expect(userParts.map((p) => p.type)).toEqual(["text", "file"]);
    expect(userParts[1]).toMatchObject({ mime: "image/png", url: expect.stringMatching(/^data:image\/png;base64,iVBOR/) });
    expect(parts.find((p) => p.type === "reasoning").text).toContain("plan with todos");
    expect(parts.some((p) => p.type === "text" && p.text.startsWith("## Done"))).toBe(true);
  });

  it("maps every tool onto our renderers' names and input keys, and anything else through unchanged", () => {
    expect(new Set(tools.map((p) => p.tool))).toEqual(
      new Set(["todowrite", "glob", "grep", "read", "write", "edit", "bash", "task", "webfetch", "mcp__github__create_issue"]),
    );
    expect(tool("read")[0].state.input).toEqual({ filePath: "/home/dev/greeter/src/index.ts" });
    expect(tool("read")[0].state.metadata.display).toMatchObject({
      type: "file",
      lineStart: 1,
      lineEnd: 8,
      text: expect.stringContaining('import { capitalise } from "./util/strings";'),
    });
    expect(tool("read")[0].state.metadata.display.text).not.toContain("system-reminder");
    expect(tool("write")[0].state).toMatchObject({ input: { filePath: "/home/dev/greeter/src/greet.ts" }, metadata: { exists: false } });
    expect(tool("grep")[0].state.input).toMatchObject({ pattern: "export function", include: "*.ts" });
    expect(tool("todowrite")[0].state.input.todos[0]).toMatchObject({ content: "Survey the repository layout", status: "in_progress", priority: "medium" });
    expect(tool("task")[0].state.input).toMatchObject({ subagent_type: "code-reviewer", description: "Review greet.ts" });
    expect(tool("webfetch")[0].state.input).toMatchObject({ url: "https://nodejs.org/api/test.html", format: "markdown" });
    for (const p of tools) expect(["completed", "error"]).toContain(p.state.status);
  });

  it("gives Edit (from structuredPatch) and MultiEdit (diffed here) a unified diff", () => {
    const [edit, multi] = tool("edit");
    expect(edit.state.metadata.diff).toContain("@@ -1,3 +1,4 @@\n export function greet(name: string): string {\n-  return `Hello, ${name}!`;");
    expect(edit.state.metadata.filediff).toMatchObject({ additions: 2, deletions: 1 });
    expect(multi.state.input.edits).toHaveLength(2);
    expect(multi.state.metadata.diff).toContain('+import { greet } from "./greet";');
    expect(multi.state.metadata.diff).toContain("-  console.log(`Hello, ${name}!`);\n+  console.log(greet(name));");
  });

  it("keeps an error result as an error state and a 5,000-line output whole", () => {
    const [failed, long] = tool("bash");
    expect(failed.state).toMatchObject({ status: "error", error: expect.stringContaining("AssertionError") });
    expect(long.state.output.split("\n")).toHaveLength(5000);
    expect(long.state.metadata).toMatchObject({ exit: 0 });
  });

  it("maps a sidechain to a subtask part and sidechain assistant messages", () => {
    const sidechain = of("message").filter((m) => m.agent === "sidechain");
    expect(sidechain.length).toBeGreaterThanOrEqual(2);
    const subtask = parts.find((p) => p.type === "subtask");
    expect(subtask).toMatchObject({ agent: "sidechain", prompt: expect.stringContaining("Review src/greet.ts") });
    expect(parts.filter((p) => sidechain.some((m) => m.id === p.messageID) && p.type === "tool")[0].tool).toBe("read");
  });

  it("maps a compact boundary to a compaction part and the compact summary to a summary message", () => {
    const compaction = parts.find((p) => p.type === "compaction");
    expect(compaction).toMatchObject({ auto: false });
    const summary = of("message").find((m) => m.summary === true);
    expect(parts.find((p) => p.messageID === summary.id && p.type === "text").text).toContain("continued from a previous conversation");
  });

  it("keeps lines it does not understand as unknown parts and counts them", () => {
    expect(converted.unknown).toBe(1);
    expect(parts.find((p) => p.type === "unknown")).toMatchObject({ format: "claude-code", data: { type: "agent-handoff" } });
    const broken = convertClaudeCode(
      [
        line({ type: "user", message: { role: "user", content: "hi" } }),
        "{not json",
        line({ type: "user", message: { role: "user", content: [{ type: "video", url: "x" }] } }),
      ].join("\n"),
    );
    expect(broken.unknown).toBe(2);
    expect(broken.items.filter((i) => i.type === "part" && i.data.type === "unknown").map((i) => i.data.data)).toEqual([
      "{not json",
      { type: "video", url: "x" },
    ]);
  });

  it("ends a call that never got its result as an error, and is stable across runs (same ids)", () => {
    const open = convertClaudeCode(
      line({
        type: "assistant",
        message: { id: "m1", role: "assistant", model: "claude-x", content: [{ type: "tool_use", id: "t1", name: "Bash", input: { command: "sleep 100" } }] },
      }),
    );
    const part = open.items.find((i) => i.type === "part").data;
    expect(part.state).toMatchObject({ status: "error", error: expect.stringContaining("No result") });
    expect(convertClaudeCode(fixture).items).toEqual(converted.items);
  });

  it("orders part and message ids as they were created", () => {
    const ids = parts.map((p) => p.id);
    expect([...ids].sort()).toEqual(ids);
  });
});
