// The two export formats, on the recorded OpenCode tour (every offline tool, a 5,000-line output).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DataItem } from "../schema";
import { buildConversation } from "../view/conversation";
import { shareToMarkdown } from "./markdown";
import { fence, cutOutput } from "./markdown-text";
import { toOpencodeExport } from "./opencode-json";

const fixtures = path.join(__dirname, "..", "..", "e2e", "fixtures");
const tour: DataItem[] = JSON.parse(fs.readFileSync(path.join(fixtures, "tour", "share-data.json"), "utf8"));
const options = { shareUrl: "https://parley.example.com/s/abc123", origin: "https://parley.example.com", shareId: "abc123" };

describe("shareToMarkdown", () => {
  const md = shareToMarkdown(buildConversation(tour), options);

  it("has the title, the facts, a heading per turn and who spoke", () => {
    expect(md.startsWith("# Tour of the greeter project\n\nOpenCode session · 24 messages · Mock Model 1")).toBe(true);
    expect(md).toContain("Shared at <https://parley.example.com/s/abc123>");
    expect(md.match(/^## Turn \d+$/gm)).toEqual(["## Turn 1", "## Turn 2"]);
    expect(md).toContain("### User\n\nGive me a tour of this repo");
    expect(md).toContain("### OpenCode\n");
  });

  it("puts each tool call in a fenced block with its command or path", () => {
    expect(md).toContain("**Shell** `ls -la && git status --short`\n\n```sh\n$ ls -la && git status --short\n```");
    expect(md).toMatch(/\*\*Write\*\* `src\/greet\.ts`\n\n```typescript\nexport function greet/);
    expect(md).toMatch(/\*\*Edit\*\* `src\/greet\.ts`\n\n```diff\n/);
    expect(md).toMatch(/- \[x\] /); // the completed plan
  });

  it("cuts long outputs with a note that links the full text", () => {
    const note = md.match(
      /_Output cut: showing 40 of [\d,]+ lines \([\d.]+ KB in total\)\. Full output: <https:\/\/parley\.example\.com\/s\/abc123\/raw\/prt_\w+>_/g,
    );
    expect(note?.length).toBeGreaterThanOrEqual(1);
    expect(md.length).toBeLessThan(60_000);
  });

  it("shows tool errors, and never what the page hides (synthetic text, step parts)", () => {
    expect(md).toContain("Error:\n```text\n");
    expect(md).not.toContain("step-start");
  });
});

describe("markdown helpers", () => {
  it("fences content that itself contains fences", () => {
    expect(fence("a\n```\nb", "md")).toEqual(["````md", "a\n```\nb", "````"]);
  });
  it("leaves short output alone", () => {
    expect(cutOutput("one\ntwo\n", "u")).toEqual({ text: "one\ntwo" });
  });
});

describe("toOpencodeExport", () => {
  it("has the shape `opencode export` writes, equal to the client's own export of the same session", () => {
    const doc = toOpencodeExport(tour)!;
    // The client's own `opencode export` of the recorded session (e2e/fixtures/README.md).
    const client = JSON.parse(fs.readFileSync(path.join(fixtures, "tour", "session-export.json"), "utf8")) as typeof doc;
    expect(Object.keys(doc)).toEqual(Object.keys(client));
    expect(doc.info).toEqual(client.info);
    expect(doc.messages.map((m) => m.info)).toEqual(client.messages.map((m) => m.info));
    expect(doc.messages.map((m) => m.parts)).toEqual(client.messages.map((m) => m.parts));
  });

  it("turns a part type OpenCode does not know into synthetic text (its import refuses unknown types), and needs a session", () => {
    const items: DataItem[] = [
      { type: "session", data: { id: "ses_1", title: "T", time: { created: 1 } } },
      { type: "message", data: { id: "msg_1", sessionID: "ses_1", role: "assistant", time: { created: 2 } } },
      { type: "part", data: { id: "prt_1", sessionID: "ses_1", messageID: "msg_1", type: "unknown", format: "codex", data: { type: "ghost_snapshot" } } },
    ];
    const part = toOpencodeExport(items)!.messages[0].parts[0];
    expect(part).toMatchObject({ id: "prt_1", type: "text", synthetic: true, text: expect.stringContaining('"ghost_snapshot"') });
    expect(toOpencodeExport(items.slice(1))).toBeNull();
  });
});
