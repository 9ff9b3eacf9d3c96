// Turns the merged Data[] of a share into the shape the viewer renders: one session, its messages
// in order, each with its parts in order. Items that fail today's schema are skipped, not fatal.
import {
  messageSchema,
  modelSchema,
  partSchema,
  sessionSchema,
  fileDiffSchema,
  type DataItem,
  type FileDiff,
  type Message,
  type Model,
  type Part,
  type Session,
  type UnknownPart,
} from "../schema";

export type ConversationMessage = { info: Message; parts: Array<Part | UnknownPart> };
export type Conversation = {
  session: Session | null;
  messages: ConversationMessage[];
  models: Model[];
  sessionDiff: FileDiff[];
};

// OpenCode ids (msg_/prt_) are time-ordered, so id order is creation order when timestamps tie.
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildConversation(items: DataItem[]): Conversation {
  let session: Session | null = null;
  const messages = new Map<string, ConversationMessage>();
  const parts: Array<Part | UnknownPart> = [];
  const models: Model[] = [];
  let sessionDiff: FileDiff[] = [];

  for (const item of items) {
    if (item.type === "session") {
      const r = sessionSchema.safeParse(item.data);
      if (r.success) session = r.data;
    } else if (item.type === "message") {
      const r = messageSchema.safeParse(item.data);
      if (r.success) messages.set(r.data.id, { info: r.data, parts: [] });
    } else if (item.type === "part") {
      const r = partSchema.safeParse(item.data);
      if (r.success) parts.push(r.data as Part | UnknownPart);
    } else if (item.type === "model" && Array.isArray(item.data)) {
      for (const m of item.data) {
        const r = modelSchema.safeParse(m);
        if (r.success) models.push(r.data);
      }
    } else if (item.type === "session_diff" && Array.isArray(item.data)) {
      sessionDiff = item.data.flatMap((d) => {
        const r = fileDiffSchema.safeParse(d);
        return r.success ? [r.data] : [];
      });
    }
  }

  for (const part of parts.sort(byId)) messages.get(part.messageID)?.parts.push(part);
  const ordered = [...messages.values()].sort((a, b) => a.info.time.created - b.info.time.created || byId(a.info, b.info));
  return { session, messages: ordered, models, sessionDiff };
}
