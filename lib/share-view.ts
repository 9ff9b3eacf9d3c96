// Loads what a viewer page needs; null when there is nothing live to show.
import { cache } from "react";
import { buildConversation, type Conversation } from "./conversation";
import { getShareState } from "./shares";
import { getStore } from "./store";
import type { DataItem } from "./schema";

export type ShareView = { id: string; version: number; conversation: Conversation };

// Cached per request so generateMetadata and the page read the share once.
export const loadShareView = cache(async (id: string): Promise<ShareView | null> => {
  const state = await getShareState(id);
  if (state.status !== "live") return null;
  const items = await (await getStore()).listItems(id);
  const data = items.map((i) => JSON.parse(i.json) as DataItem);
  return { id, version: state.share.version, conversation: buildConversation(data) };
});
