// The built conversation of a share version, as the viewer page and the preview facts read it.
import "server-only";
import { buildConversation, type Conversation } from "../view/conversation";
import type { DataItem } from "../schema";
import { runtime } from "../runtime";

/**
 * The built conversation of a share version. Reading and parsing every item and building the
 * conversation costs ~200-400 ms for 2,000 messages, so it is kept in the render cache (bounded by
 * PARLEY_RENDER_CACHE, dropped on unshare and expiry) per version: every sync bumps the version.
 * Its size is estimated as twice the stored JSON (UTF-16 strings plus object overhead).
 */
export async function loadConversation(id: string, version: number): Promise<Conversation> {
  let jsonChars = 0;
  return runtime().renderCache.getOrRender(
    id,
    "conversation",
    String(version),
    async () => {
      const items = await (await runtime().store()).listItems(id);
      const data = items.map((i) => {
        jsonChars += i.json.length;
        return JSON.parse(i.json) as DataItem;
      });
      return buildConversation(data);
    },
    () => jsonChars * 2 + 4096,
  );
}
