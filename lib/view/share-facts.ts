// The facts a share's header, preview tags and card show: counts, models, files changed, date.
// Only facts, never conversation text: an unfurl must not leak what was said (the title is the one
// piece of content shown, because the sharer chose it).
import type { Conversation } from "./conversation";
import { filesChangedTotals, type FilesChanged } from "./changed-files";
import { formatNumber, plural } from "./format";
import { modelNames } from "./model-names";
import { sourceLabel } from "./source-agent";

export type { FilesChanged };

export type ShareFacts = {
  /** The agent the session came from: "OpenCode", "Claude Code", "Codex". */
  source: string;
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
    source: sourceLabel(session),
    title: session?.title?.replace(/\s+/g, " ").trim() ?? "",
    messageCount: messages.length,
    models: modelNames(conversation),
    files: filesChangedTotals(conversation),
    createdAt: validTime(session?.time.created) ?? validTime(messages[0]?.info.time.created) ?? null,
  };
}

// A client may send any finite number as a time; one that is no valid Date (1e308) made the card
// and the preview tags throw (a 500). Such a time is treated as unknown.
const validTime = (ms: number | undefined) => (ms !== undefined && !Number.isNaN(new Date(ms).getTime()) ? ms : undefined);

/** "A", "A & B", "A & 2 others"; "" when no model is known. */
export function formatModels(models: string[]): string {
  if (models.length <= 1) return models[0] ?? "";
  if (models.length === 2) return `${models[0]} & ${models[1]}`;
  return `${models[0]} & ${models.length - 1} others`;
}

export const formatMessages = (n: number) => plural(n, "message");

/** "3 files changed" */
export const formatFilesCount = (n: number) => `${plural(n, "file")} changed`;

/** "3 files changed (+120 −8)"; the sign glyph is a parameter because the card font lacks U+2212. */
export function formatFiles(files: FilesChanged, minus = "\u2212"): string {
  return `${formatFilesCount(files.count)} (+${formatNumber(files.additions)} ${minus}${formatNumber(files.deletions)})`;
}

/** "OpenCode session" (or "Claude Code session", "Codex session") " · 42 messages · claude-sonnet-4.5 · 3 files changed (+120 −8)" */
export function describeShare(facts: ShareFacts): string {
  const bits = [`${facts.source} session`, formatMessages(facts.messageCount)];
  const models = formatModels(facts.models);
  if (models) bits.push(models);
  if (facts.files && facts.files.count > 0) bits.push(formatFiles(facts.files));
  return bits.join(" · ");
}
