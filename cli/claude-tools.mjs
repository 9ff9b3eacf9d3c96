// Claude Code's tools onto OpenCode's: names and input keys as OpenCode writes them, so the viewer's
// renderers (terminal, code, diff, checklist, subagent, fetch) draw them; metadata as OpenCode's own
// tools record it (a read's display, an edit's diff). Any other tool keeps its name and input and is
// drawn by the fallback renderer.
import { diffCounts, hunk, structuredHunks, unifiedDiff } from "./diff.mjs";

/** @typedef {Record<string, any>} Rec */

const s = (v) => (typeof v === "string" ? v : undefined);
const defined = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** @returns {{tool: string, input: Rec}} */
export function mapClaudeTool(name, input) {
  const i = input && typeof input === "object" ? input : {};
  switch (name) {
    case "Bash":
      return {
        tool: "bash",
        input: defined({ command: s(i.command) ?? "", description: s(i.description), timeout: i.timeout, run_in_background: i.run_in_background }),
      };
    case "Read":
      return { tool: "read", input: defined({ filePath: s(i.file_path) ?? "", offset: i.offset, limit: i.limit }) };
    case "Write":
      return { tool: "write", input: { filePath: s(i.file_path) ?? "", content: s(i.content) ?? "" } };
    case "Edit":
      return {
        tool: "edit",
        input: defined({ filePath: s(i.file_path) ?? "", oldString: s(i.old_string) ?? "", newString: s(i.new_string) ?? "", replaceAll: i.replace_all }),
      };
    case "MultiEdit":
      return {
        tool: "edit",
        input: {
          filePath: s(i.file_path) ?? "",
          edits: (Array.isArray(i.edits) ? i.edits : []).map((e) =>
            defined({ oldString: s(e?.old_string) ?? "", newString: s(e?.new_string) ?? "", replaceAll: e?.replace_all }),
          ),
        },
      };
    case "Grep": {
      const { pattern, path, glob, type, ...flags } = i;
      return { tool: "grep", input: defined({ pattern: s(pattern) ?? "", path: s(path), include: s(glob) ?? s(type), ...flags }) };
    }
    case "Glob":
      return { tool: "glob", input: defined({ pattern: s(i.pattern) ?? "", path: s(i.path) }) };
    case "TodoWrite":
      return {
        tool: "todowrite",
        input: {
          todos: (Array.isArray(i.todos) ? i.todos : []).map((t, n) =>
            defined({
              content: s(t?.content) ?? "",
              status: s(t?.status) ?? "pending",
              priority: s(t?.priority) ?? "medium",
              id: s(t?.id) ?? String(n + 1),
              activeForm: s(t?.activeForm),
            }),
          ),
        },
      };
    case "Task":
      return {
        tool: "task",
        input: defined({ description: s(i.description) ?? "", prompt: s(i.prompt) ?? "", subagent_type: s(i.subagent_type) ?? "general-purpose" }),
      };
    case "WebFetch":
      return { tool: "webfetch", input: defined({ url: s(i.url) ?? "", format: "markdown", prompt: s(i.prompt) }) };
    default:
      return { tool: String(name || "unknown"), input: i };
  }
}

/** The header line OpenCode gives a completed call. */
export function toolTitle(tool, input) {
  return s(input.command) ?? s(input.filePath) ?? s(input.pattern) ?? s(input.url) ?? s(input.description) ?? tool;
}

// Claude Code numbers read output like `cat -n` ("    12→line") and may append a <system-reminder>.
const NUMBERED = /^\s*(\d+)\u2192(.*)$/;

/** A read's display metadata (what OpenCode's read tool records) from Claude Code's numbered output. */
export function readDisplay(path, output) {
  const body = output.replace(/\n*<system-reminder>[\s\S]*$/, "");
  const lines = body.replace(/\n+$/, "").split("\n");
  const parsed = lines.map((l) => NUMBERED.exec(l));
  if (!parsed.length || parsed.some((m) => !m)) return undefined;
  const start = Number(parsed[0][1]);
  return { type: "file", path, text: parsed.map((m) => m[2]).join("\n"), lineStart: start, lineEnd: start + parsed.length - 1 };
}

/** Metadata for a completed call, from its input, its output and Claude Code's toolUseResult. */
export function completedMetadata(tool, input, output, result) {
  const r = result && typeof result === "object" ? result : {};
  switch (tool) {
    case "bash":
      return defined({ output, exit: 0, description: input.description, interrupted: r.interrupted === true ? true : undefined });
    case "read":
      return defined({ display: readDisplay(input.filePath, output) });
    case "write":
      return defined({ filepath: input.filePath, exists: r.type === "update" ? true : r.type === "create" ? false : undefined });
    case "edit": {
      const fromResult = structuredHunks(r.structuredPatch);
      const hunks = fromResult.length
        ? fromResult
        : Array.isArray(input.edits)
          ? input.edits.map((e) => hunk(e.oldString, e.newString))
          : [hunk(input.oldString ?? "", input.newString ?? "")];
      const diff = unifiedDiff(input.filePath, hunks);
      return { diff, filediff: { file: input.filePath, patch: diff, ...diffCounts(diff) } };
    }
    case "todowrite":
      return { todos: input.todos };
    default:
      return {};
  }
}
