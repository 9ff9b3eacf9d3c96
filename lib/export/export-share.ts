// The export service behind /s/:id/export.md and /s/:id/export.json: checks the share is live (404/410
// otherwise, like every other way of reading it), then builds the file from what is stored.
import "server-only";
import { ApiError } from "../http/api";
import { requireLive } from "../shares/shares";
import { loadConversation } from "../shares/view";
import { runtime } from "../runtime";
import type { DataItem } from "../schema";
import { shareToMarkdown } from "./markdown";
import { toOpencodeExport } from "./opencode-json";

export type ExportFile = { body: string; filename: string };

// A file name from the title: readable, and safe in any file system and in Content-Disposition.
function fileStem(title: string | undefined, fallback: string): string {
  const stem = (title ?? "")
    .normalize("NFKD")
    .replace(/[^\w.-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return stem || fallback;
}

export async function exportMarkdown(id: string, origin: string): Promise<ExportFile> {
  const share = await requireLive(id);
  const conversation = await loadConversation(id, share.version);
  const body = shareToMarkdown(conversation, { shareUrl: `${origin}/s/${id}`, origin, shareId: id });
  return { body, filename: `${fileStem(conversation.session?.title, id)}.md` };
}

export async function exportJson(id: string): Promise<ExportFile> {
  await requireLive(id);
  const items = (await (await runtime().store()).listItems(id)).map((i) => JSON.parse(i.json) as DataItem);
  const doc = toOpencodeExport(items);
  if (!doc) throw new ApiError("not_found", "This share has no session yet: there is nothing to export");
  return { body: JSON.stringify(doc, null, 2), filename: `${fileStem(String(doc.info.id ?? ""), id)}.json` };
}
