// A share's Data[] in the shape `opencode export` writes ({info, messages: [{info, parts}]}), so that
// `opencode import <file>` rebuilds the session on any machine. Pure: the route reads the store.
import type { DataItem } from "../schema";

type Rec = Record<string, unknown>;
export type OpencodeExport = { info: Rec; messages: Array<{ info: Rec; parts: Rec[] }> };

// The part types OpenCode 1.18 itself knows. Its import refuses the whole file on any other type, so
// a part of another type (a newer client's, or a line our CLI could not convert) travels as a
// synthetic text part that keeps its content: nothing is lost and the file still imports.
export const OPENCODE_PART_TYPES = new Set([
  "text",
  "reasoning",
  "file",
  "tool",
  "step-start",
  "step-finish",
  "snapshot",
  "patch",
  "agent",
  "retry",
  "compaction",
  "subtask",
]);

const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const created = (m: Rec) => (isRec(m.time) && typeof m.time.created === "number" ? m.time.created : 0);
const byId = (a: Rec, b: Rec) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);

function asKnownPart(part: Rec): Rec {
  if (OPENCODE_PART_TYPES.has(String(part.type))) return part;
  const { id, sessionID, messageID, ...rest } = part;
  return {
    id,
    sessionID,
    messageID,
    type: "text",
    synthetic: true,
    text: `Unrecognised ${String(part.type)} item, kept as JSON:\n\n\`\`\`json\n${JSON.stringify(rest, null, 2)}\n\`\`\``,
  };
}

/** null when the share has no session item yet (nothing an import could rebuild). */
export function toOpencodeExport(items: DataItem[]): OpencodeExport | null {
  const session = items.find((i) => i.type === "session")?.data;
  if (!isRec(session)) return null;
  const messages = new Map<string, { info: Rec; parts: Rec[] }>();
  for (const item of items) {
    if (item.type === "message" && isRec(item.data) && typeof item.data.id === "string") {
      messages.set(item.data.id, { info: item.data, parts: [] });
    }
  }
  const parts = items.filter((i) => i.type === "part" && isRec(i.data)).map((i) => i.data as Rec);
  for (const part of parts.sort(byId)) messages.get(String(part.messageID))?.parts.push(asKnownPart(part));
  const ordered = [...messages.values()].sort((a, b) => created(a.info) - created(b.info) || byId(a.info, b.info));
  return { info: session, messages: ordered };
}
