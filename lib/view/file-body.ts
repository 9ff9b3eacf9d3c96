// What a read, write or edit tool part shows: a read's returned content (within the page's output
// limit) or a write's content, with its first line number and its path; an edit's diff. One reading
// for the page's tools and the code route that serves a long body whole (app/s/[id]/code/[partId]).
import { limitOutput } from "./output-limit";
import { readText } from "./read-output";
import { rec, str, type Rec } from "./tool-data";

export type FileBody = { text: string; start: number; path?: string; full?: { lines: number; bytes: number } };

/** A long body shows its first PREVIEW_LINES lines; above OPEN_LINES the rest waits to be asked for. */
export const OPEN_LINES = 24;
export const PREVIEW_LINES = 12;

export function fileBody(tool: string, state: Rec): FileBody | null {
  const input = rec(state.input);
  const path = str(input, "filePath");
  if (tool === "write") return { text: str(input, "content") ?? "", start: 1, path };
  if (tool !== "read" || state.status !== "completed" || typeof state.output !== "string") return null;
  const parsed = readText(rec(rec(state.metadata).display), state.output);
  const shown = limitOutput(parsed.text);
  return { text: shown.text, start: parsed.start, path, full: shown.full };
}

/** The diff an edit recorded: `metadata.diff`, or the patch of its `filediff`. */
export function editPatch(metadata: Rec): string | undefined {
  return str(metadata, "diff") ?? str(rec(metadata.filediff), "patch");
}

/** The first lines of a long body, or null when it is short enough to show whole. */
export function previewOf(text: string): { text: string; lines: number } | null {
  const lines = text.replace(/\n$/, "").split("\n");
  return lines.length > OPEN_LINES ? { text: lines.slice(0, PREVIEW_LINES).join("\n"), lines: lines.length } : null;
}
