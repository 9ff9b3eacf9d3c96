// OpenCode's read output: `<content>` lines numbered "N: ". Shared by the read renderer, the code route
// and the Markdown export.
import { tagged } from "./tool-data";

/**
 * Strips the line-number prefixes OpenCode puts on each line of a read's content: "N: " today,
 * "00001| " in the `<file>` output of older clients.
 */
export function stripLineNumbers(content: string): { text: string; start: number } {
  const lines = content
    .replace(/\n*\(End of file[^)]*\)\s*$/, "")
    .replace(/\n+$/, "")
    .split("\n");
  const prefix = [/^(\d+): ?/, /^(\d{5,})\| ?/].find((p) => p.test(lines[0] ?? ""));
  if (!prefix || !lines.every((l) => prefix.test(l))) return { text: content, start: 1 };
  return { text: lines.map((l) => l.replace(prefix, "")).join("\n"), start: Number(prefix.exec(lines[0])![1]) };
}

/**
 * The file text a read returned and its first line number: the client's display text when it sent
 * one, else the numbered `<content>` of the output. One reading for the page, the code route and the
 * export. (`fallback` is what the output itself gives when there is no `<content>`.)
 */
export function readText(display: Record<string, unknown>, output: string, fallback = ""): { text: string; start: number } {
  if (typeof display.text === "string") return { text: display.text, start: typeof display.lineStart === "number" ? display.lineStart : 1 };
  return stripLineNumbers(tagged(output, "content") ?? tagged(output, "file") ?? fallback);
}
