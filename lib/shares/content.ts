// Large share content served from its own URL rather than inside the page: the full text of a tool
// output, attachments decoded from their data: URLs, the whole body of a long file or edit the page
// shortened, and a changed file's diff. Route handlers under app/s/[id]/raw, file, code and diff are
// thin wrappers over these functions.
import "server-only";
import { ApiError } from "../http/api";
import { omittedAttachment } from "./attachments";
import { decodeDataUrl } from "../view/data-url";
import { isInlineImage } from "../view/content-urls";
import { baseName } from "../view/paths";
import { requireLive } from "./shares";
import { NOINDEX } from "../http/security-headers";
import { runtime } from "../runtime";
import { changedFiles, type ChangedFile } from "../view/changed-files";
import { loadConversation } from "./view";
import { editPatch, fileBody } from "../view/file-body";
import { rec, str } from "../view/tool-data";
import { diffBlockHtml } from "../render/diff-html";
import { numberedCodeHtml } from "../render/code-html";
import { languageFor, languageForPath } from "../render/languages";

const PART_ID = /^[A-Za-z0-9_-]{1,128}$/;

const MIME = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/i;
const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/avif": "avif",
  "text/plain": "txt",
  "application/pdf": "pdf",
};

type Loose = Record<string, unknown>;
export type ServedText = { text: string; etag: string };
export type ServedFile = { bytes: Buffer; mime: string; filename: string; inline: boolean; etag: string };

async function loadPart(shareId: string, partId: string): Promise<{ part: Loose; version: number }> {
  const share = await requireLive(shareId);
  if (!PART_ID.test(partId)) throw new ApiError("not_found", "No part with this id in this share");
  // The URL carries only the part id; the store finds part/<messageID>/<partID> without reading the share.
  const item = await (await runtime().store()).findPart(shareId, partId);
  if (!item) throw new ApiError("not_found", "No part with this id in this share");
  const part = (JSON.parse(item.json) as { data: Loose }).data;
  return { part, version: share.version };
}

/** The full output of a tool part: `state.output` when completed, `state.error` when it failed. */
export async function getToolOutput(shareId: string, partId: string): Promise<ServedText> {
  const { part, version } = await loadPart(shareId, partId);
  const state = (part.type === "tool" ? part.state : undefined) as Loose | undefined;
  const text = state?.status === "completed" ? state.output : state?.status === "error" ? state.error : undefined;
  if (typeof text !== "string") throw new ApiError("not_found", "This part has no tool output");
  return { text, etag: `"v${version}-${partId}"` };
}

/** A part's whole body: as text (a file's text, an edit's patch) and as the page's HTML for it. */
export type PartBody = { text: string; html: () => Promise<string>; etag: string };

/**
 * The whole body of a read, write or edit tool part (lib/view/file-body.ts): the page shows a long
 * one's first lines only. The HTML is what the page's block renders: a numbered code body, or a diff.
 */
export async function getPartBody(shareId: string, partId: string): Promise<PartBody> {
  const { part, version } = await loadPart(shareId, partId);
  const state = rec(part.state);
  const tool = part.type === "tool" && typeof part.tool === "string" ? part.tool : "";
  const etag = `"v${version}-${partId}-body"`;
  const patch = tool === "edit" ? editPatch(rec(state.metadata)) : undefined;
  if (patch) return { text: patch, etag, html: () => diffBlockHtml(patch, str(rec(state.input), "filePath"), shareId) };
  const body = fileBody(tool, state);
  if (!body) throw new ApiError("not_found", "This part shows no file or diff");
  const lang = languageFor(languageForPath(body.path));
  return { text: body.text, etag, html: async () => `<div class="code-body numbered">${await numberedCodeHtml(body.text, lang, body.start, shareId)}</div>` };
}

/** A file in the share's files changed, by its anchor (lib/view/changed-files.ts), with its patch. */
export async function getChangedFile(shareId: string, anchor: string): Promise<ChangedFile & { patch: string; etag: string }> {
  const share = await requireLive(shareId);
  const file = changedFiles(await loadConversation(shareId, share.version)).find((f) => f.anchor === anchor);
  if (!file?.patch) throw new ApiError("not_found", "No diff for this file in this share");
  return { ...file, patch: file.patch, etag: `"v${share.version}-${anchor}"` };
}

/** An attachment's bytes: the file part itself, or entry `index` of its tool state's attachments[]. */
export async function getAttachment(shareId: string, partId: string, index?: number): Promise<ServedFile> {
  const { part, version } = await loadPart(shareId, partId);
  let attachment: Loose | undefined;
  if (index === undefined) attachment = part.type === "file" ? part : undefined;
  else if (part.type === "tool") {
    const list = (part.state as Loose | undefined)?.attachments;
    attachment = Array.isArray(list) && Number.isInteger(index) && index >= 0 ? (list[index] as Loose | undefined) : undefined;
  }
  if (!attachment || typeof attachment !== "object") throw new ApiError("not_found", "No attachment here");
  const omitted = omittedAttachment(attachment);
  if (omitted) throw new ApiError("not_found", "This attachment was not included: it was over this server's size limit", { ...omitted });
  const decoded = typeof attachment.url === "string" ? decodeDataUrl(attachment.url) : null;
  // file:// and remote URLs point at the sharer's machine or the web; there is nothing stored to serve.
  if (!decoded) throw new ApiError("not_found", "This attachment's content is not stored on this server");

  const declared = typeof attachment.mime === "string" ? attachment.mime.toLowerCase() : decoded.mime.toLowerCase();
  const mime = MIME.test(declared) ? declared : "application/octet-stream";
  const fallbackName = `${partId}${index === undefined ? "" : `-${index}`}.${EXTENSIONS[mime] ?? "bin"}`;
  // The name only, never a path; a name of nothing but slashes gets the fallback.
  const named = typeof attachment.filename === "string" ? baseName(attachment.filename.trim()).replace(/[\\/]/g, "") : "";
  const filename = named || fallbackName;
  return { bytes: decoded.bytes, mime, filename, inline: isInlineImage(mime), etag: `"v${version}-${partId}-${index ?? "f"}"` };
}

/** Headers every response of raw share content carries: never sniffed, indexed, or able to run anything. */
export const CONTENT_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "X-Content-Type-Options": "nosniff",
  "X-Robots-Tag": NOINDEX,
  "Cross-Origin-Resource-Policy": "same-origin",
  // Revalidated on every use so an unshare or a sync is seen at once; the ETag keeps that cheap.
  // no-store, like the pages: a full output or a file must not sit in a disk cache after an unshare.
  "Cache-Control": "private, no-store",
};

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
