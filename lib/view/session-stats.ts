// The numbers in the page header: models, agents, totals and the files the session changed.
import type { Conversation } from "./conversation";
import type { FileDiff } from "../schema";
import { parseUnifiedDiff } from "./diff";

export type TokenTotals = { input: number; output: number; reasoning: number; cacheRead: number; cacheWrite: number };
export type ChangedFile = {
  path: string;
  additions: number;
  deletions: number;
  status?: string;
  patch?: string;
  anchor: string;
};
export type SessionStats = {
  created?: number;
  updated?: number;
  models: string[];
  agents: string[];
  version?: string;
  messages: number;
  toolCalls: number;
  tokens: TokenTotals;
  cost: number;
  wallMs?: number;
  files: ChangedFile[];
};

const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** A stable, URL-safe anchor for a changed file. */
export function fileAnchor(path: string): string {
  return `file-${path.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 120) || "unnamed"}`;
}

/** Accepts all three FileDiff shapes (SDK v1 {file,before,after}, v2 {path,patch}, SnapshotFileDiff). */
export function normaliseDiff(d: FileDiff): ChangedFile | null {
  const path = d.file ?? d.path;
  if (!path) return null;
  const parsed = d.patch ? parseUnifiedDiff(d.patch)[0] : undefined;
  return {
    path,
    additions: d.additions ?? parsed?.additions ?? 0,
    deletions: d.deletions ?? parsed?.deletions ?? 0,
    status: d.status,
    patch: d.patch,
    anchor: fileAnchor(path),
  };
}

/** Files changed: session_diff when the client sent one, else the session summary, else the user turns' diffs. */
export function changedFiles(c: Conversation): ChangedFile[] {
  const sources: FileDiff[][] = [
    c.sessionDiff,
    c.session?.summary?.diffs ?? [],
    c.messages.flatMap(({ info }) =>
      info.role === "user" && typeof info.summary === "object" ? (info.summary.diffs ?? []) : [],
    ),
  ];
  const source = sources.find((s) => s.length > 0) ?? [];
  const byPath = new Map<string, ChangedFile>();
  for (const d of source) {
    const f = normaliseDiff(d);
    if (f) byPath.set(f.path, f); // a later turn's diff of the same file is the newer picture
  }
  return [...byPath.values()];
}

export function sessionStats(c: Conversation): SessionStats {
  const msgs = c.messages.map((m) => m.info);
  const assistants = msgs.filter((m) => m.role === "assistant");
  const uniq = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

  const usedIds = uniq(msgs.map((m) => (m.providerID && m.modelID ? `${m.providerID}/${m.modelID}` : m.model ? `${m.model.providerID}/${m.model.modelID}` : undefined)));
  const named = new Map(c.models.map((m) => [`${m.providerID}/${m.id}`, m.name || m.id]));
  const models = usedIds.length ? usedIds.map((id) => named.get(id) ?? id) : uniq(c.models.map((m) => m.name || m.id));

  const summed = assistants.reduce<TokenTotals>(
    (t, m) => ({
      input: t.input + n(m.tokens?.input),
      output: t.output + n(m.tokens?.output),
      reasoning: t.reasoning + n(m.tokens?.reasoning),
      cacheRead: t.cacheRead + n(m.tokens?.cache?.read),
      cacheWrite: t.cacheWrite + n(m.tokens?.cache?.write),
    }),
    { input: 0, output: 0, reasoning: 0, cacheRead: 0, cacheWrite: 0 },
  );
  const st = c.session?.tokens;
  const tokens = st
    ? { input: n(st.input), output: n(st.output), reasoning: n(st.reasoning), cacheRead: n(st.cache?.read), cacheWrite: n(st.cache?.write) }
    : summed;

  const starts = msgs.map((m) => m.time.created);
  const ends = msgs.map((m) => m.time.completed ?? m.time.created);
  const wallMs = starts.length ? Math.max(...ends) - Math.min(...starts) : undefined;

  return {
    created: c.session?.time.created ?? (starts.length ? Math.min(...starts) : undefined),
    updated: c.session?.time.updated ?? (ends.length ? Math.max(...ends) : undefined),
    models,
    agents: uniq(msgs.map((m) => m.agent ?? m.mode)),
    version: c.session?.version,
    messages: msgs.length,
    toolCalls: c.messages.reduce((k, m) => k + m.parts.filter((p) => p.type === "tool").length, 0),
    tokens,
    cost: c.session?.cost ?? assistants.reduce((s, m) => s + n(m.cost), 0),
    wallMs,
    files: changedFiles(c),
  };
}
