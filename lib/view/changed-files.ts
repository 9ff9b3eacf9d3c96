// The files a session changed, and their totals: one source for the header's list, the diffs below
// it, the preview description and the card, so all of them say the same numbers.
import type { Conversation } from "./conversation";
import type { FileDiff } from "../schema";
import { diffCounts } from "./diff";

export type ChangedFile = {
  path: string;
  additions: number;
  deletions: number;
  status?: string;
  patch?: string;
  anchor: string;
};
export type FilesChanged = { count: number; additions: number; deletions: number };

/** A stable, URL-safe anchor for a changed file. */
export function fileAnchor(path: string): string {
  return `file-${
    path
      .replace(/[^A-Za-z0-9._-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 120) || "unnamed"
  }`;
}

/** Accepts all three FileDiff shapes (SDK v1 {file,before,after}, v2 {path,patch}, SnapshotFileDiff). */
export function normaliseDiff(d: FileDiff): ChangedFile | null {
  const path = d.file ?? d.path;
  if (!path) return null; // nothing a reader could find or open: not counted either
  return {
    path,
    ...diffCounts(d, d.patch),
    status: d.status,
    patch: d.patch,
    anchor: fileAnchor(path),
  };
}

// session_diff when the client sent one (newer clients), else the session summary's diffs, else the
// user turns' diffs (OpenCode 1.18 sends an empty session_diff; each user message carries its turn's).
function diffSource(c: Conversation): FileDiff[] {
  const sources: FileDiff[][] = [
    c.sessionDiff,
    c.session?.summary?.diffs ?? [],
    c.messages.flatMap(({ info }) => (info.role === "user" && typeof info.summary === "object" ? (info.summary.diffs ?? []) : [])),
  ];
  return sources.find((s) => s.length > 0) ?? [];
}

/**
 * Files changed, one entry per path in order of first change. A file changed in several turns has
 * one diff per turn: their counts add up and their patches are shown one after the other.
 */
export function changedFiles(c: Conversation): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const d of diffSource(c)) {
    const f = normaliseDiff(d);
    if (!f) continue;
    const seen = byPath.get(f.path);
    if (!seen) {
      byPath.set(f.path, f);
      continue;
    }
    seen.additions += f.additions;
    seen.deletions += f.deletions;
    seen.status = f.status ?? seen.status;
    if (f.patch) seen.patch = seen.patch ? `${seen.patch.replace(/\n*$/, "")}\n${f.patch}` : f.patch;
  }
  return [...byPath.values()];
}

/** Totals of changedFiles; a client that sent no diffs but a session summary is taken at its word. */
export function filesChangedTotals(c: Conversation): FilesChanged | null {
  const files = changedFiles(c);
  if (files.length > 0) {
    return {
      count: files.length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
    };
  }
  const summary = c.session?.summary;
  if (summary?.files) return { count: summary.files, additions: summary.additions ?? 0, deletions: summary.deletions ?? 0 };
  return null;
}
