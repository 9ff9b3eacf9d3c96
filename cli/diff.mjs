// Unified diffs for edits, so the viewer draws Claude Code's Edit/MultiEdit and Codex's apply_patch
// with its diff renderer, exactly as it draws OpenCode's own edit tool (metadata.diff).

// Past this many line pairs the edit is shown as all-removed then all-added: still a correct diff,
// and the CLI never spends seconds on one enormous replacement.
const MAX_CELLS = 4_000_000;

const splitLines = (text) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

/** Line-level edit script between `a` and `b` (longest common subsequence). */
export function diffLines(a, b) {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) return [...a.map((l) => ["-", l]), ...b.map((l) => ["+", l])];
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], in one flat array
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push([" ", a[i++]]);
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) out.push(["-", a[i++]]);
    else out.push(["+", b[j++]]);
  }
  while (i < n) out.push(["-", a[i++]]);
  while (j < m) out.push(["+", b[j++]]);
  return out;
}

/** One hunk replacing `oldText` by `newText` at line `start` (1 when the position is unknown). */
export function hunk(oldText, newText, start = 1) {
  const script = diffLines(splitLines(oldText), splitLines(newText));
  const oldCount = script.filter(([op]) => op !== "+").length;
  const newCount = script.filter(([op]) => op !== "-").length;
  return [`@@ -${oldCount ? start : start - 1},${oldCount} +${newCount ? start : start - 1},${newCount} @@`, ...script.map(([op, line]) => op + line)].join(
    "\n",
  );
}

/** A whole-file unified diff header plus hunks (already formatted). */
export function unifiedDiff(path, hunks) {
  return [`Index: ${path}`, "===================================================================", `--- ${path}`, `+++ ${path}`, ...hunks].join("\n") + "\n";
}

/** Claude Code's structuredPatch ([{oldStart, oldLines, newStart, newLines, lines}]) as hunk texts. */
export function structuredHunks(patch) {
  if (!Array.isArray(patch)) return [];
  return patch
    .filter((h) => h && Array.isArray(h.lines))
    .map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join("\n"));
}

/** Added and removed line counts of a unified diff text. */
export function diffCounts(diff) {
  let additions = 0;
  let deletions = 0;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+") && !line.startsWith("+++")) additions++;
    else if (line.startsWith("-") && !line.startsWith("---")) deletions++;
  }
  return { additions, deletions };
}
