// Which turns a sync changed: a digest of each turn's content per share version, compared with the
// previous version's. The digest covers what the turn renders from (its messages and their parts), so
// a growing text part, a tool that completes or a new turn each change exactly their own turn.
import "server-only";
import { createHash } from "node:crypto";
import { planConversation, type ConversationPlan } from "@/components/conversation/conversation";
import { loadConversation } from "../shares/view";

/** The key under which the files-changed section travels with the turn ids. */
export const FILES = "files";

export type Digests = Map<string, string>;

const digest = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("base64url");

/** Turn id -> digest, in page order, plus the files-changed section under FILES. */
export function digestPlan(plan: ConversationPlan): Digests {
  const out: Digests = new Map();
  plan.chunks.forEach((turns, c) => {
    // A turn's chunk decides its class on the page (turn-deferred), so it is part of what it renders.
    for (const turn of turns) out.set(turn.id, digest([c > 0, turn.user, turn.steps]));
  });
  out.set(FILES, digest(plan.files));
  return out;
}

export async function versionDigests(id: string, version: number): Promise<Digests> {
  return digestPlan(planConversation(await loadConversation(id, version), id));
}

/** Ids (turns, then FILES) whose digest is new or differs in `next`. */
export function changedTurns(previous: Digests, next: Digests): string[] {
  return [...next].filter(([id, d]) => previous.get(id) !== d).map(([id]) => id);
}
