// Where a share stands and its facts, for the preview tags and the card. The state is read on every
// request (an unshare must take effect at once); the facts are cached per share version, since only a
// sync changes them and every sync bumps the version.
import "server-only";
import { computeShareFacts, type ShareFacts } from "../view/share-facts";
import { getShareState } from "./shares";
import { loadConversation } from "./view";
import { runtime } from "../runtime";

export type SharePreview =
  | { status: "live"; id: string; version: number; facts: ShareFacts }
  | { status: "gone"; id: string; reason: "unshared" | "expired" }
  | { status: "missing" };

export async function getSharePreview(id: string): Promise<SharePreview> {
  const state = await getShareState(id);
  if (state.status === "missing") return { status: "missing" };
  if (state.status === "gone") {
    runtime().facts.delete(id);
    return { status: "gone", id, reason: state.reason };
  }
  const { version } = state.share;
  return { status: "live", id, version, facts: await getShareFacts(id, version) };
}

/** The facts of a live share version, computed once per version. */
export async function getShareFacts(id: string, version: number): Promise<ShareFacts> {
  const facts = runtime().facts;
  const hit = facts.get(id);
  if (hit?.version === version) return hit.facts;
  // The same cached conversation the page renders from (lib/shares/view.ts): read and built once.
  const computed = computeShareFacts(await loadConversation(id, version));
  facts.set(id, { version, facts: computed });
  return computed;
}
