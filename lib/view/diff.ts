// A small unified-diff parser (the shape OpenCode's edit tool and session diffs carry: an optional
// "Index:" / "===" preamble, ---/+++ headers, @@ hunks). Enough to draw the diff with line numbers.
export type DiffLine = { kind: "add" | "del" | "ctx" | "note"; text: string; oldNo?: number; newNo?: number };
export type DiffHunk = { header: string; lines: DiffLine[] };
export type DiffFile = { oldPath?: string; newPath?: string; hunks: DiffHunk[]; additions: number; deletions: number };

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const stripPath = (raw: string) => {
  const p = raw.replace(/\t.*$/, "").trim();
  return p === "/dev/null" ? undefined : p.replace(/^[ab]\//, "");
};

/** Parses unified diff text into files and hunks; text outside any hunk is ignored. */
export function parseUnifiedDiff(text: string): DiffFile[] {
  const files: DiffFile[] = [];
  let file: DiffFile | undefined;
  let hunk: DiffHunk | undefined;
  let oldNo = 0,
    newNo = 0,
    oldLeft = 0,
    newLeft = 0;
  const startFile = () => {
    file = { hunks: [], additions: 0, deletions: 0 };
    files.push(file);
    return file;
  };
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Inside a hunk the line counts say how many body lines follow, so "--- x" there is a deletion.
    if (hunk && file && (oldLeft > 0 || newLeft > 0)) {
      if (line.startsWith("+")) {
        hunk.lines.push({ kind: "add", text: line.slice(1), newNo: newNo++ });
        file.additions++;
        newLeft--;
      } else if (line.startsWith("-")) {
        hunk.lines.push({ kind: "del", text: line.slice(1), oldNo: oldNo++ });
        file.deletions++;
        oldLeft--;
      } else if (line.startsWith("\\")) {
        hunk.lines.push({ kind: "note", text: line.slice(1).trim() });
      } else {
        hunk.lines.push({ kind: "ctx", text: line.slice(1), oldNo: oldNo++, newNo: newNo++ });
        oldLeft--;
        newLeft--;
      }
      continue;
    }
    if (line.startsWith("\\") && hunk) {
      hunk.lines.push({ kind: "note", text: line.slice(1).trim() });
      continue;
    }
    hunk = undefined;
    if (line.startsWith("Index: ") || line.startsWith("diff --git ")) {
      startFile();
    } else if (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ")) {
      const f = file && file.hunks.length === 0 && file.oldPath === undefined && file.newPath === undefined ? file : startFile();
      f.oldPath = stripPath(line.slice(4));
      f.newPath = stripPath(lines[++i].slice(4));
    } else {
      const h = HUNK.exec(line);
      if (!h) continue;
      const f = file ?? startFile();
      oldNo = Number(h[1]);
      newNo = Number(h[3]);
      oldLeft = h[2] === undefined ? 1 : Number(h[2]);
      newLeft = h[4] === undefined ? 1 : Number(h[4]);
      hunk = { header: line, lines: [] };
      f.hunks.push(hunk);
    }
  }
  return files.filter((f) => f.hunks.length > 0);
}

/** A diff's +/- counts: the ones it states, else counted from its patch's first file, else 0. */
export function diffCounts(stated: { additions?: unknown; deletions?: unknown }, patch?: string): { additions: number; deletions: number } {
  const known = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
  let additions = known(stated.additions);
  let deletions = known(stated.deletions);
  if ((additions === undefined || deletions === undefined) && patch) {
    const parsed = parseUnifiedDiff(patch)[0];
    additions ??= parsed?.additions;
    deletions ??= parsed?.deletions;
  }
  return { additions: additions ?? 0, deletions: deletions ?? 0 };
}
