// Loads what a viewer page needs; null when there is nothing live to show.
import { cache } from "react";
import { buildConversation, type Conversation } from "../view/conversation";
import { getRenderCache } from "../render/cache";
import { getShareState } from "./shares";
import { getStore } from "../store";
import type { DataItem } from "../schema";

export type ShareView = { id: string; version: number; conversation: Conversation };

/**
 * The built conversation of a share version. Reading and parsing every item and building the
 * conversation costs ~200-400 ms for 2,000 messages, so it is kept in the render cache (bounded by
 * PARLEY_RENDER_CACHE, dropped on unshare and expiry) per version: every sync bumps the version.
 * Its size is estimated as twice the stored JSON (UTF-16 strings plus object overhead).
 */
export async function loadConversation(id: string, version: number): Promise<Conversation> {
  let jsonChars = 0;
  return getRenderCache().getOrRender(
    id,
    "conversation",
    String(version),
    async () => {
      const items = await (await getStore()).listItems(id);
      const data = items.map((i) => {
        jsonChars += i.json.length;
        return JSON.parse(i.json) as DataItem;
      });
      return buildConversation(data);
    },
    () => jsonChars * 2 + 4096,
  );
}

// Cached per request so generateMetadata and the page read the share once.
export const loadShareView = cache(async (id: string): Promise<ShareView | null> => {
  const state = await getShareState(id);
  if (state.status !== "live") return null;
  return { id, version: state.share.version, conversation: await loadConversation(id, state.share.version) };
});
