// Which turns a sync changed: a digest of each turn's content per share version, compared with the
// previous version's. The digest covers what the turn renders from (its messages and their parts), so
// a growing text part, a tool that completes or a new turn each change exactly their own turn.
import "server-only";
import { createHash } from "node:crypto";
import { planConversation, type ConversationPlan } from "@/components/conversation/conversation";
import { isDeferredTurn } from "@/components/conversation/turn-runs";
import { loadConversation } from "../shares/view";

/** The keys under which the files-changed section and the page header travel with the turn ids. */
export const FILES = "files";
export const HEADER = "header";

export type Digests = Map<string, string>;

const digest = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("base64url");

/** Turn id -> digest, in page order, plus the files-changed section (FILES) and the header (HEADER). */
export function digestPlan(plan: ConversationPlan): Digests {
  const out: Digests = new Map();
  // What a turn renders from besides its own items: model names (every step-start) and, for a turn
  // with a patch part, which files have a diff to link to.
  const models = digest([...plan.ctx.modelNames]);
  const anchors = digest([...plan.ctx.diffAnchors]);
  let n = 0;
  for (const turn of plan.chunks.flat()) {
    n++;
    const patches = turn.steps.some((m) => m.parts.some((p) => p.type === "patch"));
    // A turn's place decides its class on the page (turn-deferred), so it is part of what it renders.
    out.set(turn.id, digest([isDeferredTurn(n), turn.user, turn.steps, models, patches ? anchors : null]));
  }
  out.set(FILES, digest(plan.files));
  out.set(HEADER, digest([plan.title, plan.stats]));
  return out;
}

export async function versionDigests(id: string, version: number): Promise<Digests> {
  return digestPlan(planConversation(await loadConversation(id, version), id));
}

/** Ids (turns, then FILES and HEADER) whose digest is new or differs in `next`. */
export function changedTurns(previous: Digests, next: Digests): string[] {
  return [...next].filter(([id, d]) => previous.get(id) !== d).map(([id]) => id);
}
