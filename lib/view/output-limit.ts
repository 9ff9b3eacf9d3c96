// Long tool outputs: past OUTPUT_LIMIT_BYTES or OUTPUT_LIMIT_LINES the page shows only the first lines
// and links the whole text at its raw URL (lib/view/content-urls.ts toolOutputUrl), so a 50,000-line build
// log costs the page a few kilobytes instead of megabytes of HTML and DOM.

export const OUTPUT_LIMIT_BYTES = 20 * 1024;
export const OUTPUT_LIMIT_LINES = 300;
/** How much of a long output the page keeps: the first lines, within a byte budget. */
export const OUTPUT_PREVIEW_LINES = 100;
export const OUTPUT_PREVIEW_BYTES = 8 * 1024;

export type LimitedOutput = { text: string; full?: { lines: number; bytes: number } };

function lineCount(text: string, stopAfter = Infinity): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && n <= stopAfter; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** `text` itself when within the limits; otherwise its first lines plus the whole text's size. */
export function limitOutput(text: string): LimitedOutput {
  const body = text.replace(/\n+$/, "");
  // A UTF-8 byte is at most one UTF-16 unit, so a short string is under the byte limit without counting.
  const bytes = body.length * 3 <= OUTPUT_LIMIT_BYTES ? body.length : Buffer.byteLength(body, "utf8");
  if (bytes <= OUTPUT_LIMIT_BYTES && lineCount(body, OUTPUT_LIMIT_LINES) <= OUTPUT_LIMIT_LINES) return { text: body };
  const lines = body.split("\n");
  const kept: string[] = [];
  let budget = OUTPUT_PREVIEW_BYTES;
  for (const line of lines.slice(0, OUTPUT_PREVIEW_LINES)) {
    if (line.length + 1 > budget) {
      if (kept.length === 0) kept.push(line.slice(0, budget)); // one enormous first line: cut inside it
      break;
    }
    kept.push(line);
    budget -= line.length + 1;
  }
  return { text: kept.join("\n"), full: { lines: lines.length, bytes: Buffer.byteLength(text, "utf8") } };
}
