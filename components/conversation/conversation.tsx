// The share page body, planned: header facts, the conversation in turns, and the files it changed.
// lib/page/render-page.ts renders it to HTML piece by piece and streams it: the turns up to
// FIRST_SCREEN_MESSAGES come first, the rest follow in runs of about CHUNK_MESSAGES, in document
// order, so the browser paints the first screen while the server renders the rest, with or without
// JavaScript. Every turn after the first gets `content-visibility: auto` (class
// "turn-deferred", see app/globals.css), so the browser lays out only what is on screen.
import type { Conversation as ConversationData } from "@/lib/view/conversation";
import { groupTurns, visibleMessages, type Turn } from "@/lib/view/visible-parts";
import { modelNameMap } from "@/lib/view/model-names";
import { sessionStats, type ChangedFile, type SessionStats } from "@/lib/view/session-stats";
import { turnSize, type TurnContext } from "./turn-runs";

export const FIRST_SCREEN_MESSAGES = 30;
export const CHUNK_MESSAGES = 100;

/** Splits turns into runs of at least `limit` messages (the last may be shorter). */
export function splitTurns(turns: Turn[], first: number, chunk: number): Turn[][] {
  const out: Turn[][] = [];
  let current: Turn[] = [];
  let count = 0;
  for (const turn of turns) {
    current.push(turn);
    count += turnSize(turn);
    if (count >= (out.length === 0 ? first : chunk)) {
      out.push(current);
      current = [];
      count = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

export type ConversationPlan = { title: string; stats: SessionStats; chunks: Turn[][]; ctx: TurnContext; files: ChangedFile[] };

export function planConversation(conversation: ConversationData, shareId: string): ConversationPlan {
  const stats = sessionStats(conversation);
  const turns = groupTurns(visibleMessages(conversation.messages));
  const ctx: TurnContext = {
    directory: conversation.session?.directory,
    modelNames: modelNameMap(conversation),
    diffAnchors: new Set(stats.files.map((f) => f.anchor)),
    shareId,
  };
  return {
    title: conversation.session?.title || "Untitled session",
    stats,
    chunks: splitTurns(turns, FIRST_SCREEN_MESSAGES, CHUNK_MESSAGES),
    ctx,
    files: stats.files,
  };
}

export function EmptyConversation() {
  return <p className="empty">This session has no messages yet.</p>;
}

export function PageFooter({ agent }: { agent: string }) {
  return (
    <footer className="site-footer">
      Read-only copy of {agent === "Codex" ? "a" : "an"} {agent} session, shared through Parley. Anyone with the link can view it.
    </footer>
  );
}
