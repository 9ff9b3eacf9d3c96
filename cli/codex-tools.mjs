// Codex CLI's tools onto OpenCode's: shell calls -> bash (terminal renderer), apply_patch -> a unified
// diff for the patch renderer, update_plan -> todowrite (checklist), web_search -> websearch. Any other
// tool (MCP, view_image, newer ones) keeps its name and arguments for the fallback renderer.
import { diffCounts, unifiedDiff } from "./diff.mjs";

const SHELLS = new Set(["bash", "sh", "zsh", "/bin/bash", "/bin/sh", "/bin/zsh", "/usr/bin/bash"]);

/** A command given as argv (["bash", "-lc", "ls -la"]) as the line a person would type. */
export function commandLine(command) {
  if (typeof command === "string") return command;
  if (!Array.isArray(command)) return "";
  const argv = command.map(String);
  if (argv.length === 3 && SHELLS.has(argv[0]) && (argv[1] === "-lc" || argv[1] === "-c")) return argv[2];
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(" ");
}

/** @returns {{tool: string, input: Record<string, any>}} */
export function mapCodexTool(name, args) {
  const a = args && typeof args === "object" && !Array.isArray(args) ? args : { input: args };
  switch (name) {
    case "shell":
    case "container.exec":
    case "local_shell":
    case "shell_command":
    case "exec_command":
      return {
        tool: "bash",
        input: {
          command: commandLine(a.command ?? a.cmd),
          ...((a.workdir ?? a.working_directory) ? { workdir: a.workdir ?? a.working_directory } : {}),
          ...(a.timeout_ms ? { timeout: a.timeout_ms } : {}),
        },
      };
    case "apply_patch": {
      const patchText = typeof a.input === "string" ? a.input : typeof a.patch === "string" ? a.patch : "";
      return { tool: "apply_patch", input: { patchText } };
    }
    case "update_plan":
      return {
        tool: "todowrite",
        input: {
          todos: (Array.isArray(a.plan) ? a.plan : []).map((p, i) => ({
            content: String(p?.step ?? ""),
            status: String(p?.status ?? "pending"),
            priority: "medium",
            id: String(i + 1),
          })),
          ...(typeof a.explanation === "string" ? { explanation: a.explanation } : {}),
        },
      };
    case "web_search":
      return { tool: "websearch", input: { query: String(a.query ?? "") } };
    default:
      return { tool: String(name || "unknown"), input: a };
  }
}

/**
 * Codex's patch envelope (*** Begin Patch / *** Update File: p / @@ / -old / +new / *** End Patch) as a
 * unified diff. Codex hunks carry no line numbers, so each hunk says line 1; the lines are exact.
 */
export function codexPatchToUnified(patchText) {
  const files = [];
  let file = null;
  let hunkLines = null;
  const endHunk = () => {
    if (file && hunkLines?.length) file.hunks.push(hunkLines);
    hunkLines = null;
  };
  for (const line of patchText.split("\n")) {
    const header = /^\*\*\* (Add|Update|Delete) File: (.+)$/.exec(line);
    if (header) {
      endHunk();
      file = { op: header[1], path: header[2].trim(), hunks: [] };
      files.push(file);
      if (file.op === "Add") hunkLines = [];
    } else if (line.startsWith("*** End Patch")) {
      endHunk();
      file = null;
    } else if (!file || line.startsWith("*** Begin Patch")) continue;
    else if (line.startsWith("*** Move to: ")) file.moveTo = line.slice(13).trim();
    else if (line.startsWith("@@")) {
      endHunk();
      hunkLines = [];
    } else if (/^[ +-]/.test(line)) {
      hunkLines ??= [];
      hunkLines.push(line);
    } else if (line === "") hunkLines?.push(" ");
  }
  endHunk();
  if (!files.length) return "";
  return (
    files
      .map((f) => {
        const hunks = f.hunks.map((lines) => {
          const oldN = lines.filter((l) => !l.startsWith("+")).length;
          const newN = lines.filter((l) => !l.startsWith("-")).length;
          return [`@@ -${oldN ? 1 : 0},${oldN} +${newN ? 1 : 0},${newN} @@`, ...lines].join("\n");
        });
        return unifiedDiff(f.moveTo ?? f.path, hunks).replace(/\n$/, "");
      })
      .join("\n") + "\n"
  );
}

/** A function call's output: plain text, or the JSON {output, metadata: {exit_code}} older versions wrote. */
export function parseCallOutput(raw) {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const text = typeof value.output === "string" ? value.output : typeof value.content === "string" ? value.content : JSON.stringify(value);
    const exit = typeof value.metadata?.exit_code === "number" ? value.metadata.exit_code : undefined;
    return { text, exit, failed: value.success === false };
  }
  const text = typeof value === "string" ? value : String(value ?? "");
  // Newer versions: "Exit code: 0\nWall time: 0.2 seconds\nOutput:\n..."
  const m = /^Exit code: (-?\d+)\n(?:Wall time: [^\n]*\n)?(?:Total output lines: [^\n]*\n)?Output:\n?([\s\S]*)$/.exec(text);
  if (m) return { text: m[2], exit: Number(m[1]), failed: false };
  return { text, exit: undefined, failed: false };
}

/** Completed-state metadata for a mapped Codex call. */
export function codexMetadata(tool, input, output, exit) {
  if (tool === "bash") return { output, exit: exit ?? 0 };
  if (tool === "apply_patch") {
    const diff = codexPatchToUnified(input.patchText ?? "");
    return diff ? { diff, ...diffCounts(diff) } : {};
  }
  if (tool === "todowrite") return { todos: input.todos };
  return {};
}
