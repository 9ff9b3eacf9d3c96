// Fenced blocks that survive any content, and long outputs cut to a readable start.
import { formatBytes } from "../view/format";

/** A fence longer than any backtick run inside the text, so the content cannot close it early. */
export function fence(text: string, lang = ""): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return [`${ticks}${lang}`, text.replace(/\n+$/, ""), ticks];
}

// A pull request comment is read, not scrolled: 40 lines / 4 KB of an output say what happened.
export const CUT_LINES = 40;
export const CUT_BYTES = 4 * 1024;

export type Cut = { text: string; note?: string };

/** The text itself when short; else its first lines and a note with the full size and where to read it. */
export function cutOutput(text: string, fullUrl: string): Cut {
  const body = text.replace(/\n+$/, "");
  const lines = body.split("\n");
  const bytes = Buffer.byteLength(body, "utf8");
  if (lines.length <= CUT_LINES && bytes <= CUT_BYTES) return { text: body };
  const kept: string[] = [];
  let budget = CUT_BYTES;
  for (const line of lines.slice(0, CUT_LINES)) {
    if (line.length + 1 > budget) {
      if (kept.length === 0) kept.push(line.slice(0, budget));
      break;
    }
    kept.push(line);
    budget -= line.length + 1;
  }
  const note = `_Output cut: showing ${kept.length} of ${lines.length.toLocaleString("en-US")} lines (${formatBytes(bytes)} in total). Full output: <${fullUrl}>_`;
  return { text: kept.join("\n"), note };
}
