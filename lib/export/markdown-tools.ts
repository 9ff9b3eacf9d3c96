// One tool call as Markdown: a bold label with its command, path or pattern, then fenced blocks.
import type { ToolPart } from "../schema";
import { languageForPath } from "../render/languages";
import { relativePath } from "../view/paths";
import { arr, rec, str, tagged, type Rec } from "../view/tool-data";
import { hasAnsi, parseAnsi } from "../view/ansi";
import { readText } from "../view/read-output";
import { cutOutput, fence } from "./markdown-text";

export type ToolMarkdownContext = { origin: string; shareId: string; directory?: string };

const LABELS: Record<string, string> = {
  bash: "Shell",
  read: "Read",
  write: "Write",
  edit: "Edit",
  grep: "Grep",
  glob: "Glob",
  list: "List",
  todowrite: "Plan",
  todoread: "Plan",
  webfetch: "Fetch",
  task: "Subagent",
  patch: "Patch",
  apply_patch: "Patch",
  websearch: "Web search",
  codesearch: "Code search",
};
const todoLine = (status: string, text: string) =>
  status === "completed"
    ? `- [x] ${text}`
    : status === "cancelled"
      ? `- [ ] ~~${text}~~ (cancelled)`
      : status === "in_progress"
        ? `- [ ] ${text} (in progress)`
        : `- [ ] ${text}`;

const code = (s: string) => {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${longest ? " " : ""}${s.replace(/\s+/g, " ")}${longest ? " " : ""}${ticks}`;
};

export function toolMarkdown(part: ToolPart, ctx: ToolMarkdownContext): string[] {
  const state = part.state;
  const input: Rec = rec(state.input);
  const metadata: Rec = rec((state as { metadata?: unknown }).metadata);
  const path = str(input, "filePath") ?? str(input, "path");
  const rel = (p: string | undefined) => (p ? relativePath(p, ctx.directory) : undefined);
  const label = LABELS[part.tool] ?? part.tool;
  // What the call acted on: a command, a file, a search pattern (before the directory it searched).
  const subject =
    str(input, "command") ??
    rel(str(input, "filePath")) ??
    str(input, "pattern") ??
    rel(str(input, "path")) ??
    str(input, "url") ??
    str(input, "description") ??
    str(input, "query");
  const out = [`**${label}**${subject ? ` ${code(subject)}` : ""}`, ""];
  const rawUrl = `${ctx.origin}/s/${ctx.shareId}/raw/${part.id}`;
  const block = (text: string, lang = "text") => {
    // Terminal colours mean nothing in a pull request: keep the text of the runs only.
    const plain = hasAnsi(text)
      ? parseAnsi(text)
          .map((r) => r.text)
          .join("")
      : text;
    const cut = cutOutput(plain, rawUrl);
    return [...fence(cut.text, lang), ...(cut.note ? ["", cut.note] : [])];
  };

  if (state.status === "error") return [...out, ...inputBlock(part.tool, input), "Error:", ...block(state.error)];
  if (state.status !== "completed") return [...out, `_(${state.status}, no result)_`];
  const output = state.output;
  switch (part.tool) {
    case "bash": {
      const exit = typeof metadata.exit === "number" && metadata.exit !== 0 ? [``, `_Exit code ${metadata.exit}_`] : [];
      return [...out, ...fence(`$ ${str(input, "command") ?? ""}`, "sh"), "", ...(output.trim() ? block(output) : ["_No output_"]), ...exit];
    }
    case "read": {
      const display = rec(metadata.display);
      const { text } = readText(display, output, output);
      return [...out, ...block(text, languageForPath(path))];
    }
    case "write":
      return [...out, ...block(str(input, "content") ?? "", languageForPath(path))];
    case "edit":
    case "patch":
    case "apply_patch": {
      const diff = str(metadata, "diff") ?? str(rec(metadata.filediff), "patch") ?? str(input, "patchText") ?? str(input, "input");
      return [...out, ...(diff ? block(diff, "diff") : output.trim() ? block(output) : ["_No diff was recorded._"])];
    }
    case "todowrite":
    case "todoread": {
      const todos = (arr(metadata, "todos").length ? arr(metadata, "todos") : arr(input, "todos")).map(rec);
      return [...out, ...todos.map((t) => todoLine(str(t, "status") ?? "pending", str(t, "content") ?? ""))];
    }
    case "task": {
      const result = tagged(output, "task_result") ?? output;
      return [
        ...out,
        "Prompt:",
        ...block(str(input, "prompt") ?? ""),
        "",
        "Result:",
        "",
        cutOutput(result, rawUrl).text,
        ...(cutOutput(result, rawUrl).note ? ["", cutOutput(result, rawUrl).note!] : []),
      ];
    }
    default:
      // A known tool's label and subject say what it did; an unknown one shows its input.
      return [...out, ...(Object.hasOwn(LABELS, part.tool) ? [] : inputBlock(part.tool, input)), ...(output.trim() ? block(output) : ["_No output_"])];
  }
}

// The input of a tool the reader cannot guess from its label (unknown and MCP tools, and errors).
function inputBlock(tool: string, input: Rec): string[] {
  if (Object.keys(input).length === 0) return [];
  if (tool === "bash" && typeof input.command === "string") return [...fence(`$ ${input.command}`, "sh"), ""];
  return ["Input:", ...fence(JSON.stringify(input, null, 2), "json"), ""];
}
