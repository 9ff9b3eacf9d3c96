// The facts a share's header, preview tags and card show: counts, models, files changed, date.
// Only facts, never conversation text: an unfurl must not leak what was said (the title is the one
// piece of content shown, because the sharer chose it).
import type { Conversation } from "./conversation";
import type { FileDiff } from "../schema";

export type FilesChanged = { count: number; additions: number; deletions: number };

export type ShareFacts = {
  /** The session title, trimmed; "" when the session has none. */
  title: string;
  messageCount: number;
  /** Display names in order of first use. */
  models: string[];
  files: FilesChanged | null;
  createdAt: number | null;
};

export function computeShareFacts(conversation: Conversation): ShareFacts {
  const { session, messages } = conversation;
  return {
    title: session?.title?.replace(/\s+/g, " ").trim() ?? "",
    messageCount: messages.length,
    models: modelNames(conversation),
    files: filesChanged(conversation),
    createdAt: session?.time.created ?? messages[0]?.info.time.created ?? null,
  };
}

function modelNames({ messages, models }: Conversation): string[] {
  const names = new Map<string, string>();
  for (const m of models) names.set(`${m.providerID}/${m.id}`, m.name?.trim() || m.id);
  const used = new Map<string, string>();
  const add = (providerID: string | undefined, modelID: string | undefined) => {
    if (!modelID) return;
    const key = `${providerID ?? ""}/${modelID}`;
    if (!used.has(key)) used.set(key, names.get(key) ?? modelID);
  };
  for (const { info } of messages) {
    add(info.model?.providerID, info.model?.modelID);
    add(info.providerID, info.modelID);
  }
  // A model item no message refers to was still part of the session (the client sends one per model used).
  for (const [key, name] of names) if (!used.has(key)) used.set(key, name);
  return [...new Set(used.values())];
}

// OpenCode 1.18 sends an empty session_diff and a zero session summary, but each user message carries
// the diffs of its turn; newer clients fill session_diff. Take the most complete source.
function filesChanged({ session, messages, sessionDiff }: Conversation): FilesChanged | null {
  if (sessionDiff.length > 0) return sumDiffs(sessionDiff);
  const turnDiffs = messages.flatMap(({ info }) =>
    typeof info.summary === "object" && info.summary.diffs ? info.summary.diffs : [],
  );
  if (turnDiffs.length > 0) return sumDiffs(turnDiffs);
  const summary = session?.summary;
  if (summary?.files) return { count: summary.files, additions: summary.additions ?? 0, deletions: summary.deletions ?? 0 };
  return null;
}

function sumDiffs(diffs: FileDiff[]): FilesChanged {
  const files = new Set<string>();
  let additions = 0;
  let deletions = 0;
  diffs.forEach((d, i) => {
    files.add(d.file ?? d.path ?? `#${i}`);
    additions += d.additions ?? 0;
    deletions += d.deletions ?? 0;
  });
  return { count: files.size, additions, deletions };
}

/** "A", "A & B", "A & 2 others"; "" when no model is known. */
export function formatModels(models: string[]): string {
  if (models.length <= 1) return models[0] ?? "";
  if (models.length === 2) return `${models[0]} & ${models[1]}`;
  return `${models[0]} & ${models.length - 1} others`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

export const formatMessages = (n: number) => plural(n, "message", "messages");

/** "3 files changed (+120 −8)"; the sign glyph is a parameter because the card font lacks U+2212. */
export function formatFiles(files: FilesChanged, minus = "\u2212"): string {
  return `${plural(files.count, "file", "files")} changed (+${files.additions.toLocaleString("en-US")} ${minus}${files.deletions.toLocaleString("en-US")})`;
}

/** "22 Nov 2026" (UTC, so every server prints the same day). */
export function formatDate(epochMs: number): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(epochMs);
}

/** "OpenCode session · 42 messages · claude-sonnet-4.5 · 3 files changed (+120 −8)" */
export function describeShare(facts: ShareFacts): string {
  const bits = ["OpenCode session", formatMessages(facts.messageCount)];
  const models = formatModels(facts.models);
  if (models) bits.push(models);
  if (facts.files && facts.files.count > 0) bits.push(formatFiles(facts.files));
  return bits.join(" · ");
}
