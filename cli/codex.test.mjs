// The Codex mapping, on the fixture in e2e/fixtures/codex/ and on small cases.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertCodex } from "./codex.mjs";
import { codexPatchToUnified, commandLine, parseCallOutput } from "./codex-tools.mjs";
import { convertText } from "./convert.mjs";

const dir = path.join(__dirname, "..", "e2e", "fixtures", "codex");
const fixture = fs.readFileSync(
  path.join(
    dir,
    fs.readdirSync(dir).find((f) => f.endsWith(".jsonl")),
  ),
  "utf8",
);
const converted = convertCodex(fixture);
const of = (type) => converted.items.filter((i) => i.type === type).map((i) => i.data);
const parts = of("part");
const tools = parts.filter((p) => p.type === "tool");
const tool = (name) => tools.filter((p) => p.tool === name);

describe("Codex rollout -> OpenCode session", () => {
  it("is recognised and carries its source, directory, version and model", () => {
    expect(convertText(fixture).format).toBe("codex");
    const [session] = of("session");
    expect(session).toMatchObject({
      directory: "/home/dev/greeter",
      version: "0.46.0",
      source: { agent: "codex", sessionID: "0199a8e2-6c4d-7a10-b3f5-52d9e07c4b81" },
    });
    expect(of("message").find((m) => m.role === "assistant")).toMatchObject({ modelID: "gpt-5-codex", providerID: "openai" });
    expect(of("model")[0]).toEqual([{ id: "gpt-5-codex", providerID: "openai", name: "gpt-5-codex" }]);
  });

  it("keeps the injected preambles as hidden synthetic text and the prompt (with its image) visible", () => {
    const synthetic = parts.filter((p) => p.synthetic === true);
    expect(synthetic.map((p) => p.text.slice(0, 20))).toEqual(["<user_instructions>\n", "<environment_context"]);
    const prompt = parts.find((p) => p.type === "text" && p.text.startsWith("Add a greet(name)"));
    expect(parts.find((p) => p.messageID === prompt.messageID && p.type === "file")).toMatchObject({ mime: "image/png" });
    expect(converted.title).toMatch(/^Add a greet\(name\) helper/);
  });

  it("maps reasoning summaries, shell calls (argv -> command line), plans, patches and searches", () => {
    expect(parts.find((p) => p.type === "reasoning").text).toContain("Inspecting the repository");
    expect(tool("bash").map((p) => p.state.input.command)).toEqual([
      "ls -la && git status --short",
      "npm test",
      "seq -f 'build step %g ok' 1 5000",
      "rg -n greet src",
    ]);
    expect(tool("todowrite")[0].state.input.todos).toEqual([
      { content: "Create src/greet.ts", status: "in_progress", priority: "medium", id: "1" },
      { content: "Use greet() in src/index.ts", status: "pending", priority: "medium", id: "2" },
      { content: "Run npm test", status: "pending", priority: "medium", id: "3" },
    ]);
    const [added, updated] = tool("apply_patch");
    expect(added.state.metadata.diff).toContain("+++ src/greet.ts\n@@ -0,0 +1,3 @@\n+export function greet");
    expect(updated.state.metadata.diff).toContain("-  console.log(`Hello, ${name}!`);\n+  console.log(greet(name));");
    expect(tool("websearch")[0].state).toMatchObject({ status: "completed", input: { query: "node:test assert.equal strict message" } });
    expect(tool("github__create_issue")[0].state.output).toContain('"number": 43');
  });

  it("a failed command is completed with its exit code; a failed tool is an error; 5,000 lines stay whole", () => {
    const npmTest = tool("bash")[1];
    expect(npmTest.state).toMatchObject({ status: "completed", metadata: { exit: 1 } });
    expect(tool("apply_patch")[2].state).toMatchObject({ status: "error", error: expect.stringContaining("verification failed") });
    expect(tool("bash")[2].state.output.split("\n").filter(Boolean)).toHaveLength(5000);
  });

  it("maps compaction, token counts and an interrupted turn", () => {
    expect(parts.some((p) => p.type === "compaction")).toBe(true);
    expect(of("message").find((m) => m.summary === true)).toBeDefined();
    const assistants = of("message").filter((m) => m.role === "assistant");
    // one assistant message per model call: a new one after every batch of tool results
    expect(assistants.length).toBeGreaterThan(8);
    const turn1 = assistants.filter((m) => !m.summary && !m.error);
    expect(turn1.reduce((n, m) => n + m.tokens.input + m.tokens.cache.read, 0)).toBe(9120 + 11890 + 14020);
    expect(of("message").at(-1).error).toMatchObject({ name: "MessageAbortedError" });
  });

  it("keeps what it does not understand as unknown parts and counts them", () => {
    expect(converted.unknown).toBe(1);
    expect(parts.find((p) => p.type === "unknown")).toMatchObject({ format: "codex", data: { type: "ghost_snapshot" } });
    const odd = convertCodex(
      [
        '{"timestamp":"2026-01-01T00:00:00Z","type":"session_meta","payload":{"id":"x-1"}}',
        "garbage",
        '{"timestamp":"2026-01-01T00:00:01Z","type":"event_msg","payload":{"type":"brand_new_event"}}',
      ].join("\n"),
    );
    expect(odd.unknown).toBe(2);
  });
});

describe("Codex helpers", () => {
  it("commandLine quotes argv that is not a shell -c call", () => {
    expect(commandLine(["bash", "-lc", "echo hi | wc"])).toBe("echo hi | wc");
    expect(commandLine(["rg", "-n", "a b", "src"])).toBe("rg -n 'a b' src");
  });
  it("parseCallOutput reads both output formats", () => {
    expect(parseCallOutput('{"output":"ok\\n","metadata":{"exit_code":2}}')).toEqual({ text: "ok\n", exit: 2, failed: false });
    expect(parseCallOutput("Exit code: 0\nWall time: 1 seconds\nOutput:\nhello")).toEqual({ text: "hello", exit: 0, failed: false });
    expect(parseCallOutput("Plan updated")).toEqual({ text: "Plan updated", exit: undefined, failed: false });
  });
  it("codexPatchToUnified turns a move and a delete into diff headers", () => {
    const diff = codexPatchToUnified("*** Begin Patch\n*** Update File: a.ts\n*** Move to: b.ts\n@@\n-x\n+y\n*** Delete File: c.ts\n*** End Patch");
    expect(diff).toContain("--- b.ts\n+++ b.ts\n@@ -1,1 +1,1 @@\n-x\n+y");
    expect(diff).toContain("Index: c.ts");
  });
});
