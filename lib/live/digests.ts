// Which turns a sync changed: a digest of each turn's content per share version, compared with the
// previous version's. The digest covers what the turn renders from (its messages and their parts, its
// number, the context it reads), so a growing text part, a tool that completes or a new turn each
// change exactly their own turn.
import "server-only";
import { createHash } from "node:crypto";
import { planConversation, type ConversationPlan } from "@/components/conversation/conversation";
import { turnKeyer } from "@/components/conversation/turn-runs";
import { loadConversation } from "../shares/view";

/** The keys under which the files-changed section and the page header travel with the turn ids. */
export const FILES = "files";
export const HEADER = "header";

export type Digests = Map<string, string>;

const digest = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("base64url");

/** Turn id -> digest, in page order, plus the files-changed section (FILES) and the header (HEADER). */
export function digestPlan(plan: ConversationPlan): Digests {
  const out: Digests = new Map();
  // A turn's digest is the key its HTML is kept under: it covers everything the turn renders from.
  const keyOf = turnKeyer(plan.ctx);
  plan.chunks.flat().forEach((turn, i) => out.set(turn.id, keyOf(turn, i + 1)));
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
