// OpenCode's read output: `<content>` lines numbered "N: ". Shared by the read renderer and the Markdown export.

/** Strips the "N: " prefixes OpenCode puts on each line of a read's <content>. */
export function stripLineNumbers(content: string): { text: string; start: number } {
  const lines = content
    .replace(/\n*\(End of file[^)]*\)\s*$/, "")
    .replace(/\n+$/, "")
    .split("\n");
  const first = /^(\d+): /.exec(lines[0] ?? "");
  if (!first || !lines.every((l) => /^\d+: ?/.test(l))) return { text: content, start: 1 };
  return { text: lines.map((l) => l.replace(/^\d+: ?/, "")).join("\n"), start: Number(first[1]) };
}
